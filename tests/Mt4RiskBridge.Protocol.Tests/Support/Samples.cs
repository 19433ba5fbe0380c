using System.Collections.Immutable;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>The message each example in docs/protocol.md must parse to, by type.</summary>
internal static class Samples
{
    public static readonly WirePosition EurusdBuy = new(
        81234567, "EURUSD", WireSide.Buy, 0.50m, 1.08310m, 1.08010m, 0m, 116.00m, -1.25m, -3.50m, 1732340000, 7001);

    public static readonly WirePosition XauusdSell = new(
        81234590, "XAUUSD", WireSide.Sell, 0.10m, 2655.10m, 2665.00m, 2630.00m, 33.80m, 0m, -0.70m, 1732345000, 7002);

    public static IReadOnlyDictionary<string, WireMessage> DocumentedByType { get; } = new Dictionary<string, WireMessage>
    {
        [WireMessageType.Hello] = new HelloMessage(
            5012345, "ExampleBroker-Live3", "USD", WireLeverage.Of(500), 100m, 50m, WireStopOutMode.Percent,
            "Example Markets Ltd", "Mt4RiskBridge EA 1.0", "k3y-for-later") { Id = "h-1" },
        [WireMessageType.Account] = new AccountMessage(10000.00m, 10250.50m, 1085.50m, 9165.00m, WireLeverage.Of(500), 1732350000) { ClosedTrades = 42, ClosedLots = 12.5m },
        [WireMessageType.Symbol] = new SymbolMessage(
            "EURUSD", 5, 0.00001m, 100000m, 0.00001m, 1m, 0.01m, 100m, 0.01m, WireMarginCalcMode.Forex, 0m, 50000m,
            "EUR", "USD", "EUR", 0, 217.10m),
        [WireMessageType.Tick] = new TickMessage("EURUSD", 1.08542m, 1.08551m, 1732350001),
        [WireMessageType.Ticks] = new TicksMessage(
            [new WireTick("EURUSD", 1.08542m, 1.08551m, 1732350001), new WireTick("XAUUSD", 2651.37m, 2651.72m, 1732350001)]),
        [WireMessageType.Positions] = new PositionsMessage([EurusdBuy, XauusdSell]),
        [WireMessageType.Check] = new CheckMessage(
            "EURUSD", WireSide.Buy, 2.00m, WireOrderType.Limit, 1.08400m, 1.08100m, 1.09000m, 7001, "breakout long",
            new CheckSnapshot(10000.00m, 10250.50m, 1085.50m, [EurusdBuy])) { Id = "c-42" },
        [WireMessageType.Heartbeat] = new HeartbeatMessage(),
        [WireMessageType.Size] = new SizeMessage("EURUSD", WireSide.Buy, 1.08100m, 1m, new CheckSnapshot(10000.00m, 10250.50m, 0m, [])) { Id = "s-7" },
        [WireMessageType.Welcome] = new WelcomeMessage("5012345@ExampleBroker-Live3", 1000) { Id = "h-1" },
        [WireMessageType.Decision] = new DecisionMessage(
            WireVerdict.Resize, 1.20m, 2.00m,
            [new WireReason("margin_floor", "2.00 lots would take the margin level to 312.40%, below the 500% floor", 1.20m)],
            511.27m, WireLeverage.Of(200), new WireTier(10000m, WireLeverage.Of(200))) { Id = "c-42" },
        [WireMessageType.Ack] = new AckMessage { Id = "p-7" },
        [WireMessageType.Error] = new WireError(WireErrorCode.BadField, "positions[3].lots must be > 0") { Id = "p-8" },
        [WireMessageType.Warning] = new WarningMessage(
            "weekend_exposure", WarningSeverity.Warn,
            "weekend gap: a gap against open positions would lose 2,200.00 USD (73.33% of equity, limit 10%); close 1.73 lots to stay inside every limit",
            [
                WarningDetail.Of("currency", "USD"),
                WarningDetail.Of("equity", 3000m),
                WarningDetail.Of("loss", 2200.00m),
                WarningDetail.Of("equityAfter", 800.00m),
                WarningDetail.Of("marginLevelAfter", 727.27m),
                WarningDetail.Of("breaches", new WarningList(ImmutableArray.Create<object?>("loss limit"))),
                WarningDetail.Of("positions", new WarningList(ImmutableArray.Create<object?>(new WarningObject(ImmutableArray.Create(
                    WarningDetail.Of("ticket", 81234567m),
                    WarningDetail.Of("symbol", "EURUSD"),
                    WarningDetail.Of("side", "buy"),
                    WarningDetail.Of("lots", 2m),
                    WarningDetail.Of("gapPercent", 1m),
                    WarningDetail.Of("loss", 2200.00m),
                    WarningDetail.Of("lotsToClose", 1.73m)))))),
            ]),
        [WireMessageType.Instruction] = new InstructionMessage(InstructionAction.Close, 81234567, 0.25m) { Id = "i-3" },
        [WireMessageType.Suggestion] = new SuggestionMessage(
            0.20m, 0.32m, 320.00m, 102.505m,
            [new WireReason("margin_floor", "0.32 lots would take the margin level to 312.40%, below the 500% floor", 0.20m)]) { Id = "s-7" },
    };

