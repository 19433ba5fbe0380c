namespace Mt4RiskBridge.Settings;

public sealed class StressSizeOptions
{
    public List<string> Patterns { get; set; } = [];
    public List<string> Classes { get; set; } = [];

    /// <summary>Gap against each position, in percent; null exempts the match.</summary>
    public decimal? Percent { get; set; }
}
