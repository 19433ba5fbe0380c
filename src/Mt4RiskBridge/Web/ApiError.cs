namespace Mt4RiskBridge.Web;

/// <summary>The body of every API error: <c>{"error":"..."}</c>.</summary>
public sealed record ApiError(string Error);
