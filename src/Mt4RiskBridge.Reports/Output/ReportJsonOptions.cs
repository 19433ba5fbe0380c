using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mt4RiskBridge.Reports;

/// <summary>How every report JSON file is written: indented, and readable text (the files are not embedded in HTML).</summary>
internal static class ReportJsonOptions
{
    public static JsonWriterOptions Writer { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
