using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Judges a position opened by hand (MT4 has no pre-trade hook for them) as if it were the order that opened it:
/// the account without the position, the position as a market order of its lots and stop, through the same
/// engine and rules. Every rule that would have cut it is a violation.
/// </summary>
public static class PostTradeCheck
{
    // Reasons that say the data was unusable rather than that a rule was broken.
    private static readonly ImmutableHashSet<string> DataCodes = ImmutableHashSet.Create(
        ReasonCode.UnknownSymbol, ReasonCode.NoQuote, ReasonCode.NoConversion, ReasonCode.StaleState, ReasonCode.InvalidOrder,
        ReasonCode.UnknownState);

    // Consequences of another rule's limit, or of the position's own size, rather than rules of their own.
    private static readonly ImmutableHashSet<string> DerivedCodes = ImmutableHashSet.Create(ReasonCode.BelowMinLot, ReasonCode.LotStep);

    /// <summary>
    /// Judges <paramref name="position"/> within <paramref name="account"/> as reported (the position among its
    /// positions). <paramref name="windows"/> are the higher-margin windows in force when it opened;
    /// <paramref name="approved"/> the service's recent approvals, one of which the position may have filled.
    /// </summary>
    public static PostTradeResult Evaluate(
        Position position,
        AccountState account,
        SymbolCatalog symbols,
        IQuoteBook quotes,
        RiskEngine engine,
        DateTimeOffset now,
        EnforcementSettings settings,
        ImmutableArray<LeverageWindow> windows = default,
        IReadOnlyList<ApprovedOrder>? approved = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        if (approved is not null)
        {
            foreach (var approval in approved)
            {
                if (approval.Covers(position)) return new PostTradeResult(position.Ticket, [], 0m, null, null, null, approval);
            }
        }

        var order = new OrderRequest(position.Symbol, position.Side, position.Lots, StopLoss: position.StopLoss > 0m ? position.StopLoss : null);
        var check = new OrderCheck
        {
            Order = order,
            Account = Without(position, account, symbols, quotes, engine.Policy),
            Symbols = symbols,
            Quotes = quotes,
            Now = now,
            Windows = windows.IsDefault ? [] : windows,
            // The position is judged against the rules as the order it was; the gates belong to the moment of asking.
            TradingState = TradingState.Active,
            ServerTime = ServerTime.FromUnixSeconds(position.OpenTime),
        };
        var decision = engine.Evaluate(check);
        var data = decision.Reasons.FirstOrDefault(r => DataCodes.Contains(r.Code));
        if (data is not null) return new PostTradeResult(position.Ticket, [], 0m, null, data, null);

        var violations = decision.Reasons
            .Where(r => !DerivedCodes.Contains(r.Code))
            .Select(r => new PostTradeViolation(position.Ticket, position.Symbol, r.Code, r.Message, r.MaxLots))
            .ToImmutableArray();
        if (violations.IsEmpty) return new PostTradeResult(position.Ticket, [], 0m, null, null, null);

        var excess = Math.Max(0m, position.Lots - decision.Lots);
        var instruction = settings.Mode == EnforcementMode.Reduce && excess > 0m ? new CloseInstruction(position.Ticket, excess) : null;
        var details = new AlertDetails()
            .Add("ticket", position.Ticket)
            .Add("symbol", position.Symbol)
            .Add("side", position.Side == Side.Buy ? "buy" : "sell")
            .Add("lots", position.Lots)
            .Add("allowedLots", decision.Lots)
            .Add("excessLots", excess)
            .Add("rules", violations.Select(v => v.Rule).ToImmutableArray())
            .Add("messages", violations.Select(v => v.Message).ToImmutableArray())
            .Add("mode", settings.Mode == EnforcementMode.Reduce ? "reduce" : "warn")
            .Add("closeLots", instruction?.Lots)
            .Build();
        var alert = new Alert(AlertCode.PostTradeViolation, AlertSeverity.Warn, AlertText.PostTradeViolation(position, violations, instruction), details);
        return new PostTradeResult(position.Ticket, violations, excess, instruction, null, alert);
    }

    // The account as it was before the position: without it in the portfolio, and with its margin taken off.
    private static AccountState Without(Position position, AccountState account, SymbolCatalog symbols, IQuoteBook quotes, RiskPolicy policy)
    {
        var rest = account.Portfolio.Positions.Where(p => p.Ticket != position.Ticket).ToList();
        if (rest.Count == account.Portfolio.Count) return account;
        var portfolio = Portfolio.From(rest);
        var margin = account.Margin;
        if (symbols.TryGet(position.Symbol, out var spec)
            && SymbolMarginBasis.TryCreate(spec, account, policy, symbols, quotes, Leverage.Unlimited, out var basis, out _))
        {
            var tier = TierPlacement.LeverageFor(policy, account, account.Equity, symbols, quotes);
            margin -= basis.Margin(account.Portfolio.ExposureOn(position.Symbol), tier) - basis.Margin(portfolio.ExposureOn(position.Symbol), tier);
        }
        return account with { Portfolio = portfolio, Margin = Math.Max(0m, margin) };
    }
}
