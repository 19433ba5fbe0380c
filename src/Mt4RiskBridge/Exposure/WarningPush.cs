using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Exposure;

/// <summary>Turns an engine alert into the protocol's <c>warning</c> message, details and all.</summary>
public static class WarningPush
{
    public static WarningMessage ToMessage(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var severity = alert.Severity switch
        {
            AlertSeverity.Critical => WarningSeverity.Critical,
            AlertSeverity.Warn => WarningSeverity.Warn,
            _ => WarningSeverity.Info,
        };
        return new WarningMessage(alert.Code, severity, alert.Message, Fields(alert.Details));
    }

    private static ImmutableArray<WarningDetail> Fields(IReadOnlyDictionary<string, object?> values)
    {
        var fields = ImmutableArray.CreateBuilder<WarningDetail>(values.Count);
        foreach (var (name, value) in values)
        {
            fields.Add(Value(value) switch
            {
                null => WarningDetail.Null(name),
                string text => WarningDetail.Of(name, text),
                decimal number => WarningDetail.Of(name, number),
                bool flag => WarningDetail.Of(name, flag),
                WarningObject nested => WarningDetail.Of(name, nested),
                var other => WarningDetail.Of(name, (WarningList)other),
            });
        }
        return fields.MoveToImmutable();
    }

    /// <summary>The wire form of a detail value: numbers as decimals, maps as objects, sequences as lists.</summary>
    private static object? Value(object? value) => value switch
    {
        null or string or decimal or bool => value,
        int number => (decimal)number,
        long number => (decimal)number,
        double number => (decimal)number,
        Leverage leverage => leverage.ToString(),
        IReadOnlyDictionary<string, object?> map => new WarningObject(Fields(map)),
        IEnumerable items => new WarningList(items.Cast<object?>().Select(Value).ToImmutableArray()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
