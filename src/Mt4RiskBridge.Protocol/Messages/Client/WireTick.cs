namespace Mt4RiskBridge.Protocol;

/// <summary>One quote inside a <see cref="TicksMessage"/>; <see cref="Time"/> is broker server time (unix seconds).</summary>
public sealed record WireTick(string Symbol, decimal Bid, decimal Ask, long Time);
