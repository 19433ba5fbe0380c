Console.WriteLine("Mt4RiskBridge simulator");
