using System.Globalization;

namespace Mt4RiskBridge.Reports;

/// <summary>Numbers and times as MT4 writes them in its HTML reports.</summary>
internal static class CellText
{
    private static readonly string[] TimeFormats = ["yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd HH:mm", "yyyy.MM.dd"];

    /// <summary>Reads "1 434.86", "-1 100.00" or "0.01": MT4 separates thousands with spaces (or no-break spaces).</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '\u00a0' or '\t' or '\r' or '\n') continue;
            if (length == buffer.Length)
            {
                value = 0m;
                return false;
            }
            buffer[length++] = c;
        }
        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    public static bool TryTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces, out value);
}
