namespace Mt4RiskBridge.Reports;

/// <summary>A recorded check whose verdict or lots differ when judged again under the what-if policy.</summary>
public sealed record WhatIfChange(
    int LineNumber,
    DateTime At,
    long Login,
    string? Id,
    string Symbol,
    string Side,
    decimal RequestedLots,
    string RecordedVerdict,
    decimal RecordedLots,
    string Verdict,
    decimal Lots,
    IReadOnlyList<string> ReasonCodes,
    string? FirstReason);
