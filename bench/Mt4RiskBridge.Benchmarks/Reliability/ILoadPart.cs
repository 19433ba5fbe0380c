namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>Some of the load run's terminals: a thread of this process (<see cref="LoadGroup"/>) or another process (<see cref="RemoteLoadPart"/>).</summary>
internal interface ILoadPart : IDisposable
{
    /// <summary>Check round trips in <see cref="System.Diagnostics.Stopwatch"/> ticks; complete after <see cref="Stop"/>.</summary>
    List<long> Latencies { get; }
    long ChecksSent { get; }
    long ChecksAnswered { get; }
    long MessagesSent { get; }
    long SendsRefused { get; }
    Dictionary<string, long> Errors { get; }
    long Outstanding { get; }

    /// <summary>Processor time of the process the terminals run in, when it is another one; 0 for this process.</summary>
    double ProcessCpuSeconds { get; }

    void Connect(TimeSpan timeout, int perSecond);
    void KeepAlive();
    void Start();
    void ResetStatistics();
    void StopSending();
    void Stop();
}
