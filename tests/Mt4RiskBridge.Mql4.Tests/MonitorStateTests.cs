using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The compiled monitor EA against the real host: hello and the full state, compared field by field.</summary>
[Collection(HarnessGroup.Name)]
public sealed class MonitorStateTests(HarnessBuild build)
{
    [Fact]
    public async Task Monitor_StreamsHelloAndFullState_ServiceViewMatchesTerminal()
    {
        await using var host = await BridgeHost.StartAsync();
        using var run = ScenarioRun.Start(build, "state", host.Endpoint, "--login", "7101");
        var terminalLine = await run.WaitForLineAsync("TERMINAL ", Timeouts.Line);
        await run.WaitForLineAsync("READY state", Timeouts.Line);
        using var terminal = JsonDocument.Parse(terminalLine["TERMINAL ".Length..]);
        var expected = terminal.RootElement;

        var view = await host.WaitForAccountAsync(7101, positions: 2, symbols: 4, Timeouts.State);

        Assert.Equal("Harness-Demo", view.Server);
        var account = view.Account;
        Assert.Equal(expected.GetProperty("currency").GetString(), account.Currency);
        Assert.Equal(expected.GetProperty("balance").GetDecimal(), account.Balance);
        Assert.Equal(expected.GetProperty("equity").GetDecimal(), account.Equity);
        Assert.Equal(expected.GetProperty("margin").GetDecimal(), account.Margin);
        Assert.Equal(Leverage.Of(expected.GetProperty("leverage").GetInt32()), account.Leverage);
        Assert.Equal(100m, account.MarginCallLevel);
        Assert.Equal(50m, account.StopOutLevel);
        Assert.Equal(StopOutMode.Percent, account.StopOutMode);

        foreach (var symbol in expected.GetProperty("symbols").EnumerateArray())
        {
            var name = symbol.GetProperty("name").GetString()!;
            Assert.True(view.Symbols.TryGet(name, out var spec), $"symbol {name} missing from the service's catalog");
            Assert.Equal(symbol.GetProperty("digits").GetInt32(), spec.Digits);
            Assert.Equal(symbol.GetProperty("contractSize").GetDecimal(), spec.ContractSize);
            Assert.Equal(symbol.GetProperty("tickSize").GetDecimal(), spec.TickSize);
            Assert.Equal(symbol.GetProperty("tickValue").GetDecimal(), spec.TickValue);
            Assert.Equal(symbol.GetProperty("minLot").GetDecimal(), spec.MinLot);
            Assert.Equal(symbol.GetProperty("maxLot").GetDecimal(), spec.MaxLot);
            Assert.Equal(symbol.GetProperty("lotStep").GetDecimal(), spec.LotStep);
            Assert.Equal(symbol.GetProperty("marginCalcMode").GetInt32(), (int)spec.MarginCalcMode);
            Assert.Equal(symbol.GetProperty("baseCurrency").GetString(), spec.BaseCurrency);
            Assert.Equal(symbol.GetProperty("profitCurrency").GetString(), spec.ProfitCurrency);
            Assert.True(view.Quotes.TryGetQuote(name, out var quote), $"no quote for {name}");
            Assert.Equal(symbol.GetProperty("bid").GetDecimal(), quote.Bid);
            Assert.Equal(symbol.GetProperty("ask").GetDecimal(), quote.Ask);
        }

        var positions = account.Portfolio.Positions.OrderBy(p => p.Ticket).ToList();
        var expectedPositions = expected.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(expectedPositions.Count, positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            var want = expectedPositions[i];
            Assert.Equal(want.GetProperty("ticket").GetInt64(), positions[i].Ticket);
            Assert.Equal(want.GetProperty("symbol").GetString(), positions[i].Symbol);
            Assert.Equal(want.GetProperty("side").GetString() == "buy" ? Side.Buy : Side.Sell, positions[i].Side);
            Assert.Equal(want.GetProperty("lots").GetDecimal(), positions[i].Lots);
            Assert.Equal(want.GetProperty("openPrice").GetDecimal(), positions[i].OpenPrice);
        }

        await run.GoAsync();
        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.DoesNotContain(run.Lines, l => l.Contains("service error", StringComparison.Ordinal));
        Assert.Contains("Trading: checked by the bridge", run.Result("panel"), StringComparison.Ordinal);
    }
}
