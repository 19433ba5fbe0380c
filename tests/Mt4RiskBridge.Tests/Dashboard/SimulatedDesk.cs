using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Dashboard;

/// <summary>
/// Simulated terminals connected to a harness over loopback, each with open positions on a 1:500 account so
/// margin is in use, and a broker clock that follows the harness's fake clock (GMT+2).
/// </summary>
internal sealed class SimulatedDesk : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public SimulatedDesk(BridgeHarness bridge, params long[] logins)
    {
        foreach (var login in logins)
        {
            var terminal = new SimulatedTerminal(new TerminalProfile { Login = login, Balance = 10_000m, Leverage = WireLeverage.Of(500), Seed = (int)(login % 1000) }, bridge.Endpoint)
            {
                ServerTime = () => (bridge.Time.GetUtcNow() + TimeSpan.FromHours(2)).ToUnixTimeSeconds(),
            };
            terminal.Hello(Timeout);
            terminal.Execute("EURUSD", WireSide.Buy, 1.00m, null);
            terminal.Execute("XAUUSD", WireSide.Sell, 0.10m, null);
            terminal.SendFullState();
            Terminals.Add(terminal);
        }
        // A heartbeat with an id is answered after everything sent before it: the state is in when it returns.
        foreach (var terminal in Terminals) Sync(terminal);
    }

    public List<SimulatedTerminal> Terminals { get; } = [];

    public SimulatedTerminal this[long login] => Terminals.Single(t => t.Profile.Login == login);

    /// <summary>Waits until the service has handled everything <paramref name="terminal"/> sent so far.</summary>
    public static void Sync(SimulatedTerminal terminal)
    {
        var check = terminal.Check("EURUSD", WireSide.Buy, 0.01m, null, Timeout);
        Assert.NotNull(check);
    }

    public void Dispose()
    {
        foreach (var terminal in Terminals) terminal.Dispose();
    }
}
