using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>Field parsing shared by the CSV and JSON news readers; each method returns null and an error text on bad input.</summary>
internal static class NewsFields
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy.MM.dd HH:mm", "yyyy.MM.dd HH:mm:ss",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    public static string? Canonical(string header) => header.Trim().ToLowerInvariant() switch
    {
        "time" or "date" or "datetime" => "time",
        "currency" or "country" => "currency",
        "impact" => "impact",
        "title" or "event" or "name" => "title",
        _ => null,
    };

    public static readonly string[] Required = ["time", "currency", "impact", "title"];

    public static bool TryTime(string text, TimeSpan? serverUtcOffset, out DateTime time, out string error)
    {
        var trimmed = text.Trim();
        error = "";
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            return TryUnix(seconds, out time, out error);
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            return true;
        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            if (serverUtcOffset is { } offset)
            {
                time = DateTime.SpecifyKind(withOffset.UtcDateTime + offset, DateTimeKind.Unspecified);
                return true;
            }
            error = $"time '{trimmed}' carries a UTC offset but no server UTC offset is configured";
            return false;
        }
        error = string.IsNullOrEmpty(trimmed) ? "time is empty" : $"time '{trimmed}' is not yyyy-MM-dd HH:mm[:ss] or unix seconds";
        return false;
    }

    public static bool TryUnix(long seconds, out DateTime time, out string error)
    {
        error = "";
        time = default;
        // 1970 to 9999: beyond that DateTime cannot hold it.
        if (seconds is < 0 or > 253_402_300_799)
        {
            error = $"time {seconds.ToString(CultureInfo.InvariantCulture)} is out of range";
            return false;
        }
        time = ServerTime.FromUnixSeconds(seconds);
        return true;
    }

    public static bool TryCurrency(string text, out string currency, out string error)
    {
        currency = text.Trim().ToUpperInvariant();
        error = "";
        if (currency.Length == 3 && currency.All(c => c is >= 'A' and <= 'Z')) return true;
        error = $"currency '{text.Trim()}' is not a three-letter code";
        return false;
    }

    public static bool TryImpact(string text, out NewsImpact impact, out string error)
    {
        error = "";
        impact = text.Trim().ToLowerInvariant() switch
        {
            "high" or "h" or "3" or "red" => NewsImpact.High,
            "medium" or "m" or "2" or "orange" => NewsImpact.Medium,
            "low" or "l" or "1" or "yellow" => NewsImpact.Low,
            "none" or "0" or "holiday" or "non-economic" or "gray" or "grey" => NewsImpact.None,
            _ => (NewsImpact)(-1),
        };
        if (Enum.IsDefined(impact)) return true;
        error = $"impact '{text.Trim()}' is not high, medium, low or none";
        return false;
    }

    public static bool TryTitle(string text, out string title, out string error)
    {
        title = text.Trim();
        error = title.Length == 0 ? "title is empty" : "";
        return title.Length > 0;
    }
}
