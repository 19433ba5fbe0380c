namespace Mt4RiskBridge.Settings;

/// <summary>The four lot limits, each optional so an override can name only the ones it changes.</summary>
public class LotCapValues
{
    public decimal? MaxLotsPerOrder { get; set; }

    public decimal? MaxLotsPerSymbol { get; set; }

    public decimal? MaxLotsTotal { get; set; }

    public int? MaxOpenPositions { get; set; }
}
