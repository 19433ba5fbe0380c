using System.Globalization;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>Server times for tests, written as "yyyy-MM-dd HH:mm[:ss]". 2026-11-20 is a Friday.</summary>
internal static class ServerClock
{
    public static DateTime At(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Format(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
}
