namespace Mt4RiskBridge.Settings;

/// <summary>
/// <c>Risk:LotCaps</c>: global caps (0 is off) with overrides per symbol and per class, where a key left out
/// inherits the broader value.
/// </summary>
public sealed class LotCapsOptions : LotCapValues
{
    public Dictionary<string, LotCapValues> Symbols { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, LotCapValues> Classes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
