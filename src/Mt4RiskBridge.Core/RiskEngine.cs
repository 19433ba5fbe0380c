using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The one decision: every judgement of an order, in one ordered pipeline over one immutable input.
/// 1. the check rate (<c>rate_limit</c>: rejected before anything is priced);
/// 2. data quality: a sane order, a known and plausible contract, fresh account state and fresh quotes;
/// 3. pricing under any higher-margin window, every held symbol priced the same way, and the reported margin
///    checked against the positions;
/// 4. the gates (known state, trading state, weekend block) and the rules, all <see cref="IOrderRule"/>s: each
///    names the largest lot it allows. The decision is the smallest of those, rounded down to the lot step, never
///    above the request or the symbol's maximum. Windows in force are stated with the lots they allowed.
/// Pure: no clock, I/O or shared state, so one engine serves any number of threads. The working figures of a
/// decision live in the calling thread's <see cref="OrderContext"/>, reused from one decision to the next, so that a
/// decision allocates little beyond its answer.
/// </summary>
public sealed class RiskEngine
{
    private static readonly IOrderRule[] Rules =
    [
        new KnownStateRule(),
        new TradingStateRule(),
        new WeekendBlockRule(),
        new LotCapOrderRule(),
        new LotCapSymbolRule(),
        new LotCapTotalRule(),
        new MaxPositionsRule(),
        new MarginFloorRule(),
        new TierCrossingRule(),
        new RiskPerTradeRule(),
        new StopLossRequiredRule(),
        new EffectiveLeverageRule(),
    ];

    // The policy's leverage cap per instrument class, indexed by the enum's value, read once.
    private readonly Leverage[] _classCaps;

    public RiskEngine(RiskPolicy policy)
    {
        var errors = policy.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid risk policy: " + string.Join("; ", errors), nameof(policy));
        Policy = policy;
        var classes = Enum.GetValues<InstrumentClass>();
        _classCaps = new Leverage[classes.Max(c => (int)c) + 1];
        for (var i = 0; i < _classCaps.Length; i++) _classCaps[i] = policy.LeverageFor((InstrumentClass)i).Cap;
    }

    public RiskPolicy Policy { get; }

    public Decision Evaluate(OrderCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        // The tier a reject reports, before the decision has its own fresh rate to place the equity with.
        var tier = TierPlacement.TryCreate(Policy, check.Account.Currency, check.Symbols, check.Quotes, out var reported)
            ? reported.TierFor(Policy.Tiers, check.Account.Equity)
            : Policy.Tiers.Tiers[0];
        if (check.Rate.Exceeded)
            return Reject(check, new Reason(ReasonCode.RateLimit, ReasonText.RateLimit(check.Rate.Count, check.Rate.MaxPerSecond), 0m), tier, check.Account.Leverage);

        var context = OrderContext.Start(check, Policy);
        var quotes = context.FreshQuotes;
        var problem = DataQualityCheck.Validate(check, quotes, out var spec, out var quote, out var entry);
        if (problem is not null) return Reject(check, problem, tier, check.Account.Leverage);

        if (!TierPlacement.TryCreate(Policy, check.Account.Currency, check.Symbols, quotes, out var placement))
        {
            var noRate = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(check.Account.Currency, Policy.TierCurrency), 0m);
            return Reject(check, quotes.Explain(noRate), tier, check.Account.Leverage);
        }
        tier = placement.TierFor(Policy.Tiers, check.Account.Equity);

        var windowCap = Leverage.Unlimited;
        foreach (var window in check.Windows) windowCap = Leverage.Min(windowCap, window.Cap);
        var rates = default(RateCache);
        var policyCap = SymbolMarginBasis.PolicyCap(Policy, ClassCap(spec!.Class), spec);
        if (!SymbolMarginBasis.TryCreate(spec, check.Account, policyCap, check.Symbols, quotes, windowCap, ref rates, out var basis, out var failure))
            return Reject(check, quotes.Explain(failure!), tier, check.Account.Leverage);

        // Windows re-price new lots only: what is already open on the symbol keeps its margin.
        var openBasis = basis;
        if (!windowCap.IsUnlimited
            && !SymbolMarginBasis.TryCreate(spec, check.Account, policyCap, check.Symbols, quotes, Leverage.Unlimited, ref rates, out openBasis, out failure))
            return Reject(check, quotes.Explain(failure!), tier, check.Account.Leverage);

        var spreadCost = (quote!.Ask - quote.Bid) / spec.TickSize * spec.TickValue;
        context.Bind(placement, spec, entry, spreadCost, basis, openBasis, windowCap.IsUnlimited);
        // Every held symbol is priced: the tier rules re-price them, and the reported margin is checked against them.
        if (!context.TryPriceHeldSymbols(_classCaps, ref rates, out failure))
            return Reject(check, quotes.Explain(failure!), tier, basis.InForce(tier.Leverage));

