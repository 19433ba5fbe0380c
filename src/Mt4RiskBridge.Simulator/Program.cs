using System.Globalization;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Simulator.Terminals;

// Plays MT4 terminals against a running service:
//   dotnet run --project src/Mt4RiskBridge.Simulator -- [endpoint] [terminals] [seconds]
var endpoint = args.Length > 0 ? args[0] : "tcp://127.0.0.1:5557";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
var timeout = TimeSpan.FromSeconds(5);
var until = DateTime.UtcNow.AddSeconds(seconds);

var runs = Enumerable.Range(0, count).Select(i => Task.Run(() =>
{
    var profile = new TerminalProfile { Login = 90_000 + i, Balance = 2_000m + 1_000m * i, Seed = 100 + i };
    using var terminal = new SimulatedTerminal(profile, endpoint) { ServerTime = () => DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() };
    terminal.Hello(timeout);
    terminal.SendFullState();
    var random = new Random(profile.Seed);
    var counts = new Dictionary<Verdict, int>();
    var unanswered = 0;
    while (DateTime.UtcNow < until)
    {
        Thread.Sleep(500);
        // A service that went silent or restarted has lost this terminal: hello and the full state again.
        if (terminal.NeedsResync && !terminal.Resync(timeout)) continue;
        terminal.StepPrices();
        terminal.SendTicks();
        terminal.SendPositions();
        terminal.SendAccount();
        var symbol = profile.Symbols[random.Next(profile.Symbols.Count)];
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var decision = terminal.TryCheck(symbol, side, Math.Round((decimal)random.NextDouble() * 3m + 0.01m, 2), null, timeout);
        if (decision is null)
        {
            unanswered++;
            continue;
        }
        counts[decision.Verdict] = counts.GetValueOrDefault(decision.Verdict) + 1;
        if (decision.Lots > 0m) terminal.Execute(symbol, side, decision.Lots, null);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"account {profile.Login}: equity {terminal.Equity:0.00}, {terminal.Positions.Count} positions, decisions {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}, unanswered {unanswered}, resyncs {terminal.Resyncs}"));
})).ToArray();
await Task.WhenAll(runs).ConfigureAwait(false);
