namespace Mt4RiskBridge.Cli;

/// <summary>What <c>GET /api/service</c> says about the running service.</summary>
internal sealed record ServiceIdentity(string? Name, string? Version, string? BridgeEndpoint, string? DashboardEndpoint, int? Pid);
