using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Settings;
using System.Globalization;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Decides whether a <c>hello</c> may bind its connection to an account: a connection keeps the account it first
/// named (<c>account_mismatch</c>), and when tokens are configured the hello must carry the account's own token or
/// else the shared one (<c>not_authenticated</c>, after which the connection is ignored). Tokens are held as
/// digests and never logged.
/// </summary>
public sealed partial class HelloGate
{
    private readonly byte[]? _shared;
    private readonly Dictionary<long, byte[]> _perAccount = [];
    private readonly BridgeCounters _counters;
    private readonly ILogger<HelloGate> _logger;

    public HelloGate(IOptions<BridgeOptions> options, BridgeCounters counters, ILogger<HelloGate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.Token)) _shared = TokenRules.Digest(settings.Token);
        foreach (var (login, account) in settings.Accounts)
        {
            // Malformed entries stop the service at start (SecurityCheck); here they are simply not usable.
            if (long.TryParse(login, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && !string.IsNullOrEmpty(account.Token))
                _perAccount[number] = TokenRules.Digest(account.Token);
        }
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Whether hellos must carry a token.</summary>
    public bool Enabled => _shared is not null || _perAccount.Count > 0;

    /// <summary>Null when the hello may proceed; otherwise the error to send back.</summary>
    public byte[]? Refuse(Connection connection, HelloMessage hello)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(hello);
        if (connection.Login is { } previous && previous != hello.Account)
        {
            _counters.CountAccountMismatch();
            LogMismatch(previous, hello.Account);
            return WireWriter.Serialize(new WireError(WireErrorCode.AccountMismatch,
                $"this connection already speaks for account {previous}; open a new connection for account {hello.Account}") { Id = hello.Id });
        }
        if (!Enabled) return null;

        var expected = _perAccount.TryGetValue(hello.Account, out var own) ? own : _shared;
        // An account without a token of its own, when there is no shared one, cannot authenticate at all; it still
        // pays for one comparison so that its answer takes as long as a wrong token's.
        if (TokenRules.Matches(expected ?? new byte[TokenRules.DigestLength], hello.Token) && expected is not null) return null;

        connection.Guard.Ignored = true;
        connection.Login = null;
        connection.Slot = null;
        _counters.CountNotAuthenticated();
        LogNotAuthenticated(hello.Account, hello.Token is null ? "no token" : "a token that is not accepted");
        return WireWriter.Serialize(new WireError(WireErrorCode.NotAuthenticated,
            "hello refused: the token is missing or not accepted for this account; this connection is ignored from now on, connect again with the right token") { Id = hello.Id });
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Hello for account {Login} refused ({What}); its connection is ignored from now on")]
    private partial void LogNotAuthenticated(long login, string what);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "A connection of account {Login} sent a hello for account {Other}; refused")]
    private partial void LogMismatch(long login, long other);
}
