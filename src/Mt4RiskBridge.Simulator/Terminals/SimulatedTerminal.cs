using Mt4RiskBridge.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Simulator.Terminals;

/// <summary>
/// One MT4 terminal played over the real protocol on a DEALER socket: an account with a balance, open
/// positions whose profit follows the simulated prices, and orders that ask <c>check</c> before they
/// "execute" what was approved. Not thread-safe: one thread drives a terminal.
/// </summary>
public sealed class SimulatedTerminal : IDisposable
{
    private readonly DealerSocket _socket = new();
    private readonly Dictionary<string, SimulatedSymbol> _symbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WirePosition> _positions = [];
    private readonly List<ServiceMessage> _unasked = [];
    private long _nextTicket = 100_001;
    private long _nextId = 1;

    public SimulatedTerminal(TerminalProfile profile, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Balance = profile.Balance;
        var seed = profile.Seed;
        foreach (var name in profile.Symbols) _symbols[name] = SymbolCatalogue.Create(name, seed++);
        _socket.Options.Linger = TimeSpan.Zero;
        _socket.Options.SendHighWatermark = 10_000;
        _socket.Options.ReceiveHighWatermark = 10_000;
        _socket.Connect(endpoint);
    }

    public TerminalProfile Profile { get; }

    public decimal Balance { get; private set; }

    public IReadOnlyList<WirePosition> Positions => _positions;

    public IReadOnlyCollection<SimulatedSymbol> Symbols => _symbols.Values;

    /// <summary>The service's session id from the last welcome.</summary>
    public string? Session { get; private set; }

    /// <summary>
    /// Set when the service may have lost this terminal: a request went unanswered, the service said <c>no_hello</c>,
    /// or a welcome carried a new session id. <see cref="Resync"/> clears it.
    /// </summary>
    public bool NeedsResync { get; private set; }

    /// <summary>How many times <see cref="Resync"/> said hello and sent the full state again.</summary>
    public int Resyncs { get; private set; }

    /// <summary>Warnings and instructions the service pushed, oldest first; <see cref="TakeUnasked"/> empties it.</summary>
    public IReadOnlyList<ServiceMessage> Unasked => _unasked;

    /// <summary>Broker server time now (unix seconds); scenarios may pin it.</summary>
    public Func<long> ServerTime { get; set; } = () => 0;

    public decimal Equity => Balance + _positions.Sum(p => p.Profit);

    public SimulatedSymbol Symbol(string name) => _symbols[name];

    public List<ServiceMessage> TakeUnasked()
    {
        var taken = _unasked.ToList();
        _unasked.Clear();
        return taken;
    }

    /// <summary>Says hello and waits for the welcome.</summary>
    public WelcomeMessage Hello(TimeSpan timeout)
    {
        var id = NextId();
        Send(new HelloMessage(Profile.Login, Profile.Server, Profile.Currency, Profile.Leverage, Profile.MarginCallLevel,
            Profile.StopOutLevel, WireStopOutMode.Percent, Profile.Company, "Mt4RiskBridge.Simulator", Profile.Token) { Id = id });
        var reply = AwaitReply(id, timeout);
        if (reply is WelcomeMessage welcome)
        {
            // A new session id means a new run of the service, which knows nothing of this terminal yet.
            if (Session is not null && Session != welcome.Session) NeedsResync = true;
            Session = welcome.Session;
            return welcome;
        }
        if (reply is null) NeedsResync = true;
        throw new InvalidOperationException($"hello of account {Profile.Login} was answered with {Describe(reply)}");
    }

    /// <summary>Streams everything the service needs: symbols, quotes, positions and the account.</summary>
    public void SendFullState()
    {
        foreach (var symbol in _symbols.Values) Send(symbol.Spec);
        SendTicks();
        SendPositions();
        SendAccount();
    }

    public void SendAccount() => Send(new AccountMessage(Balance, Equity, UsedMargin(), Equity - UsedMargin(), Profile.Leverage, ServerTime()));

    public void SendPositions() => Send(new PositionsMessage(_positions.ToEquatableArray()));

    public void SendTicks() => Send(new TicksMessage(_symbols.Values
        .Select(s => new WireTick(s.Name, s.Price.Bid, s.Price.Ask, ServerTime())).ToEquatableArray()));

    public void SendHeartbeat() => Send(new HeartbeatMessage());

    /// <summary>Moves every price one random step and re-marks open positions.</summary>
    public void StepPrices()
    {
        foreach (var symbol in _symbols.Values) symbol.Price.Step();
        Remark();
    }

    /// <summary>Moves one symbol's price, for scripted scenarios.</summary>
    public void MovePrice(string symbol, decimal mid)
    {
        _symbols[symbol].Price.MoveTo(mid);
        Remark();
    }

    /// <summary>Asks the service about an order and waits for its decision.</summary>
    public DecisionMessage Check(string symbol, WireSide side, decimal lots, decimal? stopLoss, TimeSpan timeout, bool withSnapshot = false)
    {
        var id = NextId();
        var snapshot = withSnapshot
            ? new CheckSnapshot(Balance, Equity, UsedMargin(), _positions.ToEquatableArray())
            : null;
        Send(new CheckMessage(symbol, side, lots, WireOrderType.Market, null, stopLoss, null, 0, null, snapshot) { Id = id });
        return AwaitReply(id, timeout) as DecisionMessage
            ?? throw new InvalidOperationException($"check {id} was not answered with a decision");
    }

