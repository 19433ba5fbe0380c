namespace Mt4RiskBridge.Protocol;

/// <summary>
/// A list inside a warning's details. Items are what a detail may hold: a string, a decimal, a boolean, null,
/// a <see cref="WarningObject"/> or another <see cref="WarningList"/>.
/// </summary>
public sealed record WarningList(EquatableArray<object?> Items);
