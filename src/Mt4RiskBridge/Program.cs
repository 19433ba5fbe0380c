namespace Mt4RiskBridge;

/// <summary>The service's entry point (an explicit class, so referencing projects keep their own <c>Program</c>).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => BridgeApp.RunAsync(args);
}