    /// <summary>
    /// Like <see cref="Check"/>, but an unanswered check or a <c>no_hello</c> error returns null and marks the
    /// terminal for <see cref="Resync"/> instead of throwing: the EA then sends no order.
    /// </summary>
    public DecisionMessage? TryCheck(string symbol, WireSide side, decimal lots, decimal? stopLoss, TimeSpan timeout)
    {
        var id = NextId();
        Send(new CheckMessage(symbol, side, lots, WireOrderType.Market, null, stopLoss, null, 0, null, null) { Id = id });
        var reply = AwaitReply(id, timeout);
        if (reply is null) NeedsResync = true;
        return reply as DecisionMessage;
    }

    /// <summary>
    /// Says hello again and, when the service answers, streams the full state; true when done. Call it when
    /// <see cref="NeedsResync"/> is set; a silent service leaves the flag set for the next try.
    /// </summary>
    public bool Resync(TimeSpan timeout)
    {
        NeedsResync = false;
        try
        {
            Hello(timeout);
        }
        catch (InvalidOperationException)
        {
            NeedsResync = true;
            return false;
        }
        SendFullState();
        NeedsResync = false;
        Resyncs++;
        return true;
    }

    /// <summary>Fills an order at the current price, as the broker would after an approval.</summary>
    public WirePosition Execute(string symbol, WireSide side, decimal lots, decimal? stopLoss)
    {
        var price = _symbols[symbol].Price;
        var position = new WirePosition(_nextTicket++, symbol, side, lots, side == WireSide.Buy ? price.Ask : price.Bid,
            stopLoss ?? 0m, 0m, 0m, 0m, 0m, ServerTime(), 0);
        _positions.Add(position);
        Remark();
        return position;
    }

    /// <summary>Closes part or all of a position at the current price, booking its profit.</summary>
    public void Close(long ticket, decimal lots)
    {
        var index = _positions.FindIndex(p => p.Ticket == ticket);
        if (index < 0) return;
        var position = _positions[index];
        var share = Math.Min(1m, lots / position.Lots);
        Balance += Math.Round(position.Profit * share, 2);
        if (share >= 1m) _positions.RemoveAt(index);
        else _positions[index] = position with { Lots = position.Lots - lots, Profit = Math.Round(position.Profit * (1m - share), 2) };
    }

    /// <summary>Sets the balance so that equity becomes <paramref name="equity"/> (a deposit or a withdrawal).</summary>
    public void SetEquity(decimal equity) => Balance += equity - Equity;

    public void Send(ClientMessage message) => _socket.SendFrame(WireWriter.Serialize(message));

    /// <summary>Reads what has arrived, keeping unasked messages; returns the reply with <paramref name="id"/> or null at the deadline.</summary>
    public ServiceMessage? AwaitReply(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.TryReceiveFrameBytes(left, out var frame)) return null;
            var parsed = WireParser.ParseServiceMessage(frame);
            if (!parsed.IsSuccess) continue;
            var message = parsed.Message;
            if (message is WireError { Code: WireErrorCode.NoHello }) NeedsResync = true;
            if (message.Id == id) return message;
            if (message.Id is null) _unasked.Add(message);
        }
    }

    /// <summary>Collects unasked messages that arrive within <paramref name="wait"/>.</summary>
    public void Drain(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline && _socket.TryReceiveFrameBytes(deadline - DateTime.UtcNow, out var frame))
        {
            var parsed = WireParser.ParseServiceMessage(frame);
            if (parsed.IsSuccess && parsed.Message.Id is null) _unasked.Add(parsed.Message);
        }
    }

    public void Dispose() => _socket.Dispose();

    private string NextId() => (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Remark()
    {
        for (var i = 0; i < _positions.Count; i++)
        {
            var position = _positions[i];
            var symbol = _symbols[position.Symbol];
            var spec = symbol.Spec;
            var move = position.Side == WireSide.Buy ? symbol.Price.Bid - position.OpenPrice : position.OpenPrice - symbol.Price.Ask;
            _positions[i] = position with { Profit = Math.Round(move / spec.TickSize * spec.TickValue * position.Lots, 2) };
        }
    }

    /// <summary>The broker's margin in use: notional in USD over the account leverage; nothing when it is unlimited.</summary>
    private decimal UsedMargin()
    {
        if (Profile.Leverage.IsUnlimited) return 0m;
        var leverage = Profile.Leverage.Ratio;
        decimal total = 0m;
        foreach (var position in _positions)
        {
            var symbol = _symbols[position.Symbol];
            var spec = symbol.Spec;
            var baseInUsd = spec.BaseCurrency == "USD" ? 1m : UsdPer(spec.BaseCurrency, symbol);
            total += position.Lots * spec.ContractSize * baseInUsd / leverage;
        }
        return Math.Round(total, 2);
    }

    private decimal UsdPer(string currency, SimulatedSymbol fallback)
    {
        if (_symbols.TryGetValue(currency + "USD", out var direct)) return direct.Price.Mid;
        if (_symbols.TryGetValue("USD" + currency, out var inverse)) return 1m / inverse.Price.Mid;
        return fallback.Price.Mid;
    }

    private static string Describe(ServiceMessage? message) => message switch
    {
        null => "silence",
        WireError error => $"error {error.Code}: {error.Message}",
        _ => message.Type,
    };
}
