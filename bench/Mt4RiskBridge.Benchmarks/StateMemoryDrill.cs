using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Web;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>
/// <c>state [accounts]</c>: the managed memory of the service's own per-account state, without sockets. Feeds that
/// many accounts the load drill's stream (hello, contract, quote, positions, account) through the sessions and
/// counts the heap before and after, each after a full collection.
/// </summary>
internal static class StateMemoryDrill
{
    private static readonly string[] Stream =
    [
        """{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.10000,"ask":1.10008,"time":1763640000}""",
        """{"v":1,"type":"positions","positions":[]}""",
        """{"v":1,"type":"account","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""",
    ];

    public static int Run(string[] args)
    {
        var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var audit = Path.GetTempFileName();
        using var host = BridgeApp.CreateHost(["--Bridge:LogDirectory=", "--Dashboard:Enabled=false", "--Serilog:MinimumLevel:Default=Error", "--Bridge:MaxUnauthenticatedMessagesPerSecond=1000000",
            "--Bridge:MaxConnections=" + (accounts + 1).ToString(CultureInfo.InvariantCulture),
            "--Limits:StatePath=" + Path.Combine(Path.GetTempPath(), "mt4rb-state-drill.db"), "--Bridge:AuditPath=" + audit]);
        var connections = host.Services.GetRequiredService<ConnectionTable>();
        var router = host.Services.GetRequiredService<MessageRouter>();
        var now = DateTimeOffset.UtcNow;
        var stream = Stream.Select(Encoding.UTF8.GetBytes).ToArray();
        // One account first, so what every service holds anyway (caches, JIT, the first dictionary sizes) is not counted.
        Feed(connections, router, 0, stream, now);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 1; i <= accounts; i++) Feed(connections, router, i, stream, now);
        connections.EndBatch();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(connections);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{accounts} accounts (hello, one contract, one quote, no positions, account): {(after - before) / 1024.0 / accounts:0.00} KiB of managed heap per account ({connections.Count} connections held)"));
        File.Delete(audit);
        History(accounts);
        return 0;
    }

    /// <summary>
    /// The dashboard's history of each account once two hours of samples are in, against the same samples as a list
    /// of records (how the service kept them before: all of them), both measured here.
    /// </summary>
    private static void History(int accounts)
    {
        const int TwoHoursOfSeconds = 7200;
        var points = Enumerable.Range(0, TwoHoursOfSeconds)
            .Select(s => new HistoryPoint(1_764_900_000 + s, 10_000m + s * 0.37m, 2_500m - s * 0.11m)).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rings = new AccountHistory[accounts];
        for (var a = 0; a < accounts; a++)
        {
            rings[a] = AccountHistory.TwoHours();
            foreach (var point in points) rings[a].Add(point);
        }
        var ring = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(rings);
        rings = null;
        before = GC.GetTotalMemory(forceFullCollection: true);
        var lists = new List<HistoryPoint>[accounts];
        for (var a = 0; a < accounts; a++)
        {
            lists[a] = [];
            foreach (var point in points) lists[a].Add(point with { });
        }
        var list = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(lists);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{accounts} accounts' dashboard history after {TwoHoursOfSeconds:N0} samples, one a second: {ring / 1024.0 / accounts:0.0} KiB per account (as a list of records: {list / 1024.0 / accounts:0.0} KiB, {(double)ring / list:0.00}x)"));
    }

    private static void Feed(ConnectionTable connections, MessageRouter router, int index, byte[][] stream, DateTimeOffset now)
    {
        var identity = BitConverter.GetBytes(index + 1);
        var connection = connections.Connect(identity, now);
        router.Handle(connection, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"type":"hello","id":"h","account":{{700_000 + index}},"server":"Load","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent"}""")), now);
        foreach (var frame in stream) router.Handle(connection, frame, now);
        connections.EndBatch();
    }
}
