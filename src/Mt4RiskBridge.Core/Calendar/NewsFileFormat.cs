namespace Mt4RiskBridge.Core;

/// <summary>The layout of a news calendar file.</summary>
public enum NewsFileFormat
{
    /// <summary>JSON when the content starts with '[' or '{', CSV otherwise.</summary>
    Auto,
    Csv,
    Json,
}
