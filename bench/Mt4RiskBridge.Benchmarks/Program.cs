Console.WriteLine("Mt4RiskBridge benchmarks");
