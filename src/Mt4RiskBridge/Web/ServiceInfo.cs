namespace Mt4RiskBridge.Web;

/// <summary>Answer to <c>GET /api/service</c>: which service a command line reached.</summary>
public sealed record ServiceInfo(string Name, string Version, string? BridgeEndpoint, string? DashboardEndpoint, int Pid);
