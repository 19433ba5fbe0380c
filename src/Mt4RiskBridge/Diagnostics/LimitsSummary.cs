using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Risk;

namespace Mt4RiskBridge.Diagnostics;

/// <summary>
/// Logs one line at start with the limits in force, so an operator sees from the log alone that a cap is off or
/// a floor is not what was meant. Registered after the transport, which binds once the host has started: the line
/// follows "listening", and a service that cannot bind prints only why.
/// </summary>
internal sealed partial class LimitsSummary(RiskEngineSource engine, ILogger<LimitsSummary> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        LogLimits(logger, Describe(engine.Current.Policy, engine.Exposure));
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The limits as one line; a limit at 0 is written "off", so no one reads it as "zero lots allowed".</summary>
    internal static string Describe(RiskPolicy policy, ExposureSettings exposure)
    {
        var caps = policy.LotCaps.Global;
        var tiers = string.Join(" ", policy.Tiers.Tiers.Select(t => Invariant($"{t.MinEquity:0.##}:{t.Leverage}")));
        string[] parts =
        [
            Invariant($"floor {policy.MarginLevelFloorPercent:0.##}%"),
            Invariant($"tiers [{tiers}] on {policy.TierAppliesTo}"),
            Invariant($"lots per order {Cap(caps.MaxLotsPerOrder)}, per symbol {Cap(caps.MaxLotsPerSymbol)}, total {Cap(caps.MaxLotsTotal)}"),
            Invariant($"open positions {Cap(caps.MaxOpenPositions)}"),
            Invariant($"lot cap overrides {policy.LotCaps.Symbols.Count} symbols, {policy.LotCaps.Classes.Count} classes"),
            Invariant($"risk per trade {Percent(policy.RiskPerTradePercent)}, stop loss {(policy.RequireStopLoss ? "required" : "optional")}"),
            Invariant($"max effective leverage {Cap(policy.MaxEffectiveLeverage)}, experience profile {ExperienceProfiles.Name(policy.ExperienceProfile)}, preset {policy.RegulatoryPreset}"),
            Invariant($"daily loss {Percent(exposure.Limits.DailyLossPercent)}, drawdown {Percent(exposure.Limits.MaxDrawdownPercent)}"),
            Invariant($"checks per second {Cap(exposure.Limits.MaxChecksPerSecond)}, all halted {(exposure.Limits.Halted ? "yes" : "no")}"),
            Invariant($"enforcement {exposure.Enforcement.Mode}"),
        ];
        return string.Join(", ", parts);
    }

    private static string Cap(decimal? value) => value is null or 0m ? "off" : value.Value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => value == 0m ? "off" : value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Limits in force: {Limits}")]
    private static partial void LogLimits(ILogger logger, string limits);
}
