namespace Mt4RiskBridge.Reports;

/// <summary>
/// One leverage the history is tested against: "25" … "2000", "tiers" (the default equity tier table) or
/// "account". <see cref="MarginLevelAtOpen"/> is the lowest margin level in percent at any open (null when no
/// open used margin); <see cref="RefusedAt"/> counts opens whose margin exceeded the free margin.
/// </summary>
public sealed record LeverageFigure(string Key, decimal? MarginLevelAtOpen, int? RefusedAt);
