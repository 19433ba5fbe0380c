using System.Text.Json;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Writes a <see cref="ReportSummary"/> as the JSON of docs/report.md: money rounded to the cent, percents and
/// leverage ratios to four places, unknown figures as null.
/// </summary>
public static class SummaryJson
{
    public static void Write(Stream output, ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var json = new Utf8JsonWriter(output, ReportJsonOptions.Writer);
        json.WriteStartObject();
        json.WriteString("file", summary.File);
        json.WriteString("kind", summary.Kind == HistoryKind.Statement ? "statement" : "testerReport");
        if (summary.Account is null) json.WriteNull("account");
        else json.WriteString("account", summary.Account);
        json.WriteString("accountCurrency", summary.AccountCurrency);
        json.WriteBoolean("currencyAssumed", summary.CurrencyAssumed);
        Number(json, "accountLeverage", summary.AccountLeverage, 0);
        json.WriteNumber("trades", summary.Trades);
        json.WriteNumber("lots", summary.Lots);
        Number(json, "netProfit", summary.NetProfit, 2);
        Number(json, "deposits", summary.Deposits, 2);
        Number(json, "withdrawals", summary.Withdrawals, 2);
        json.WriteNumber("maxConcurrentPositions", summary.MaxConcurrentPositions);
        Number(json, "stopLossShare", summary.StopLossShare, 4);
        Number(json, "maxRiskPercent", summary.MaxRiskPercent, 4);
        Number(json, "medianRiskPercent", summary.MedianRiskPercent, 4);
        Number(json, "peakEffectiveLeverage", summary.PeakEffectiveLeverage, 4);
        if (summary.ExperienceProfile is null) json.WriteNull("experienceProfile");
        else json.WriteString("experienceProfile", summary.ExperienceProfile);
        json.WriteStartObject("marginLevelAtOpen");
        foreach (var figure in summary.Leverages) Number(json, figure.Key, figure.MarginLevelAtOpen, 2);
        json.WriteEndObject();
        if (summary.MinimumLeverage is { } minimum) json.WriteNumber("minimumLeverage", minimum);
        else json.WriteNull("minimumLeverage");
        json.WriteStartObject("refusedAt");
        foreach (var figure in summary.Leverages)
        {
            if (figure.RefusedAt is { } refused) json.WriteNumber(figure.Key, refused);
            else json.WriteNull(figure.Key);
        }
        json.WriteEndObject();
        if (summary.LeverageDependent is { } dependent) json.WriteBoolean("leverageDependent", dependent);
        else json.WriteNull("leverageDependent");
        json.WriteNumber("addsToLosers", summary.AddsToLosers);
        json.WriteNumber("lotEscalations", summary.LotEscalations);
        json.WriteNumber("maxStackedPositions", summary.MaxStackedPositions);
        json.WriteNumber("heldOverWeekend", summary.HeldOverWeekend);
        json.WriteNumber("heldOverWeekendMaxLots", summary.HeldOverWeekendMaxLots);
        json.WriteBoolean("unlimitedEligible", summary.UnlimitedEligible);
        Strings(json, "excludedSymbols", summary.ExcludedSymbols);
        Strings(json, "notes", summary.Notes);
        json.WriteStartArray("unusedRows");
        foreach (var rows in summary.Unused)
        {
            json.WriteStartObject();
            json.WriteString("what", rows.What);
            json.WriteString("reason", rows.Reason);
            json.WriteNumber("count", rows.Count);
            Strings(json, "tickets", rows.Tickets);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value, int decimals)
    {
        if (value is { } v) json.WriteNumber(name, Math.Round(v, decimals, MidpointRounding.AwayFromZero));
        else json.WriteNull(name);
    }
}