        return Decide(context);
    }

    /// <summary>The decision when an evaluation failed (an exception the host caught): a reject, never an approval.</summary>
    public Decision Failed(AccountState account, decimal requestedLots)
    {
        ArgumentNullException.ThrowIfNull(account);
        var reason = new Reason(ReasonCode.EngineError, ReasonText.EngineError(), 0m);
        // No quotes to place a foreign-currency equity with: the lowest tier is reported.
        var tier = string.Equals(account.Currency, Policy.TierCurrency, StringComparison.OrdinalIgnoreCase)
            ? Policy.Tiers.TierFor(account.Equity)
            : Policy.Tiers.Tiers[0];
        return new Decision(Verdict.Reject, 0m, requestedLots, [reason], account.MarginLevel, account.Leverage, tier);
    }

    private Leverage ClassCap(InstrumentClass instrumentClass) =>
        (uint)instrumentClass < (uint)_classCaps.Length ? _classCaps[(int)instrumentClass] : Policy.LeverageFor(instrumentClass).Cap;

    private static Decision Decide(OrderContext context)
    {
        var spec = context.Spec;
        var requested = context.Requested;
        var limit = Math.Min(requested, spec.MaxLot);
        // Most orders pass every rule, and most of the rest are bound by one: only build a list for a second reason.
        var reasons = default(ReasonList);
        foreach (var rule in Rules)
        {
            var ruleLimit = rule.Evaluate(context);
            limit = Math.Min(limit, ruleLimit.MaxLots);
            // A rule that allows more than any broker accepts does not bind, however absurd the request.
            if (ruleLimit.MaxLots >= requested || ruleLimit.MaxLots >= LotSize.Unlimited) continue;
            reasons.Add(rule.Explain(context, ruleLimit));
        }
        if (requested > spec.MaxLot)
            reasons.Add(new Reason(ReasonCode.MaxLot, ReasonText.MaxLot(requested, spec.MaxLot), LotSize.FloorToStep(spec.MaxLot, spec.LotStep)));

        var lots = LotSize.FloorToStep(limit, spec.LotStep);
        if (!LotSize.IsMultipleOfStep(requested, spec.LotStep) && lots == LotSize.FloorToStep(requested, spec.LotStep))
            reasons.Add(new Reason(ReasonCode.LotStep, ReasonText.LotStep(requested, spec.LotStep, lots), lots));

        Verdict verdict;
        if (lots < spec.MinLot || lots <= 0m)
        {
            reasons.Add(new Reason(ReasonCode.BelowMinLot, ReasonText.BelowMinLot(lots, spec.MinLot), lots));
            verdict = Verdict.Reject;
            lots = 0m;
        }
        else
        {
            verdict = lots == requested ? Verdict.Approve : Verdict.Resize;
        }

        // A decision made under a window says so, whether or not the window's cap bound.
        var windows = context.Check.Windows;
        var all = reasons.ToImmutable();
        if (!windows.IsDefaultOrEmpty)
        {
            var builder = ImmutableArray.CreateBuilder<Reason>(windows.Length + all.Length);
            var withoutWindow = context.OpenBasis.InForce(context.Tier.Leverage);
            foreach (var window in windows)
                builder.Add(new Reason(window.Code, ReasonText.Window(window.Code, window.Cap, withoutWindow, context.Spec.UsesLeverage, lots), lots));
            builder.AddRange(all);
            all = builder.MoveToImmutable();
        }

        return new Decision(
            verdict,
            lots,
            requested,
            all,
            context.MarginLevelNowAfter(lots),
            context.Basis.InForce(context.Tier.Leverage),
            context.Tier);
    }

    /// <summary>The reasons of one decision, in order, with no list until there are two and an exact-size array at the end.</summary>
    private struct ReasonList
    {
        private Reason? _first;
        private Reason? _second;
        private List<Reason>? _more;

        public void Add(Reason reason)
        {
            if (_first is null) _first = reason;
            else if (_second is null) _second = reason;
            else (_more ??= []).Add(reason);
        }

        public readonly ImmutableArray<Reason> ToImmutable()
        {
            if (_first is null) return [];
            if (_second is null) return [_first];
            if (_more is null) return [_first, _second];
            var builder = ImmutableArray.CreateBuilder<Reason>(2 + _more.Count);
            builder.Add(_first);
            builder.Add(_second);
            builder.AddRange(_more);
            return builder.MoveToImmutable();
        }
    }

    private static Decision Reject(OrderCheck check, Reason reason, LeverageTier tier, Leverage leverage) =>
        new(Verdict.Reject, 0m, check.Order.Lots, [reason], check.Account.MarginLevel, leverage, tier);
}
