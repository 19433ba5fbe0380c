using System.Globalization;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Demo;

/// <summary>
/// The demo's simulated MT4 terminal: a 950 USD account on the unlimited tier that asks for an approve, a
/// resize and a reject, profits across the 1,000 USD tier boundary, jumps to Friday evening with positions
/// open, then trades on random prices until the service stops. It prints each decision and warning as it comes.
/// Its server time runs two hours ahead of the host's clock, so a host under a test clock plays the same script.
/// </summary>
internal sealed class DemoTerminal(BridgeEndpoint endpoint, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1.5);
    private WireLeverage? _lastTier;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = await endpoint.Bound.WaitAsync(stoppingToken).ConfigureAwait(false);
        // NetMQ calls block; keep them off the host's threads.
        await Task.Factory.StartNew(() => Run(address, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
    }

    private void Run(string address, CancellationToken stop)
    {
        try
        {
            Play(address, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C during a pause.
        }
        catch (InvalidOperationException ex)
        {
            Print("demo stopped: " + ex.Message);
            lifetime.StopApplication();
        }
    }

    private void Play(string address, CancellationToken stop)
    {
        var profile = new TerminalProfile { Login = 50_001, Balance = 950m, Symbols = ["EURUSD", "GBPUSD", "USDJPY", "XAUUSD"] };
        using var terminal = new SimulatedTerminal(profile, address) { ServerTime = () => ServerNow().ToUnixTimeSeconds() };
        Print($"Simulated terminal: account {profile.Login}, {profile.Balance:0.00} {profile.Currency}, account leverage unlimited, service at {address}");
        var welcome = terminal.Hello(ReplyTimeout);
        Print($"hello -> welcome, session {welcome.Session}");
        terminal.SendFullState();

        Ask(terminal, "EURUSD", WireSide.Buy, 1.00m, 1.09500m, "a modest order with a 50-pip stop", stop);
        Ask(terminal, "EURUSD", WireSide.Buy, 50.00m, null, "50 lots: free at unlimited leverage, but not at 1:2000 once equity reaches 1,000", stop);
        Ask(terminal, "GBPUSD", WireSide.Buy, 5.00m, null, "more size with the tier-crossing headroom already used", stop);

        Print("EURUSD rallies 2 pips; the open lots lift equity over 1,000 USD, into the 1:2000 tier");
        var eurusd = terminal.Symbol("EURUSD").Price.Mid;
        terminal.MovePrice("EURUSD", eurusd + 0.00020m);
        Stream(terminal);
        PrintWarnings(terminal);
        Ask(terminal, "USDJPY", WireSide.Buy, 0.10m, null, "an order after the tier change", stop);

        // Jump the terminal's clock to Friday evening, inside the weekend warning period and the weekend window.
        var friday = NextFridayEvening(ServerNow().DateTime);
        var offset = new DateTimeOffset(friday, TimeSpan.Zero) - ServerNow();
        terminal.ServerTime = () => (ServerNow() + offset).ToUnixTimeSeconds();
        Print($"Server time jumps to Friday {friday:HH:mm}: the weekly close is at 23:59, with positions open");
        Stream(terminal);
        PrintWarnings(terminal);
        Ask(terminal, "GBPUSD", WireSide.Buy, 1.00m, null, "an order inside the weekend window", stop);

        Print("Random prices from here; an order every few seconds. Ctrl-C to stop.");
        var random = new Random(11);
        var symbols = profile.Symbols;
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            stop.WaitHandle.WaitOne(Pause);
            if (stop.IsCancellationRequested) return;
            terminal.StepPrices();
            Stream(terminal);
            PrintWarnings(terminal);
            if (step % 2 == 1)
            {
                var symbol = symbols[random.Next(symbols.Count)];
                var side = random.Next(2) == 0 ? WireSide.Buy : WireSide.Sell;
                var lots = Math.Round((decimal)random.NextDouble() * 4m + 0.01m, 2);
                Ask(terminal, symbol, side, lots, null, null, stop);
            }
        }
    }

    private void Ask(SimulatedTerminal terminal, string symbol, WireSide side, decimal lots, decimal? stopLoss, string? why, CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        if (why is not null) Print(why + ":");
        var decision = terminal.Check(symbol, side, lots, stopLoss, ReplyTimeout);
        var level = decision.MarginLevelAfter is { } l ? l.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "no margin in use";
        Print($"  check {side.ToString().ToLowerInvariant()} {lots:0.00} {symbol} -> {decision.Verdict.ToString().ToUpperInvariant()} {decision.Lots:0.00} lots; equity {terminal.Equity:0.00}, margin level after {level}, leverage {decision.Leverage}");
        foreach (var reason in decision.Reasons) Print($"      {reason.Code}: {reason.Message}");
        if (_lastTier is { } previous && previous != decision.Tier.Leverage)
            Print($"  LEVERAGE TIER CHANGED: {previous} -> {decision.Tier.Leverage} (tier from {decision.Tier.MinEquity:#,0} equity)");
        _lastTier = decision.Tier.Leverage;
        if (decision.Lots > 0m)
        {
            terminal.Execute(symbol, side, decision.Lots, stopLoss);
            Stream(terminal);
        }
        stop.WaitHandle.WaitOne(Pause);
        PrintWarnings(terminal);
    }

    private static void PrintWarnings(SimulatedTerminal terminal)
    {
        terminal.Drain(TimeSpan.FromMilliseconds(200));
        foreach (var pushed in terminal.TakeUnasked())
        {
            if (pushed is WarningMessage warning) Print($"  WARNING [{warning.Severity.ToString().ToLowerInvariant()}] {warning.Code}: {warning.Message}");
        }
    }

    private DateTimeOffset ServerNow() => time.GetUtcNow().AddHours(2);

    private static DateTime NextFridayEvening(DateTime serverNow)
    {
        var days = ((int)DayOfWeek.Friday - (int)serverNow.DayOfWeek + 7) % 7;
        return DateTime.SpecifyKind(serverNow.Date.AddDays(days).AddHours(21), DateTimeKind.Unspecified);
    }

    private static void Stream(SimulatedTerminal terminal)
    {
        terminal.SendTicks();
        terminal.SendPositions();
        terminal.SendAccount();
    }

    private static void Print(string line) =>
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " demo  " + line);
}
