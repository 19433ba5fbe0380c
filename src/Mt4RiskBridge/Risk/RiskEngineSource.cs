using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Risk;

/// <summary>
/// Holds the engine for the current <c>Risk</c> settings and swaps in a new one when they change, so the next
/// decision uses the new limits. A reload that fails validation keeps the last good engine.
/// </summary>
public sealed partial class RiskEngineSource : IDisposable
{
    private readonly ILogger<RiskEngineSource> _logger;
    private readonly IDisposable? _subscription;
    private RiskEngine _engine;

    public RiskEngineSource(IOptionsMonitor<RiskOptions> options, ILogger<RiskEngineSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _engine = new RiskEngine(Map(options.CurrentValue));
        _subscription = options.OnChange(Reload);
    }

    public RiskEngine Current => Volatile.Read(ref _engine);

    public void Dispose() => _subscription?.Dispose();

    private void Reload(RiskOptions options)
    {
        if (!RiskPolicyMapper.TryMap(options, out var policy, out var errors))
        {
            LogReloadRefused(string.Join("; ", errors));
            return;
        }
        var old = Current.Policy;
        Volatile.Write(ref _engine, new RiskEngine(policy!));
        LogReloaded(old.MarginLevelFloorPercent, policy!.MarginLevelFloorPercent, policy.LotCaps.Global.MaxLotsPerOrder ?? 0m,
            policy.RiskPerTradePercent, policy.MaxEffectiveLeverage);
    }

    private static RiskPolicy Map(RiskOptions options) =>
        RiskPolicyMapper.TryMap(options, out var policy, out var errors)
            ? policy!
            : throw new OptionsValidationException(RiskOptions.Section, typeof(RiskOptions), errors);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Risk settings reloaded: floor {OldFloor}% -> {NewFloor}%, max lots per order {MaxLotsPerOrder}, risk per trade {RiskPercent}%, max effective leverage {MaxEffectiveLeverage}")]
    private partial void LogReloaded(decimal oldFloor, decimal newFloor, decimal maxLotsPerOrder, decimal riskPercent, decimal maxEffectiveLeverage);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Risk settings change refused, keeping the previous limits: {Errors}")]
    private partial void LogReloadRefused(string errors);
}
