namespace Mt4RiskBridge.Settings;

/// <summary><c>Risk:Classes:&lt;class&gt;</c>: symbol globs that put a symbol in the class, and how it may be levered.</summary>
public sealed class ClassOptions
{
    /// <summary>Globs such as <c>XAU*</c>; matched before the built-in patterns.</summary>
    public List<string> Patterns { get; set; } = [];

    /// <summary>Cap for the class (<c>unlimited</c>, <c>400</c>, <c>1:400</c>); null keeps the default.</summary>
    public string? MaxLeverage { get; set; }

    /// <summary>Whether the class may use the unlimited tier; null keeps the default.</summary>
    public bool? UnlimitedEligible { get; set; }
}
