namespace Mt4RiskBridge.Reports;

/// <summary>One line of the <c>--contracts</c> file: units per lot and the currency the symbol is priced in.</summary>
public sealed record ContractEntry(decimal Contract, string Currency);
