using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>One simulated terminal of the load run: its socket, its price and its checks waiting for an answer.</summary>
internal sealed class LoadTerminal(long login, int slot, DealerSocket socket)
{
    public long Login { get; } = login;

    /// <summary>Which 10 ms step of the 2 s cycle this terminal asks in, so ticks and checks are spread evenly.</summary>
    public int Slot { get; } = slot;

    public DealerSocket Socket { get; } = socket;

    public decimal Bid { get; set; } = 1.10000m;

    public long NextCheck { get; set; }

    /// <summary>Check id → Stopwatch timestamp of the send.</summary>
    public Dictionary<string, long> Outstanding { get; } = new(StringComparer.Ordinal);
}
