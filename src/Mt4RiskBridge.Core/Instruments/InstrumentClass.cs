namespace Mt4RiskBridge.Core;

/// <summary>Broad instrument groups that brokers and regulators set leverage caps by.</summary>
public enum InstrumentClass
{
    ForexMajor,
    ForexMinor,
    ForexExotic,
    Metal,
    Energy,
    Index,
    Stock,
    Crypto,
}
