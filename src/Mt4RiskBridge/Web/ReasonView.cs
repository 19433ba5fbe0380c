namespace Mt4RiskBridge.Web;

/// <summary>A reason's stable code and its message.</summary>
public sealed record ReasonView(string Code, string Message);
