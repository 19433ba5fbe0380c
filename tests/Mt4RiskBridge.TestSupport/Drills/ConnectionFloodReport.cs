using System.Globalization;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>What a <see cref="ConnectionFloodDrill"/> saw; <see cref="Passed"/> when the service lived and kept deciding.</summary>
public sealed record ConnectionFloodReport
{
    public required int Attempted { get; init; }

    /// <summary>Idle connections the operating system completed (some are then closed by the service's cap).</summary>
    public required int Opened { get; init; }

    public required int? MaxOpenFiles { get; init; }

    /// <summary>The idle connections sent a ZeroMQ greeting and READY (and never a hello) instead of nothing.</summary>
    public required bool CompletedHandshake { get; init; }

    /// <summary>Idle connections the service had ended by the end of the hold (read 0 bytes or reset).</summary>
    public required int ClosedByService { get; init; }

    /// <summary>With the handshake: a terminal connected at the end of the hold, before the flood's sockets closed, was served.</summary>
    public required bool? ServedNewDuringFlood { get; init; }

    /// <summary>The TCP cap the service logged at start.</summary>
    public required string CapLine { get; init; }

    public required bool AliveAfterFlood { get; init; }

    /// <summary>A terminal connected before the flood still got its decision while the flood held its connections.</summary>
    public required bool ServedDuringFlood { get; init; }

    /// <summary>A new terminal, connected after the flood closed, said hello and got its decision.</summary>
    public required bool ServedAfterFlood { get; init; }

    public required int FileDescriptorsIdle { get; init; }
    public required int FileDescriptorsDuringFlood { get; init; }
    public required long ResidentBytesIdle { get; init; }
    public required long ResidentBytesDuringFlood { get; init; }

    public bool Passed => AliveAfterFlood && ServedDuringFlood && ServedAfterFlood
        && (!CompletedHandshake || (ClosedByService == Opened && ServedNewDuringFlood == true));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        idle connections {(CompletedHandshake ? "(ZeroMQ handshake, no hello) " : "")}attempted {Attempted}, opened {Opened}, open-file limit {(MaxOpenFiles?.ToString(CultureInfo.InvariantCulture) ?? "inherited")}: {(Passed ? "PASSED" : "FAILED")}
        {CapLine}
        idle connections ended by the service by the end of the hold: {ClosedByService} of {Opened}{(ServedNewDuringFlood is { } n ? $"; new terminal served while they were still open: {n}" : "")}
        service alive after the flood: {AliveAfterFlood}; terminal served during the flood: {ServedDuringFlood}; new terminal served after: {ServedAfterFlood}
        service file descriptors idle / during the flood: {FileDescriptorsIdle} / {FileDescriptorsDuringFlood}
        service memory (RSS) idle / during the flood: {ResidentBytesIdle / 1048576.0:0.0} / {ResidentBytesDuringFlood / 1048576.0:0.0} MiB
        """);
}
