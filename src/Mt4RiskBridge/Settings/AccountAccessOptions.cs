namespace Mt4RiskBridge.Settings;

/// <summary><c>Bridge:Accounts:&lt;login&gt;</c>: what one account must present in its <c>hello</c>.</summary>
public sealed class AccountAccessOptions
{
    /// <summary>The account's own token; it replaces the shared <c>Bridge:Token</c> for this login.</summary>
    public string? Token { get; set; }
}
