using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Kills the real service with SIGKILL while simulated terminals stream and ask, restarts it on the same port,
/// and checks the promises a crash must not break: every decision a terminal received is in the audit file,
/// the file has no torn line, every terminal says hello and resends its state, and no approval is made on state
/// the new process was not sent (checked by the equity each audit line was judged on).
/// </summary>
public sealed class RestartDrill(RestartDrillOptions options)
{
    /// <summary>A Thursday noon in broker time: outside every weekend or rollover window.</summary>
    private const long ServerNow = 1763640000;
    private const long ProbeLogin = 89_999;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(long Login, int Run), ConcurrentDictionary<decimal, byte>> _equitiesSent = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<long, string> _sessionOf = new();
    private int _run;

    public async Task<RestartDrillReport> RunAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Folder);
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{ServiceProcess.FreePort()}");
        var auditPath = Path.Combine(options.Folder, "decisions.jsonl");
        string[] args =
        [
            "--Bridge:Endpoint=" + endpoint,
            "--Bridge:AuditPath=" + auditPath,
            "--Bridge:LogDirectory=",
            "--Bridge:BindRetries=20",
            "--Limits:StatePath=" + Path.Combine(options.Folder, "state.db"),
            "--Serilog:MinimumLevel:Override:Mt4RiskBridge.Sessions=Warning",
            .. options.ServiceArgs,
        ];

        var sessions = new List<string>();
        var missing = new List<string>();
        var stale = new List<string>();
        var restartSeconds = new List<double>();
        var resyncSeconds = new List<double>();
        var audits = new List<AuditFileCheck>();
        int probeApprovals = 0, resyncFailures = 0;
        long auditOffset = 0;

        var service = ServiceProcess.StartBinary(options.ServiceBinary, args);
        var terminals = new List<SimulatedTerminal>();
        using var stop = new CancellationTokenSource();
        var threads = new List<Thread>();
        try
        {
            await service.WaitListeningAsync(options.StartTimeout).ConfigureAwait(false);
            sessions.Add(Probe(endpoint, ref probeApprovals));
            for (var i = 0; i < options.Terminals; i++)
            {
                var terminal = new SimulatedTerminal(new TerminalProfile { Login = 81_000 + i, Balance = 10_000m + 250m * i, Seed = 300 + i }, endpoint)
                {
                    ServerTime = () => ServerNow,
                };
                terminals.Add(terminal);
                var thread = new Thread(() => Drive(terminal, stop.Token)) { IsBackground = true, Name = "terminal " + terminal.Profile.Login };
                threads.Add(thread);
                thread.Start();
            }
            if (!await AllResyncedAsync(terminals, sessions[^1], cancellationToken).ConfigureAwait(false)) resyncFailures += Unsynced(terminals, sessions[^1]);

            for (var run = 0; run <= options.Restarts; run++)
            {
                await Task.Delay(options.TrafficPerRun, cancellationToken).ConfigureAwait(false);
                if (run == options.Restarts) await stop.CancelAsync().ConfigureAwait(false);

                var killed = Stopwatch.StartNew();
                service.Kill();
                Interlocked.Increment(ref _run);
                // Read at once, before anything could repair the file: this is what a crash leaves.
                var audit = AuditFileCheck.Read(auditPath, auditOffset);
                auditOffset = audit.Length;
                audits.Add(audit);
                options.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: killed; its audit lines: {audit}"));
                if (run == options.Restarts) break;

                service.Dispose();
                service = ServiceProcess.StartBinary(options.ServiceBinary, args);
                await service.WaitListeningAsync(options.StartTimeout).ConfigureAwait(false);
                restartSeconds.Add(killed.Elapsed.TotalSeconds);
                var listening = Stopwatch.StartNew();
                sessions.Add(Probe(endpoint, ref probeApprovals));
                if (await AllResyncedAsync(terminals, sessions[^1], cancellationToken).ConfigureAwait(false)) resyncSeconds.Add(listening.Elapsed.TotalSeconds);
                else resyncFailures += Unsynced(terminals, sessions[^1]);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var thread in threads) thread.Join(TimeSpan.FromSeconds(10));
            foreach (var terminal in terminals) terminal.Dispose();
            service.Dispose();
        }

        // Verified once every terminal has stopped, so a decision still on its way into the list is not missed.
        for (var run = 0; run < audits.Count; run++) Verify(run, sessions[run], audits[run], missing, stale);
        var received = _received.ToArray();
        return new RestartDrillReport
        {
            Restarts = options.Restarts,
            Terminals = options.Terminals,
            DecisionsReceived = received.Length,
            Approvals = received.Count(r => r.Verdict != "reject"),
            MissingFromAudit = missing,
            TornLines = audits.Sum(a => a.TornLines),
            StaleApprovals = stale,
            ProbeApprovals = probeApprovals,
            ResyncFailures = resyncFailures,
            ResyncSeconds = resyncSeconds,
            RestartSeconds = restartSeconds,
            AuditLines = audits.Sum(a => a.Records.Count),
        };
    }

    /// <summary>Every decision received from run <paramref name="run"/> must be on file; every approval on file must rest on state sent to it.</summary>
    private void Verify(int run, string session, AuditFileCheck audit, List<string> missing, List<string> stale)
    {
        var onFile = audit.Records.Select(r => (r.Login, r.Id, r.Verdict, r.Lots)).ToHashSet();
        foreach (var decision in _received.Where(d => d.Session == session))
        {
            if (!onFile.Contains((decision.Login, decision.Id, decision.Verdict, decision.Lots)))
                missing.Add(string.Create(CultureInfo.InvariantCulture, $"run {run}: account {decision.Login} check {decision.Id} {decision.Verdict} {decision.Lots}"));
        }
        foreach (var record in audit.Records.Where(r => r.Verdict != "reject"))
        {
            if (record.Equity is not { } equity || !_equitiesSent.TryGetValue((record.Login, run), out var sent) || !sent.ContainsKey(equity))
                stale.Add(string.Create(CultureInfo.InvariantCulture, $"run {run}: account {record.Login} check {record.Id} {record.Verdict} on equity {record.Equity}"));
        }
    }

    /// <summary>One terminal's life: stream, ask, trade what was approved; on silence or a new session, hello and everything again.</summary>
    private void Drive(SimulatedTerminal terminal, CancellationToken stop)
    {
        var random = new Random(terminal.Profile.Seed);
        var login = terminal.Profile.Login;
        var synced = false;
        while (!stop.IsCancellationRequested)
        {
            if (!synced || terminal.NeedsResync)
            {
                // The account moved while the service was away: the new run must judge on the new figures.
                if (synced) terminal.SetEquity(terminal.Equity + 100m);
                var before = Volatile.Read(ref _run);
                if (!terminal.Resync(AskTimeout)) continue;
                RecordEquity(login, before, terminal.Equity);
                _sessionOf[login] = terminal.Session!;
                synced = true;
                continue;
            }

            terminal.StepPrices();
            terminal.SendTicks();
            var run = Volatile.Read(ref _run);
            terminal.SendAccount();
            RecordEquity(login, run, terminal.Equity);

            var symbol = terminal.Profile.Symbols[random.Next(terminal.Profile.Symbols.Count)];
            var side = random.Next(2) == 0 ? WireSide.Buy : WireSide.Sell;
            var lots = 0.01m * random.Next(1, 11);
            var decision = terminal.TryCheck(symbol, side, lots, null, AskTimeout);
            if (decision is not null)
            {
                _received.Enqueue(new Received(login, decision.Id!, decision.Verdict.ToString().ToLowerInvariant(), decision.Lots, terminal.Session!));
                if (decision.Lots > 0m && random.Next(4) == 0)
                {
                    terminal.Execute(symbol, side, decision.Lots, null);
                    terminal.SendPositions();
                }
            }
            Thread.Sleep(20);
        }
    }

    /// <summary>Notes an equity as sent to the run current before the send and to the one current after it.</summary>
    private void RecordEquity(long login, int runBefore, decimal equity)
    {
        var runAfter = Volatile.Read(ref _run);
        for (var run = runBefore; run <= runAfter; run++) _equitiesSent.GetOrAdd((login, run), _ => new())[equity] = 0;
    }

    /// <summary>Says hello on a fresh connection and asks at once, before any account state: must not be approved.</summary>
    private static string Probe(string endpoint, ref int approvals)
    {
        using var probe = new SimulatedTerminal(new TerminalProfile { Login = ProbeLogin, Seed = 1 }, endpoint) { ServerTime = () => ServerNow };
        var welcome = probe.Hello(TimeSpan.FromSeconds(10));
        foreach (var symbol in probe.Symbols) probe.Send(symbol.Spec);
        probe.SendTicks();
        var decision = probe.TryCheck("EURUSD", WireSide.Buy, 0.01m, null, TimeSpan.FromSeconds(10))
            ?? throw new InvalidOperationException("the probe check was not answered");
        if (decision.Verdict != WireVerdict.Reject) approvals++;
        return welcome.Session;
    }

    private async Task<bool> AllResyncedAsync(IReadOnlyList<SimulatedTerminal> terminals, string session, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < options.ResyncTimeout)
        {
            if (Unsynced(terminals, session) == 0) return true;
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }

    private int Unsynced(IReadOnlyList<SimulatedTerminal> terminals, string session) =>
        terminals.Count(t => !_sessionOf.TryGetValue(t.Profile.Login, out var s) || s != session);

    private readonly record struct Received(long Login, string Id, string Verdict, decimal Lots, string Session);
}
