namespace Mt4RiskBridge.Protocol;

/// <summary>The stable <c>error</c> codes: part of the public protocol, never renamed.</summary>
public static class WireErrorCode
{
    /// <summary>The frame is not a UTF-8 JSON object.</summary>
    public const string BadJson = "bad_json";

    /// <summary>A field is missing, of the wrong JSON type, or out of range; the message names the field.</summary>
    public const string BadField = "bad_field";

    /// <summary>The <c>"type"</c> is not one a client may send.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary><c>"v"</c> is missing or is not 1.</summary>
    public const string UnsupportedVersion = "unsupported_version";

    /// <summary>The frame is larger than the service accepts (checked by the host before parsing).</summary>
    public const string TooLarge = "too_large";

    /// <summary>The connection sent something other than <c>hello</c> before its <c>hello</c>.</summary>
    public const string NoHello = "no_hello";

    /// <summary>The <c>hello</c> token was missing or not accepted.</summary>
    public const string NotAuthenticated = "not_authenticated";

    /// <summary>A connection tried to speak for a different account than its <c>hello</c> named.</summary>
    public const string AccountMismatch = "account_mismatch";

    /// <summary>The connection sends faster than the service allows.</summary>
    public const string RateLimit = "rate_limit";

    /// <summary>A bound the service keeps was reached (connections, symbols or positions per account); the message names the setting.</summary>
    public const string LimitExceeded = "limit_exceeded";

    /// <summary>The service failed internally while handling the message; a check that meets this is not approved.</summary>
    public const string EngineError = "engine_error";

    /// <summary>Every code above, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
        [BadJson, BadField, UnknownType, UnsupportedVersion, TooLarge, NoHello, NotAuthenticated, AccountMismatch, RateLimit, LimitExceeded, EngineError];
}
