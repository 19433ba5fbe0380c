using System.Globalization;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Computes the report's figures from a history, as docs/report.md defines them: one pass over opens and
/// closes in time order (a close in the same second as an open counts first).
/// </summary>
public static class LeverageAnalysis
{
    /// <summary>The leverages every history is tested against, smallest first.</summary>
    public static IReadOnlyList<int> TestedLeverages { get; } = [25, 30, 50, 100, 200, 500, 1000, 2000];

    public const string TiersKey = "tiers";
    public const string AccountKey = "account";

    public static ReportSummary Run(TradeHistory history, InstrumentCatalog catalog, string fileName, decimal? accountLeverage = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(catalog);
        var trades = history.Trades.OrderBy(t => t.OpenTime).ThenBy(t => t.CloseTime).ToArray();
        var currency = history.AccountCurrency;
        var notes = new List<string>();
        if (history.CurrencyAssumed) notes.Add("The file does not name its account currency; USD is assumed.");

        var instruments = trades.Select(t => t.Symbol).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, catalog.Find, StringComparer.Ordinal);
        var rates = UsdRates.From(trades.Where(t => instruments[t.Symbol] is not null).Select(t => (t, instruments[t.Symbol]!)));
        if (currency != "USD" && !rates.Has(currency))
            throw new ReportInputException($"{fileName}: the account is in {currency} but the history has no {currency}USD or USD{currency} trades to convert USD amounts with; no rates are guessed");

        // A symbol whose value needs a USD rate the history cannot supply is excluded, like an unknown symbol.
        foreach (var (symbol, instrument) in instruments)
        {
            if (instrument is not null && !rates.Has(ValuationCurrency(instrument))) instruments[symbol] = null;
        }
        var excluded = instruments.Where(p => p.Value is null).Select(p => p.Key.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (excluded.Length > 0)
            notes.Add($"Left out of notional, margin and risk figures (no contract size or USD rate): {string.Join(", ", excluded)}.");

        var balance = new BalanceTimeline(history.Balance, trades);
        var hasOpeningBalance = history.Balance.Any(b => b.Time <= trades[0].OpenTime);
        if (!hasOpeningBalance)
            notes.Add("No balance row precedes the first trade (a statement of a period), so the balance at each open is unknown: leverage, margin and risk figures are null.");
        else
            notes.Add("Margin levels divide balanceAt(open) by margin: the files record no floating P&L between events, so equity is taken as the balance.");

        var notional = new decimal?[trades.Length];
        var risk = new decimal?[trades.Length];
        var unconvertedRisk = 0;
        for (var i = 0; i < trades.Length; i++)
        {
            if (instruments[trades[i].Symbol] is not { } instrument) continue;
            var toAccount = AccountRate(rates, currency, trades[i].OpenTime);
            notional[i] = NotionalUsd(trades[i], instrument, rates) / toAccount;
            if (trades[i].StopLoss != 0m)
            {
                var riskUsd = RiskUsd(trades[i], instrument, rates);
                if (riskUsd is null) unconvertedRisk++;
                else risk[i] = riskUsd / toAccount;
            }
        }
        if (unconvertedRisk > 0)
            notes.Add($"{unconvertedRisk} trades with a stop loss are left out of the risk figures: their quote currency has no USD rate in the history.");

        var sweep = OpenSweep.Run(trades, notional, balance, hasOpeningBalance, accountLeverage);
        var riskPercents = hasOpeningBalance
            ? Enumerable.Range(0, trades.Length)
                .Where(i => risk[i] is not null)
                .Select(i => (Risk: risk[i]!.Value, Balance: balance.At(trades[i].OpenTime)))
                .Where(r => r.Balance > 0m)
                .Select(r => r.Risk / r.Balance * 100m)
                .Order().ToArray()
            : [];

        var (heldOverWeekend, weekendMaxLots) = Weekends(trades);
        var lots = trades.Sum(t => t.Lots);
        decimal? peak = sweep.EvaluatedOpens > 0 ? sweep.PeakEffectiveLeverage : null;
        int? minimumLeverage = null;
        if (sweep.EvaluatedOpens > 0)
        {
            foreach (var leverage in TestedLeverages)
            {
                if (sweep.Figures[Key(leverage)].MarginLevelAtOpen is not { } level || level >= 100m)
                {
                    minimumLeverage = leverage;
                    break;
                }
            }
        }
        var figures = sweep.EvaluatedOpens > 0
            ? sweep.Figures.Values.ToArray()
            : sweep.Figures.Keys.Select(k => new LeverageFigure(k, null, null)).ToArray();

        return new ReportSummary
        {
            File = fileName,
            Kind = history.Kind,
            Account = history.Account,
            AccountCurrency = currency,
            CurrencyAssumed = history.CurrencyAssumed,
            AccountLeverage = accountLeverage,
            Trades = trades.Length,
            Lots = lots,
            NetProfit = trades.Sum(t => t.NetProfit),
            Deposits = history.Balance.Where(b => b.Amount > 0m).Sum(b => b.Amount),
            Withdrawals = -history.Balance.Where(b => b.Amount < 0m).Sum(b => b.Amount),
            MaxConcurrentPositions = sweep.MaxConcurrent,
            StopLossShare = trades.Count(t => t.StopLoss != 0m) * 100m / trades.Length,
            MaxRiskPercent = riskPercents.Length > 0 ? riskPercents[^1] : null,
            MedianRiskPercent = riskPercents.Length > 0 ? Median(riskPercents) : null,
            PeakEffectiveLeverage = peak,
            ExperienceProfile = peak is { } p ? Core.ExperienceProfiles.Fitting(p) : null,
            Leverages = figures,
            MinimumLeverage = minimumLeverage,
            LeverageDependent = sweep.EvaluatedOpens > 0 ? sweep.Figures[Key(25)].RefusedAt != sweep.Figures[Key(500)].RefusedAt : null,
            AddsToLosers = sweep.AddsToLosers,
            LotEscalations = LotEscalations(trades),
            MaxStackedPositions = sweep.MaxStacked,
            HeldOverWeekend = heldOverWeekend,
            HeldOverWeekendMaxLots = weekendMaxLots,
            UnlimitedEligible = trades.Length >= 10 && lots >= 5m,
            ExcludedSymbols = excluded,
            Notes = notes,
            Unused = history.Unused,
            BalanceCurve = balance.Curve(),
            Opens = sweep.Opens,
            LotsPerTrade = [.. trades.Select(t => new LotsPoint(t.OpenTime, t.Lots, t.NetProfit < 0m))],
        };
    }

