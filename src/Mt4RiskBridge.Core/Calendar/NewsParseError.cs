namespace Mt4RiskBridge.Core;

/// <summary>A row of a news file that was skipped: its 1-based line number in the file and what was wrong.</summary>
public sealed record NewsParseError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
