namespace Mt4RiskBridge.Core;

/// <summary>A scheduled release: its time in broker server time, the three-letter currency it moves, impact and title.</summary>
public sealed record NewsEvent(DateTime Time, string Currency, NewsImpact Impact, string Title);
