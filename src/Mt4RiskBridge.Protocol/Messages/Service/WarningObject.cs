namespace Mt4RiskBridge.Protocol;

/// <summary>A nested object inside a warning's details, such as one position of a stress report.</summary>
public sealed record WarningObject(EquatableArray<WarningDetail> Fields);
