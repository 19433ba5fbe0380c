using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mt4RiskBridge.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// Many terminals driven by one thread: one <see cref="NetMQPoller"/> owns their DEALER sockets, a 10 ms timer
/// sends each terminal's tick (10 per second), its account every second and its check every 2 s, each terminal
/// in its own phase so the load is spread as real terminals spread it, and replies are read as they arrive.
/// Statistics are read only after <see cref="Stop"/>.
/// </summary>
internal sealed class LoadGroup : ILoadPart
{
    private const string Spec =
        """{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""";

    private readonly List<LoadTerminal> _terminals = [];
    private readonly NetMQPoller _poller = [];
    private readonly NetMQTimer _timer = new(TimeSpan.FromMilliseconds(10));
    private readonly Random _random;
    private readonly string _endpoint;
    private long _step;
    private volatile bool _sending = true;

    public LoadGroup(string endpoint, IEnumerable<long> logins, int seed)
    {
        _endpoint = endpoint;
        _random = new Random(seed);
        var slot = 0;
        foreach (var login in logins)
        {
            var socket = new DealerSocket();
            socket.Options.Linger = TimeSpan.Zero;
            socket.Options.SendHighWatermark = 1000;
            var terminal = new LoadTerminal(login, slot++ % 200, socket);
            _terminals.Add(terminal);
            socket.ReceiveReady += (_, _) => Read(terminal);
        }
        _timer.Elapsed += (_, _) => Step();
    }

    public List<long> Latencies { get; } = new(100_000);
    public long ChecksSent { get; private set; }
    public long ChecksAnswered { get; private set; }
    public long MessagesSent { get; private set; }
    public long SendsRefused { get; private set; }
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public double ProcessCpuSeconds => 0;

    public long Outstanding => _terminals.Sum(t => t.Outstanding.Count);

    /// <summary>
    /// Hello and the full state for every terminal, before the poller takes the sockets over: at a bounded rate, in
    /// chunks, and with a heartbeat now and then for those already connected, so however long it takes no terminal
    /// stays silent past the session timeout.
    /// </summary>
    public void Connect(TimeSpan timeout, int perSecond)
    {
        const int Chunk = 100;
        var started = Stopwatch.GetTimestamp();
        var keptAlive = Stopwatch.GetTimestamp();
        for (var first = 0; first < _terminals.Count; first += Chunk)
        {
            var chunk = _terminals.Skip(first).Take(Chunk).ToList();
            foreach (var terminal in chunk)
            {
                var due = TimeSpan.FromSeconds((double)(first + chunk.IndexOf(terminal)) / perSecond) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero) Thread.Sleep(due);
                terminal.Socket.Connect(_endpoint);
                Send(terminal, string.Create(CultureInfo.InvariantCulture,
                    $$"""{"v":1,"type":"hello","id":"h","account":{{terminal.Login}},"server":"Load","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent"}"""));
            }
            foreach (var terminal in chunk)
            {
                if (!terminal.Socket.TryReceiveFrameString(timeout, out var welcome) || !welcome.Contains("\"welcome\"", StringComparison.Ordinal))
                    throw new InvalidOperationException($"terminal {terminal.Login} was not welcomed");
                Send(terminal, Spec);
                SendTick(terminal);
                SendAccount(terminal);
                Send(terminal, """{"v":1,"type":"positions","positions":[]}""");
            }
            if (Stopwatch.GetElapsedTime(keptAlive) < TimeSpan.FromSeconds(5)) continue;
            keptAlive = Stopwatch.GetTimestamp();
            foreach (var terminal in _terminals.Take(first + chunk.Count)) Send(terminal, """{"v":1,"type":"heartbeat"}""");
        }
    }

    /// <summary>A heartbeat from every terminal, for the wait between connecting and streaming.</summary>
    public void KeepAlive()
    {
        foreach (var terminal in _terminals) Send(terminal, """{"v":1,"type":"heartbeat"}""");
    }

    public void Start()
    {
        foreach (var terminal in _terminals) _poller.Add(terminal.Socket);
        _poller.Add(_timer);
        _poller.RunAsync("load group");
    }

    /// <summary>Stops the timer's sends; replies still in flight keep being read.</summary>
    public void StopSending() => _sending = false;

    public void ResetStatistics() => _poller.Run(() =>
    {
        Latencies.Clear();
        ChecksSent = ChecksAnswered = MessagesSent = SendsRefused = 0;
        Errors.Clear();
        foreach (var terminal in _terminals) terminal.Outstanding.Clear();
    });

    public void Stop()
    {
        if (_poller.IsRunning) _poller.Stop();
    }

    public void Dispose()
    {
        Stop();
        _poller.Dispose();
        foreach (var terminal in _terminals) terminal.Socket.Dispose();
    }

    private void Step()
    {
        if (!_sending) return;
        var step = _step++;
        foreach (var terminal in _terminals)
        {
            // Steps are 10 ms: a tick every 10 steps, the account every 100, a check every 200.
            if (step % 10 != terminal.Slot % 10) continue;
            SendTick(terminal);
            if (step % 100 == terminal.Slot % 100) SendAccount(terminal);
            if (step % 200 == terminal.Slot)
            {
                var id = "c" + (terminal.NextCheck++).ToString(CultureInfo.InvariantCulture);
                var lots = 0.01m * _random.Next(1, 50);
                if (Send(terminal, string.Create(CultureInfo.InvariantCulture,
                        $$"""{"v":1,"type":"check","id":"{{id}}","symbol":"EURUSD","side":"buy","lots":{{lots}}}""")))
                {
                    terminal.Outstanding[id] = Stopwatch.GetTimestamp();
                    ChecksSent++;
                }
            }
        }
    }

    private void SendTick(LoadTerminal terminal)
    {
        terminal.Bid += (_random.Next(3) - 1) * 0.00001m;
        Send(terminal, string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"type":"tick","symbol":"EURUSD","bid":{{terminal.Bid}},"ask":{{terminal.Bid + 0.00008m}},"time":1763640000}"""));
    }

    private void SendAccount(LoadTerminal terminal) => Send(terminal,
        """{"v":1,"type":"account","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""");

    private bool Send(LoadTerminal terminal, string json)
    {
        if (!terminal.Socket.TrySendFrame(TimeSpan.Zero, Encoding.UTF8.GetBytes(json)))
        {
            SendsRefused++;
            return false;
        }
        MessagesSent++;
        return true;
    }

    private void Read(LoadTerminal terminal)
    {
        while (terminal.Socket.TryReceiveFrameBytes(TimeSpan.Zero, out var frame))
        {
            var now = Stopwatch.GetTimestamp();
            var parsed = WireParser.ParseServiceMessage(frame);
            if (!parsed.IsSuccess) continue;
            var message = parsed.Message;
            if (message is WireError error) Errors[error.Code] = Errors.GetValueOrDefault(error.Code) + 1;
            if (message.Id is { } id && terminal.Outstanding.Remove(id, out var sentAt))
            {
                ChecksAnswered++;
                Latencies.Add(now - sentAt);
            }
        }
    }
}
