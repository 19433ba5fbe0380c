using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>Keeps every entry logged through it, with its event id and its text, for tests about what the service logs.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
