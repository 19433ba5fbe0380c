namespace Mt4RiskBridge.Settings;

/// <summary><c>Eligibility</c>: the broker's conditions for unlimited leverage.</summary>
public sealed class EligibilityOptions
{
    public const string Section = "Eligibility";

    public int? MinClosedTrades { get; set; }
    public decimal? MinClosedLots { get; set; }
    public decimal? MaxEquity { get; set; }
}
