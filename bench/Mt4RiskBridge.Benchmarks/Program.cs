using BenchmarkDotNet.Running;
using Mt4RiskBridge.Benchmarks.RoundTrip;

// `roundtrip [checks] [ticks]` runs the loopback comparison against raw NetMQ;
// anything else picks BenchmarkDotNet benchmarks, e.g. --filter '*Evaluation*'.
if (args.Length > 0 && args[0] == "roundtrip") return await RoundTripHarness.RunAsync(args[1..]).ConfigureAwait(false);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