    internal static string Key(int leverage) => leverage.ToString(CultureInfo.InvariantCulture);

    /// <summary>The currency a symbol's notional is converted from: the base of a pair or metal, the pricing currency of a contract-file symbol.</summary>
    private static string ValuationCurrency(Instrument instrument) => instrument.Kind switch
    {
        InstrumentKind.FromContractFile => instrument.Quote,
        _ when instrument.Quote == "USD" || instrument.Base == "USD" => "USD",
        _ => instrument.Base,
    };

    private static decimal AccountRate(UsdRates rates, string currency, DateTime time) =>
        currency == "USD" ? 1m : rates.UsdPerUnit(currency, time)!.Value;

    private static decimal NotionalUsd(ClosedTrade trade, Instrument instrument, UsdRates rates)
    {
        var units = trade.Lots * instrument.Contract;
        if (instrument.Kind == InstrumentKind.FromContractFile)
            return units * trade.OpenPrice * rates.UsdPerUnit(instrument.Quote, trade.OpenTime)!.Value;
        if (instrument.Quote == "USD") return units * trade.OpenPrice;
        if (instrument.Base == "USD") return units;
        return units * rates.UsdPerUnit(instrument.Base, trade.OpenTime)!.Value;
    }

    private static decimal? RiskUsd(ClosedTrade trade, Instrument instrument, UsdRates rates)
    {
        var inQuote = Math.Abs(trade.OpenPrice - trade.StopLoss) * trade.Lots * instrument.Contract;
        if (instrument.Quote == "USD") return inQuote;
        if (instrument.Base == "USD" && instrument.Kind != InstrumentKind.FromContractFile)
            return trade.OpenPrice > 0m ? inQuote / trade.OpenPrice : null;
        return rates.UsdPerUnit(instrument.Quote, trade.OpenTime) is { } rate ? inQuote * rate : null;
    }

    private static decimal Median(decimal[] sorted) => sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2m;

    private static int LotEscalations(ClosedTrade[] trades)
    {
        var count = 0;
        for (var i = 1; i < trades.Length; i++)
        {
            if (trades[i - 1].NetProfit < 0m && trades[i].Lots >= 1.5m * trades[i - 1].Lots) count++;
        }
        return count;
    }

    private static (int Trades, decimal MaxLots) Weekends(ClosedTrade[] trades)
    {
        var lotsByWeekend = new Dictionary<DateTime, decimal>();
        var held = 0;
        foreach (var trade in trades)
        {
            var daysToSaturday = ((int)DayOfWeek.Saturday - (int)trade.OpenTime.DayOfWeek + 7) % 7;
            var saturday = trade.OpenTime.Date.AddDays(daysToSaturday);
            if (saturday < trade.OpenTime) saturday = saturday.AddDays(7);
            if (saturday >= trade.CloseTime) continue;
            held++;
            for (; saturday < trade.CloseTime; saturday = saturday.AddDays(7))
                lotsByWeekend[saturday] = lotsByWeekend.GetValueOrDefault(saturday) + trade.Lots;
        }
        return (held, lotsByWeekend.Count == 0 ? 0m : lotsByWeekend.Values.Max());
    }
}
