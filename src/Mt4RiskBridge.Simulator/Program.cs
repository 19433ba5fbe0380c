using System.Globalization;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;

// Plays MT4 terminals against a running service:
//   dotnet run --project src/Mt4RiskBridge.Simulator -- [endpoint] [terminals] [seconds] [--hello-timeout SECONDS]
const string Usage = "usage: Mt4RiskBridge.Simulator [endpoint] [terminals] [seconds] [--hello-timeout SECONDS]   (defaults tcp://127.0.0.1:5557 1 30, hello timeout 30)";
var positional = new List<string>();
var helloSeconds = 30;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--help" or "-h")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    if (args[i] == "--hello-timeout" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out helloSeconds) && helloSeconds > 0)
    {
        i++;
        continue;
    }
    if (args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"unknown or incomplete option \"{args[i]}\"; {Usage}");
        return 2;
    }
    positional.Add(args[i]);
}
var endpoint = positional.Count > 0 ? positional[0] : "tcp://127.0.0.1:5557";
var count = 1;
var seconds = 30;
if (positional.Count > 3
    || (positional.Count > 1 && (!int.TryParse(positional[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
    || (positional.Count > 2 && (!int.TryParse(positional[2], NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds < 1)))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var helloTimeout = TimeSpan.FromSeconds(helloSeconds);
// Checks answer in microseconds; a slow machine still gets seconds before one counts as unanswered.
var checkTimeout = TimeSpan.FromSeconds(5);
var until = DateTime.UtcNow.AddSeconds(seconds);
var unwelcomed = 0;

// Each terminal blocks on its socket, so each gets its own thread rather than a pool thread it would starve.
var runs = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
{
    var profile = new TerminalProfile { Login = 90_000 + i, Balance = 2_000m + 1_000m * i, Seed = 100 + i };
    using var terminal = new SimulatedTerminal(profile, endpoint) { ServerTime = () => DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() };
    try
    {
        terminal.Hello(helloTimeout);
    }
    catch (InvalidOperationException ex)
    {
        Interlocked.Increment(ref unwelcomed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"account {profile.Login}: no welcome from {endpoint} within {helloSeconds} s ({ex.Message}); is the service running there? (--hello-timeout SECONDS waits longer)"));
        return;
    }
    terminal.SendFullState();
    var random = new Random(profile.Seed);
    var counts = new Dictionary<WireVerdict, int>();
    var unanswered = 0;
    while (DateTime.UtcNow < until)
    {
        Thread.Sleep(500);
        // A service that went silent or restarted has lost this terminal: hello and the full state again.
        if (terminal.NeedsResync && !terminal.Resync(helloTimeout)) continue;
        terminal.StepPrices();
        terminal.SendTicks();
        terminal.SendPositions();
        terminal.SendAccount();
        var symbol = profile.Symbols[random.Next(profile.Symbols.Count)];
        var side = random.Next(2) == 0 ? WireSide.Buy : WireSide.Sell;
        var decision = terminal.TryCheck(symbol, side, Math.Round((decimal)random.NextDouble() * 3m + 0.01m, 2), null, checkTimeout);
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
}, TaskCreationOptions.LongRunning)).ToArray();
await Task.WhenAll(runs).ConfigureAwait(false);
// Exit code 1 when a terminal never got in, so scripts notice.
return unwelcomed == 0 ? 0 : 1;
