namespace Mt4RiskBridge.Protocol;

/// <summary>The range a decimal field must fall in.</summary>
internal enum Bound
{
    Any,
    NonNegative,
    Positive,
}
