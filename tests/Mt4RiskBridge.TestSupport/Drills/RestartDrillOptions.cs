namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>How a <see cref="RestartDrill"/> runs: how many terminals, how many kills, how long between them.</summary>
public sealed record RestartDrillOptions
{
    /// <summary>Folder for the audit file and the service's state; created when missing.</summary>
    public required string Folder { get; init; }

    public string ServiceBinary { get; init; } = ServiceProcess.DefaultBinary;

    public int Terminals { get; init; } = 4;

    /// <summary>Kill-and-restart cycles after the first start.</summary>
    public int Restarts { get; init; } = 2;

    /// <summary>How long the terminals stream and ask between a start and the next kill.</summary>
    public TimeSpan TrafficPerRun { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long every terminal has to say hello again and resend its state after a restart.</summary>
    public TimeSpan ResyncTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>More service arguments (settings), after the drill's own.</summary>
    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    /// <summary>Progress lines go here when set.</summary>
    public TextWriter? Progress { get; init; }
}
