namespace Mt4RiskBridge.Reports;

/// <summary>How a symbol's notional is valued.</summary>
public enum InstrumentKind
{
    CurrencyPair,
    Metal,
    /// <summary>Contract size from the <c>--contracts</c> file; priced in that file's currency.</summary>
    FromContractFile,
}
