using BenchmarkDotNet.Running;
using Mt4RiskBridge.Benchmarks;
using Mt4RiskBridge.Benchmarks.Evaluation;
using Mt4RiskBridge.Benchmarks.Reliability;
using Mt4RiskBridge.Benchmarks.Reports;
using Mt4RiskBridge.Benchmarks.RoundTrip;

// `roundtrip [checks] [ticks]` runs the loopback comparison against a libzmq (C++) echo and a raw NetMQ echo;
// anything else picks BenchmarkDotNet benchmarks, e.g. --filter '*Evaluation*'.
// `dashboard [checks]` compares the check round trip with the dashboard pages open against none open;
// `dashboard-tabs` is the pages' own process it starts.
if (args.Length > 0 && args[0] == "dashboard") return await DashboardRoundTrip.RunAsync(args[1..]).ConfigureAwait(false);
if (args.Length > 0 && args[0] == "dashboard-tabs") return DashboardTabs.Run(args[1..]);
if (args.Length > 0 && args[0] == "roundtrip") return await RoundTripHarness.RunAsync(args[1..]).ConfigureAwait(false);
// `echo-router` is the raw NetMQ echo alone in a process, the baseline of the load drill's probe.
if (args.Length > 0 && args[0] == "echo-router") return EchoRouter.RunAlone();
// `fuzz`, `restart`, `load`, `flood` and `heavy` are the reliability harnesses of docs/reliability.md.
if (args.Length > 0 && args[0] == "fuzz") return await FuzzHarness.RunAsync(args[1..]).ConfigureAwait(false);
if (args.Length > 0 && args[0] == "restart") return await RestartHarness.RunAsync(args[1..]).ConfigureAwait(false);
if (args.Length > 0 && args[0] == "load-client") return LoadClientProcess.Run(args[1..]);
if (args.Length > 0 && args[0] == "heavy-client") return HeavyClientProcess.Run(args[1..]);
if (args.Length > 0 && args[0] == "load") return await LoadHarness.RunAsync(args[1..]).ConfigureAwait(false);
if (args.Length > 0 && args[0] == "flood") return await FloodHarness.RunAsync(args[1..]).ConfigureAwait(false);
if (args.Length > 0 && args[0] == "heavy") return await HeavyHarness.RunAsync(args[1..]).ConfigureAwait(false);
// `evaluate [evaluations] [runs]` times the busy-account decisions as thread CPU time, with bytes allocated per decision.
if (args.Length > 0 && args[0] == "evaluate") return EvaluationDrill.Run(args[1..]);
// `state [accounts]` counts the managed heap of the service's per-account state (docs/configuration.md).
if (args.Length > 0 && args[0] == "state") return StateMemoryDrill.Run(args[1..]);
// `connections [connections] [messages]` counts what a raw NetMQ ROUTER keeps per connection (docs/scaling.md).
if (args.Length > 0 && args[0] == "connections") return ConnectionMemoryDrill.Run(args[1..]);
// `report [trades] [runs] [path]` times the report command on a synthetic statement (docs/benchmarks.md).
if (args.Length > 0 && args[0] == "report") return ReportHarness.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
