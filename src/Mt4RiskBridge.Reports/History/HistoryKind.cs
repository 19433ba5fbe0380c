namespace Mt4RiskBridge.Reports;

/// <summary>Which MT4 file a history came from; the definitions differ slightly between them.</summary>
public enum HistoryKind
{
    Statement,
    TesterReport,
}
