namespace Mt4RiskBridge.Web;

/// <summary>
/// One setting as the service applies it (<c>Bridge:Endpoint</c>), secrets already masked, and whether a change to it
/// needs a restart (<see cref="Settings.RestartOnlySettings"/>) or applies live.
/// </summary>
public sealed record SettingValue(string Key, string Value, bool RestartOnly);
