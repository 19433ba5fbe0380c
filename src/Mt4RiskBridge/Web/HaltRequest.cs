namespace Mt4RiskBridge.Web;

/// <summary>Body of <c>POST /api/accounts/{login}/halt</c>.</summary>
public sealed record HaltRequest(string? Reason);
