namespace Mt4RiskBridge.Core;

/// <summary>The names of the regulatory presets as settings and the report's what-if write them.</summary>
public static class RegulatoryPresets
{
    public const string Names = "none, esma, asic, nfa or fsa-japan";

    public static bool TryParse(string? text, out RegulatoryPreset preset)
    {
        preset = RegulatoryPreset.None;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "NONE": return true;
            case "ESMA": preset = RegulatoryPreset.Esma; return true;
            case "ASIC": preset = RegulatoryPreset.Asic; return true;
            case "NFA": preset = RegulatoryPreset.Nfa; return true;
            case "FSA-JAPAN": preset = RegulatoryPreset.FsaJapan; return true;
            default: return false;
        }
    }
}
