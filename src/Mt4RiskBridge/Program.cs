return await Mt4RiskBridge.BridgeApp.RunAsync(args).ConfigureAwait(false);
