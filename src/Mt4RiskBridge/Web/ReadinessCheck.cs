using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Web;

/// <summary>Ready to judge orders: the ZeroMQ socket is bound, the audit trail can be written and the state store answers.</summary>
internal sealed class ReadinessCheck(BridgeEndpoint endpoint, AuditTrail audit, AccountStateStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (!endpoint.Bound.IsCompletedSuccessfully) problems.Add("the bridge socket is not bound yet");
        if (!audit.IsWritable) problems.Add("the audit trail cannot be written");
        if (!store.IsOpen()) problems.Add("the account state store does not answer");
        var data = new Dictionary<string, object>
        {
            ["socketBound"] = endpoint.Bound.IsCompletedSuccessfully,
            ["auditWritable"] = audit.IsWritable,
        };
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("socket bound, audit writable, state store open", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
    }
}
