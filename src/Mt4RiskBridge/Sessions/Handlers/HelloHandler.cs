using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>
/// A <c>hello</c>: the gate decides whether it may bind its connection to the account; an accepted one is kept in
/// the table (within <c>Bridge:MaxConnections</c>) and shares the account's state with its other connections.
/// </summary>
public sealed partial class HelloHandler : IMessageHandler
{
    private readonly HelloGate _gate;
    private readonly ConnectionTable _connections;
    private readonly InputLimits _limits;
    private readonly AccountUpdater _accounts;
    private readonly int _heartbeatMs;
    private readonly ILogger<HelloHandler> _logger;

    public HelloHandler(HelloGate gate, ConnectionTable connections, InputLimits limits, AccountUpdater accounts,
        IOptions<BridgeOptions> options, ILogger<HelloHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gate = gate;
        _connections = connections;
        _limits = limits;
        _accounts = accounts;
        _heartbeatMs = options.Value.HeartbeatMs;
        _logger = logger;
    }

    /// <summary>Identifies this run of the service; a client that sees it change knows to resend its state.</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N")[..12];

    public string Type => WireMessageType.Hello;

    public byte[]? Handle(Connection connection, ClientMessage message, DateTimeOffset now, long received, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var hello = (HelloMessage)message;
        refused = true;
        var held = connection.Login;
        if (_gate.Refuse(connection, hello) is { } refusal)
        {
            // Failed authentication: the connection loses whatever it held and is ignored until it disconnects.
            if (connection.Guard.Ignored) _connections.Ignore(connection, held);
            return refusal;
        }
        if (!_connections.IsKept(connection) && _limits.AdmitHello(hello, _connections.Count, now) is { } full) return full;
        refused = false;
        connection.Login = hello.Account;
        connection.Client = hello.Client;
        connection.Slot = _accounts.Hello(hello);
        _connections.Accept(connection);
        LogHello(hello.Account, hello.Server, hello.Client, connection.UsesDelimiter ? "REQ" : "DEALER");
        return WireWriter.Serialize(new WelcomeMessage(SessionId, _heartbeatMs) { Id = hello.Id });
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Account {Login} hello from {Server} via {Client} ({Socket})")]
    private partial void LogHello(long login, string server, string client, string socket);
}
