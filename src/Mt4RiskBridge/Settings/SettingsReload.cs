namespace Mt4RiskBridge.Settings;

/// <summary>A change of the settings while the service ran: when, whether it was applied, and if not, why.</summary>
public sealed record SettingsReload(DateTimeOffset At, bool Applied, string? Refused);
