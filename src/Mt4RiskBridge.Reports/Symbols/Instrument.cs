namespace Mt4RiskBridge.Reports;

/// <summary>
/// A symbol the report can value: its name without broker decoration, base and quote currency (the base of
/// a contract-file symbol is its name) and the units one lot holds.
/// </summary>
public sealed record Instrument(string Name, InstrumentKind Kind, string Base, string Quote, decimal Contract);
