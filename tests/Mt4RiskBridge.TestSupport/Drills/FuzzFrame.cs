namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>A generated message: one frame, or several for the framing tests, and the id it was given.</summary>
public sealed record FuzzFrame(string GivenId, IReadOnlyList<byte[]> Frames);
