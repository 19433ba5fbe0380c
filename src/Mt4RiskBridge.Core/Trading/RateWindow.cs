namespace Mt4RiskBridge.Core;

/// <summary>One account's checks in the current one-second window, on the service's clock. The host keeps the latest per account.</summary>
public sealed record RateWindow(DateTimeOffset Start, int Count);
