using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Stresses open positions with a weekend price gap. Each symbol gaps by its stress size against its net
/// exposure (a hedged pair cannot lose on both legs in one gap); a position's loss is lots × contract size ×
/// price × gap, converted from the profit currency at the less favourable of bid and ask (or, without a
/// conversion, through tick value ÷ tick size). The margin for the level after the gap is the model's
/// (<see cref="AccountMargin"/>) for the open positions at the pre-gap prices and the leverage of the tier the
/// equity after the gap falls in: priced exactly as the rules price them.
/// </summary>
public static class WeekendStress
{
    public static WeekendStressResult Evaluate(AccountState account, SymbolCatalog symbols, IQuoteBook quotes, WeekendSettings settings, RiskPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(policy);

        var equity = account.Equity;
        var gapped = account.Portfolio.Positions.Select(p => Gap(p, account, symbols, quotes, settings)).ToList();
        var loss = gapped.Where(g => g.Priced).Sum(g => g.Loss);
        var equityAfter = equity - loss;
        var tierAfter = TierPlacement.LeverageFor(policy, account, equityAfter, symbols, quotes);
        var margin = AccountMargin.Judged(account, policy, symbols, quotes, tierAfter, out _);
        var rows = gapped.Select(g => g.WithMarginPerLot(MarginPerLot(g, account, policy, symbols, quotes, tierAfter))).ToList();
        var levelAfter = MarginLevel.Of(equityAfter, margin);
        var maxLoss = Math.Max(0m, equity) * settings.MaxLossPercent / 100m;
        var limits = new Limits(account, maxLoss);
        var breaches = limits.Breaches(loss, margin);

        var restores = true;
        if (!breaches.IsEmpty) restores = PlanClosing(rows, limits, loss, margin);

        var positions = rows.Select(r => r.ToResult()).ToImmutableArray();
        var lotsToClose = positions.Sum(p => p.LotsToClose);
        var alert = breaches.IsEmpty ? null : BuildAlert(account, settings, loss, equityAfter, levelAfter, maxLoss, breaches, positions, lotsToClose, restores);
        return new WeekendStressResult(equity, margin, loss, equityAfter, levelAfter, maxLoss, breaches, positions, lotsToClose, restores, alert);
    }

    private static Row Gap(Position position, AccountState account, SymbolCatalog symbols, IQuoteBook quotes, WeekendSettings settings)
    {
        if (!symbols.TryGet(position.Symbol, out var spec)) return Row.Unpriced(position, position.OpenPrice, null);
        var gap = settings.GapPercentFor(spec);
        var price = position.OpenPrice;
        if (quotes.TryGetQuote(spec.Name, out var quote))
        {
            var close = position.Side == Side.Buy ? quote.Bid : quote.Ask;
            if (close > 0m) price = close;
        }
        if (gap is not { } percent) return new Row(position, spec, price, null, 0m, 0m, true);

        // The symbol gaps against its net exposure: down when net long (or flat), up when net short.
        var down = account.Portfolio.ExposureOn(spec.Name).NetLots >= 0m;
        var hurts = (position.Side == Side.Buy) == down;
        var move = price * percent / 100m;
        decimal perLot;
        if (TryRate(spec.ProfitCurrency, account.Currency, symbols, quotes, out var rate))
            perLot = spec.ContractSize * move * rate;
        else if (spec.TickSize > 0m && spec.TickValue > 0m)
            perLot = move / spec.TickSize * spec.TickValue;
        else
            return Row.Unpriced(position, price, gap);

        return new Row(position, spec, price, gap, (hurts ? 1m : -1m) * perLot, 0m, true);
    }

    /// <summary>The less favourable of the bid and ask conversion, so the loss is never understated.</summary>
    private static bool TryRate(string from, string to, SymbolCatalog symbols, IQuoteBook quotes, out decimal rate)
    {
        rate = 0m;
        if (!CurrencyConverter.TryGetRate(from, to, Side.Buy, symbols, quotes, out var buy)
            || !CurrencyConverter.TryGetRate(from, to, Side.Sell, symbols, quotes, out var sell)) return false;
        rate = Math.Max(buy, sell);
        return true;
    }

    // Margin a closed lot frees: the model's per-lot margin for the position's side at the tier after the gap;
    // nothing when the symbol cannot be priced, so the lots to close are never understated.
    private static decimal MarginPerLot(Row row, AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes, Leverage tier) =>
        row.Spec is { } spec && SymbolMarginBasis.TryCreate(spec, account, policy, symbols, quotes, Leverage.Unlimited, out var basis, out _)
            ? basis.PerLot(row.Position.Side, tier)
            : 0m;

    // Greedy: close the largest losers first, each only as far as the limits need, rounded up to the lot step.
    private static bool PlanClosing(List<Row> rows, Limits limits, decimal loss, decimal margin)
    {
        foreach (var row in rows.Where(r => r.Priced && r.LossPerLot > 0m).OrderByDescending(r => r.Loss).ThenBy(r => r.Position.Ticket))
        {
            var needed = limits.LotsNeeded(loss, margin, row.LossPerLot, row.MarginPerLot);
            if (needed <= 0m) return true;
            var lots = Math.Min(row.Position.Lots, CeilToStep(needed, row.Spec!.LotStep));
            row.LotsToClose = lots;
            loss -= lots * row.LossPerLot;
            margin = Math.Max(0m, margin - lots * row.MarginPerLot);
        }
        return limits.Breaches(loss, margin).IsEmpty;
    }

