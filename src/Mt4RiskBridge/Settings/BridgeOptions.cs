using System.ComponentModel.DataAnnotations;

namespace Mt4RiskBridge.Settings;

/// <summary>The <c>Bridge</c> section: where the service listens and how long state stays trustworthy.</summary>
public sealed class BridgeOptions
{
    public const string Section = "Bridge";

    /// <summary>ZeroMQ endpoint the ROUTER socket binds; port 0 picks a free port (tests).</summary>
    [Required]
    [RegularExpression(@"^tcp://[^:/\s]+:\d{1,5}$", ErrorMessage = "Bridge:Endpoint must look like tcp://127.0.0.1:5557")]
    public string Endpoint { get; set; } = "tcp://127.0.0.1:5557";

    /// <summary>A check whose account state or quote arrived longer ago than this is rejected as stale.</summary>
    [Range(1, 3600, ErrorMessage = "Bridge:StaleAfterSeconds must be between 1 and 3600")]
    public int StaleAfterSeconds { get; set; } = 10;

    /// <summary>An account with no message on any connection for this long is dropped.</summary>
    [Range(2, 86400, ErrorMessage = "Bridge:SessionTimeoutSeconds must be between 2 and 86400")]
    public int SessionTimeoutSeconds { get; set; } = 30;

    /// <summary>Heartbeat interval the service asks terminals for in <c>welcome</c>.</summary>
    [Range(100, 60000, ErrorMessage = "Bridge:HeartbeatMs must be between 100 and 60000")]
    public int HeartbeatMs { get; set; } = 1000;

    /// <summary>JSON-lines file every decision is appended to.</summary>
    [Required]
    public string AuditPath { get; set; } = "logs/decisions.jsonl";

    /// <summary>Largest frame accepted; larger frames are dropped by the socket before they are buffered.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Bridge:MaxMessageBytes must be between 1024 and 67108864")]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>How many times binding is retried while the port is still held by a previous process.</summary>
    [Range(0, 100, ErrorMessage = "Bridge:BindRetries must be between 0 and 100")]
    public int BindRetries { get; set; } = 5;
}
