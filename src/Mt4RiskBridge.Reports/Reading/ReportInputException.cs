namespace Mt4RiskBridge.Reports;

/// <summary>
/// An input the report cannot use (not a statement, truncated, empty, too large, unconvertible currency).
/// The message is one line for the user; the command turns it into exit code 2.
/// </summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException(string message) : base(message) { }

    public ReportInputException() { }

    public ReportInputException(string message, Exception innerException) : base(message, innerException) { }
}