    // Rounded to 10 places first so that conversion noise (1 ÷ 150 is inexact) cannot add a lot step.
    private static decimal CeilToStep(decimal lots, decimal step)
    {
        lots = Math.Round(lots, 10);
        return step <= 0m ? lots : decimal.Ceiling(lots / step) * step;
    }

    private static Alert BuildAlert(
        AccountState account,
        WeekendSettings settings,
        decimal loss,
        decimal equityAfter,
        MarginLevel levelAfter,
        decimal maxLoss,
        ImmutableArray<StressBreach> breaches,
        ImmutableArray<PositionStress> positions,
        decimal lotsToClose,
        bool restores)
    {
        var critical = breaches.Contains(StressBreach.StopOut) || breaches.Contains(StressBreach.NegativeEquity);
        var perPosition = positions.Select(p => (IReadOnlyDictionary<string, object?>)new AlertDetails()
            .Add("ticket", p.Ticket)
            .Add("symbol", p.Symbol)
            .Add("side", p.Side == Side.Buy ? "buy" : "sell")
            .Add("lots", p.Lots)
            .Add("price", p.Price)
            .Add("gapPercent", p.GapPercent)
            .Add("loss", p.Priced ? Math.Round(p.Loss, 2) : null)
            .Add("lotsToClose", p.LotsToClose)
            .Build()).ToImmutableArray();
        var details = new AlertDetails()
            .Add("currency", account.Currency)
            .Add("equity", account.Equity)
            .Add("margin", account.Margin)
            .Add("loss", Math.Round(loss, 2))
            .Add("maxLoss", Math.Round(maxLoss, 2))
            .Add("maxLossPercent", settings.MaxLossPercent)
            .Add("equityAfter", Math.Round(equityAfter, 2))
            .Add("marginLevelAfter", levelAfter)
            .Add("marginCallLevel", account.MarginCallLevel)
            .Add("stopOutLevel", account.StopOutLevel)
            .Add("mode", account.StopOutMode == StopOutMode.Money ? "money" : "percent")
            .Add("breaches", breaches.Select(AlertText.Breach).ToImmutableArray())
            .Add("lotsToClose", lotsToClose)
            .Add("closingRestoresLimits", restores)
            .Add("positions", perPosition)
            .Build();
        var message = AlertText.WeekendExposure(account, settings.MaxLossPercent, loss, equityAfter, levelAfter, breaches, positions, restores);
        return new Alert(AlertCode.WeekendExposure, critical ? AlertSeverity.Critical : AlertSeverity.Warn, message, details);
    }

    private sealed class Row(Position position, SymbolSpec? spec, decimal price, decimal? gap, decimal lossPerLot, decimal marginPerLot, bool priced)
    {
        public Position Position { get; } = position;
        public SymbolSpec? Spec { get; } = spec;
        public decimal LossPerLot { get; } = lossPerLot;
        public decimal MarginPerLot { get; } = marginPerLot;
        public bool Priced { get; } = priced;
        public decimal Loss => Position.Lots * LossPerLot;
        public decimal LotsToClose { get; set; }

        public static Row Unpriced(Position position, decimal price, decimal? gap) => new(position, null, price, gap, 0m, 0m, false);

        public Row WithMarginPerLot(decimal marginPerLot) => new(Position, Spec, price, gap, LossPerLot, marginPerLot, Priced);

        public PositionStress ToResult() =>
            new(Position.Ticket, Position.Symbol, Position.Side, Position.Lots, price, gap, Loss, LotsToClose, Priced);
    }

    /// <summary>The four limits of a stressed account, as functions of the remaining loss and margin.</summary>
    private readonly struct Limits(AccountState account, decimal maxLoss)
    {
        public ImmutableArray<StressBreach> Breaches(decimal loss, decimal margin)
        {
            var equityAfter = account.Equity - loss;
            var breaches = ImmutableArray.CreateBuilder<StressBreach>();
            if (loss > maxLoss) breaches.Add(StressBreach.LossLimit);
            if (Below(account.MarginCallLevel, equityAfter, margin)) breaches.Add(StressBreach.MarginCall);
            if (Below(account.StopOutLevel, equityAfter, margin)) breaches.Add(StressBreach.StopOut);
            if (equityAfter < 0m) breaches.Add(StressBreach.NegativeEquity);
            return breaches.ToImmutable();
        }

        private bool Below(decimal level, decimal equityAfter, decimal margin)
        {
            if (account.StopOutMode == StopOutMode.Money) return margin > 0m && equityAfter < level;
            return MarginLevel.Of(equityAfter, margin).IsBelow(level);
        }

        /// <summary>Lots of a position (loss and freed margin per lot) to close so that every limit holds; each limit is linear in the lots.</summary>
        public decimal LotsNeeded(decimal loss, decimal margin, decimal lossPerLot, decimal marginPerLot)
        {
            var equity = account.Equity;
            var needed = Math.Max((loss - maxLoss) / lossPerLot, (loss - equity) / lossPerLot);
            foreach (var level in new[] { account.MarginCallLevel, account.StopOutLevel })
            {
                if (margin <= 0m) break;
                if (account.StopOutMode == StopOutMode.Money)
                {
                    needed = Math.Max(needed, (loss - equity + level) / lossPerLot);
                }
                else
                {
                    // equity − loss + x·l ≥ p·(margin − x·m)  ⇔  x ≥ (p·margin − equity + loss) ÷ (l + p·m)
                    var p = level / 100m;
                    needed = Math.Max(needed, (p * margin - equity + loss) / (lossPerLot + p * marginPerLot));
                }
            }
            return needed;
        }
    }
}