    /// <summary>Every message type with other values than the doc's: unlimited leverage, empty lists, absent optionals.</summary>
    public static IEnumerable<WireMessage> Variants()
    {
        yield return new HelloMessage(1, "S", "EUR", WireLeverage.Unlimited, 0m, 0m, WireStopOutMode.Money);
        yield return new HelloMessage(7, "Srv", "JPY", WireLeverage.Of(30), 80.5m, 1000m, WireStopOutMode.Money, "Ä Co ✓", "sim", null) { Id = "9" };
        yield return new AccountMessage(-5.5m, -100m, 0m, -100m, WireLeverage.Unlimited, 0) { Id = "a" };
        yield return new SymbolMessage("US30.cash", 1, 0.1m, 1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, WireMarginCalcMode.CfdIndex, 0m, 0m, "USD", "USD", "USD", 10);
        yield return new TickMessage("X", 1m, 1m, 0) { Id = "t" };
        yield return new TicksMessage([]);
        yield return new PositionsMessage([]) { Id = "p" };
        yield return new PositionsMessage([new WirePosition(1, "EURUSD", WireSide.Sell, 100m, 0.5m, Magic: -3)]);
        yield return new CheckMessage("EURUSD", WireSide.Sell, 0.01m) { Id = "c" };
        yield return new CheckMessage("EURUSD", WireSide.Buy, 1m, WireOrderType.Stop, 1.2m, 0m, 0m, 1, "", new CheckSnapshot(0m, 0m, 0m, [])) { Id = "c2" };
        yield return new HeartbeatMessage { Id = "hb" };
        yield return new SizeMessage("XAUUSD", WireSide.Sell, 2665.5m, 100m) { Id = "s" };
        yield return new SizeMessage("EURUSD", WireSide.Buy, 0.00001m, 0.01m, new CheckSnapshot(-1m, 0m, 0m, [EurusdBuy, XauusdSell])) { Id = "s2" };
        yield return new WelcomeMessage("s", 1) { Protocol = 1 };
        yield return new DecisionMessage(WireVerdict.Approve, 1m, 1m, [], null, WireLeverage.Unlimited, new WireTier(0m, WireLeverage.Unlimited)) { Id = "d" };
        yield return new DecisionMessage(WireVerdict.Reject, 0m, 3m,
            [new WireReason("stale_state", "Account state is 12 s old \"stale\"", 0m), new WireReason("max_lot", "ok", 1_000_000_000m)],
            -12.5m, WireLeverage.Of(33.33m), new WireTier(-1m, WireLeverage.Of(1))) { Id = "d2" };
        yield return new AckMessage { Id = "1" };
        yield return new WireError(WireErrorCode.NoHello, "send hello first");
        yield return new WarningMessage("x", WarningSeverity.Critical, "", []);
        yield return new WarningMessage("y", WarningSeverity.Info, "m", [WarningDetail.Of("t", true), WarningDetail.Of("s", (string?)null)]) { Id = "w" };
        yield return new WarningMessage("weekend_exposure", WarningSeverity.Warn, "nested",
        [
            WarningDetail.Of("breaches", new WarningList(ImmutableArray.Create<object?>("loss limit", "margin call"))),
            WarningDetail.Of("positions", new WarningList(ImmutableArray.Create<object?>(
                new WarningObject(ImmutableArray.Create(WarningDetail.Of("ticket", 7m), WarningDetail.Of("loss", 2_200.00m), WarningDetail.Null("sl"))),
                new WarningList(ImmutableArray.Create<object?>(1m, true, null))))),
        ]);
        yield return new InstructionMessage(InstructionAction.Close, 1, 0.01m);
        yield return new SuggestionMessage(0m, 0m, 0m, 0m, []) { Id = "s" };
    }
}
