using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Keeps what trading states need across restarts in an embedded SQLite file: each account's start-of-day and
/// peak equity, and operator halts. Reads happen once per account (at hello); writes are queued to a background
/// task so the socket thread never waits on the disk; halts set by the operator command are re-read every
/// <see cref="HaltRefresh"/>.
/// </summary>
public sealed partial class AccountStateStore : IHostedService, IDisposable
{
    public static readonly TimeSpan HaltRefresh = TimeSpan.FromSeconds(2);

    private readonly string _connectionString;
    private readonly ILogger<AccountStateStore> _logger;
    private readonly Channel<(long Login, EquityMarks Marks)> _writes =
        Channel.CreateUnbounded<(long, EquityMarks)>(new UnboundedChannelOptions { SingleReader = true });
    private ImmutableDictionary<long, string> _halts = ImmutableDictionary<long, string>.Empty;
    private Task? _writer;
    private ITimer? _haltTimer;

    public AccountStateStore(ExposureSettings settings, ILogger<AccountStateStore> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _logger = logger;
        _connectionString = ConnectionString(settings.StatePath);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.StatePath)!);
        using var connection = Open(_connectionString);
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS equity_marks (
                login INTEGER PRIMARY KEY, day TEXT NOT NULL, start_equity TEXT NOT NULL,
                peak_equity TEXT NOT NULL, daily_loss_reached INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS halts (login INTEGER PRIMARY KEY, reason TEXT NOT NULL, since TEXT NOT NULL);
            """);
        _halts = ReadHalts(connection);
    }

    /// <summary>Accounts an operator halted, with the reason given.</summary>
    public ImmutableDictionary<long, string> Halts => Volatile.Read(ref _halts);

    /// <summary>Whether the state file answers a query now (the readiness check).</summary>
    public bool IsOpen()
    {
        try
        {
            using var connection = Open(_connectionString);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM halts";
            command.ExecuteScalar();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public EquityMarks? Load(long login)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, start_equity, peak_equity, daily_loss_reached FROM equity_marks WHERE login = $login";
        command.Parameters.AddWithValue("$login", login);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new EquityMarks(
            DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            reader.GetInt64(3) != 0);
    }

    /// <summary>Queues the marks to be stored; the latest per account wins.</summary>
    public void Save(long login, EquityMarks marks) => _writes.Writer.TryWrite((login, marks));

    /// <summary>Marks an account halted (the operator command); the running service sees it within <see cref="HaltRefresh"/>.</summary>
    public void Halt(long login, string reason)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO halts (login, reason, since) VALUES ($login, $reason, $since) ON CONFLICT(login) DO UPDATE SET reason = $reason, since = $since";
        command.Parameters.AddWithValue("$login", login);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$since", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        RefreshHalts();
    }

    public bool Resume(long login)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM halts WHERE login = $login";
        command.Parameters.AddWithValue("$login", login);
        var removed = command.ExecuteNonQuery() > 0;
        RefreshHalts();
        return removed;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        _haltTimer = TimeProvider.System.CreateTimer(_ => RefreshHalts(), null, HaltRefresh, HaltRefresh);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _haltTimer?.Dispose();
        _writes.Writer.TryComplete();
        if (_writer is not null) await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _haltTimer?.Dispose();
        _writes.Writer.TryComplete();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var latest = new Dictionary<long, EquityMarks>();
            while (reader.TryRead(out var item)) latest[item.Login] = item.Marks;
            try
            {
                using var connection = Open(_connectionString);
                using var transaction = connection.BeginTransaction();
                foreach (var (login, marks) in latest)
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = """
                        INSERT INTO equity_marks (login, day, start_equity, peak_equity, daily_loss_reached)
                        VALUES ($login, $day, $start, $peak, $reached)
                        ON CONFLICT(login) DO UPDATE SET day = $day, start_equity = $start, peak_equity = $peak, daily_loss_reached = $reached
                        """;
                    command.Parameters.AddWithValue("$login", login);
                    command.Parameters.AddWithValue("$day", marks.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    command.Parameters.AddWithValue("$start", marks.StartOfDayEquity.ToString(CultureInfo.InvariantCulture));
                    command.Parameters.AddWithValue("$peak", marks.PeakEquity.ToString(CultureInfo.InvariantCulture));
                    command.Parameters.AddWithValue("$reached", marks.DailyLossReached ? 1 : 0);
                    command.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                LogWriteFailed(ex, latest.Count);
            }
        }
    }

    private void RefreshHalts()
    {
        try
        {
            using var connection = Open(_connectionString);
            Volatile.Write(ref _halts, ReadHalts(connection));
        }
        catch (SqliteException ex)
        {
            LogHaltReadFailed(ex);
        }
    }

    private static ImmutableDictionary<long, string> ReadHalts(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT login, reason FROM halts";
        using var reader = command.ExecuteReader();
        var halts = ImmutableDictionary.CreateBuilder<long, string>();
        while (reader.Read()) halts[reader.GetInt64(0)] = reader.GetString(1);
        return halts.ToImmutable();
    }

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Could not store equity marks of {Accounts} accounts; trading states may restart from today's equity")]
    private partial void LogWriteFailed(Exception exception, int accounts);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Could not read operator halts; keeping the last known list")]
    private partial void LogHaltReadFailed(Exception exception);
}
