using System.ComponentModel.DataAnnotations;

namespace Mt4RiskBridge.Settings;

/// <summary>The <c>Bridge</c> section: where the service listens and how long state stays trustworthy.</summary>
public sealed class BridgeOptions
{
    public const string Section = "Bridge";

    /// <summary>The shape <see cref="Endpoint"/> must have; the port's range is checked apart.</summary>
    public const string EndpointPattern = @"^tcp://[^:/\s]+:\d{1,5}$";

    /// <summary>ZeroMQ endpoint the ROUTER socket binds; port 0 picks a free port (tests).</summary>
    [Required]
    [RegularExpression(EndpointPattern, ErrorMessage = "Bridge:Endpoint must look like tcp://127.0.0.1:5557")]
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

    /// <summary>
    /// Folder the service keeps its state, audit trail and (by default) logs in; relative paths in the settings are
    /// inside it. Unset: systemd's <c>STATE_DIRECTORY</c>, else <c>%ProgramData%\Mt4RiskBridge</c> on Windows and
    /// <c>$XDG_STATE_HOME/mt4riskbridge</c> (<c>~/.local/state/mt4riskbridge</c>) elsewhere — never the build folder.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder of the rolling log files; unset: systemd's <c>LOGS_DIRECTORY</c>, else <c>logs</c>; empty: no log files.</summary>
    public string? LogDirectory { get; set; }

    /// <summary>JSON-lines file every decision is appended to.</summary>
    [Required]
    public string AuditPath { get; set; } = "logs/decisions.jsonl";

    /// <summary>The audit file is set aside (renamed with the time) when a line would take it past this size, and at each UTC day's first decision.</summary>
    [Range(4096, long.MaxValue, ErrorMessage = "Bridge:AuditRollBytes must be at least 4096")]
    public long AuditRollBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Set-aside audit files kept beside the current one; older ones are deleted.</summary>
    [Range(1, 100_000, ErrorMessage = "Bridge:AuditRetainFiles must be between 1 and 100000")]
    public int AuditRetainFiles { get; set; } = 90;

    /// <summary>
    /// Largest message read; larger frames up to twice this get <c>too_large</c>, and a peer that sends a frame over
    /// twice this is disconnected by the socket before the frame is buffered.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Bridge:MaxMessageBytes must be between 1024 and 67108864")]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>How many times binding is retried while the port is still held by a previous process.</summary>
    [Range(0, 100, ErrorMessage = "Bridge:BindRetries must be between 0 and 100")]
    public int BindRetries { get; set; } = 5;

    /// <summary>Token every account without its own must send in <c>hello</c>; unset (with no account tokens) means no authentication.</summary>
    public string? Token { get; set; }

    /// <summary>Per-account settings keyed by login (<c>Bridge:Accounts:5012345:Token</c>).</summary>
    public Dictionary<string, AccountAccessOptions> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The CURVE key pair; required when <see cref="Endpoint"/> is not a loopback address.</summary>
    public CurveOptions Curve { get; set; } = new();

    /// <summary>
    /// Most authenticated connections (accepted <c>hello</c>) the service serves at once; a hello beyond it is refused
    /// with <c>limit_exceeded</c>. Peers that have not said hello hold no place.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Bridge:MaxConnections must be between 1 and 1000000")]
    public int MaxConnections { get; set; } = 2048;

    /// <summary>Most symbols (contracts or quotes) one account may hold.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Bridge:MaxSymbolsPerAccount must be between 1 and 1000000")]
    public int MaxSymbolsPerAccount { get; set; } = 1000;

    /// <summary>Most open positions one <c>positions</c> message or check snapshot may list.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Bridge:MaxPositionsPerAccount must be between 1 and 1000000")]
    public int MaxPositionsPerAccount { get; set; } = 1000;

    /// <summary>Messages per second one connection may send, measured as a bucket that holds one second's worth.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Bridge:MaxMessagesPerSecond must be between 1 and 10000000")]
    public int MaxMessagesPerSecond { get; set; } = 1000;

    /// <summary>Bytes per second one connection may send, as a bucket holding one second's worth (at least one largest message).</summary>
    [Range(1024, int.MaxValue, ErrorMessage = "Bridge:MaxBytesPerSecond must be between 1024 and 2147483647")]
    public int MaxBytesPerSecond { get; set; } = 256 * 1024;

    /// <summary>Messages per second from all peers that have not said hello, together; the excess is dropped unanswered.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Bridge:MaxUnauthenticatedMessagesPerSecond must be between 1 and 1000000")]
    public int MaxUnauthenticatedMessagesPerSecond { get; set; } = 500;

    /// <summary>Messages queued per connection before the socket stops reading that peer (TCP pushes back on the sender).</summary>
    [Range(1, 100_000, ErrorMessage = "Bridge:ReceiveQueueMessages must be between 1 and 100000")]
    public int ReceiveQueueMessages { get; set; } = 100;

    /// <summary>
    /// TCP connections held beyond <see cref="MaxConnections"/>: peers still in their handshake or before hello. The
    /// listener closes any connection beyond the sum at once (and stays within the process's file-descriptor limit).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Bridge:MaxPendingConnections must be between 1 and 1000000")]
    public int MaxPendingConnections { get; set; } = 256;

    /// <summary>
    /// A TCP connection whose peer has not completed the ZeroMQ handshake this long after it was accepted is closed
    /// (Linux, where the bytes a peer sent can be read).
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Bridge:HandshakeTimeoutSeconds must be between 1 and 3600")]
    public int HandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// A TCP connection not kept for an accepted hello this long after it was accepted is closed: a peer that completes
    /// the handshake and never says hello, one whose hello was refused, and one let go for silence. Long enough for a
    /// busy service to answer a hello that waits behind others.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Bridge:HelloTimeoutSeconds must be between 1 and 3600")]
    public int HelloTimeoutSeconds { get; set; } = 30;
}
