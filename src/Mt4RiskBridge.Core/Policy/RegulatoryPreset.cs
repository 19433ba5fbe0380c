namespace Mt4RiskBridge.Core;

/// <summary>Retail leverage limits set by a regulator, applied on top of the broker's.</summary>
public enum RegulatoryPreset
{
    None,
    Esma,
    Asic,
    Nfa,
    FsaJapan,
}
