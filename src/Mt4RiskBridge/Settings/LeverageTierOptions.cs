namespace Mt4RiskBridge.Settings;

/// <summary>One row of <c>Risk:LeverageTiers</c>: from <see cref="MinEquity"/> (account currency) up, this leverage.</summary>
public sealed class LeverageTierOptions
{
    public decimal MinEquity { get; set; }

    /// <summary>A ratio such as <c>2000</c> or <c>1:2000</c>, or <c>unlimited</c>.</summary>
    public string? Leverage { get; set; }
}
