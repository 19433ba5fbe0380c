namespace Mt4RiskBridge.Web;

/// <summary>One setting as the service reads it (<c>Bridge:Endpoint</c>), secrets already masked.</summary>
public sealed record SettingValue(string Key, string Value);
