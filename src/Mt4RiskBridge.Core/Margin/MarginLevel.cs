using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Equity ÷ used margin × 100, in percent. With no margin in use the level is infinite, never a division by zero —
/// unless nothing is left: equity at or below zero is 0% whatever the margin (an unlimited tier charges none), so
/// a wiped-out account is below every floor instead of above all of them.
/// </summary>
public readonly record struct MarginLevel
{
    private MarginLevel(decimal percent, bool isInfinite)
    {
        Percent = percent;
        IsInfinite = isInfinite;
    }

    public static MarginLevel Infinite { get; } = new(0m, true);

    public bool IsInfinite { get; }

    /// <summary>The level in percent; meaningless when <see cref="IsInfinite"/>.</summary>
    public decimal Percent { get; }

    public static MarginLevel Of(decimal equity, decimal usedMargin) =>
        equity <= 0m && usedMargin <= 0m ? new MarginLevel(0m, false)
        : usedMargin <= 0m ? Infinite
        : new MarginLevel(equity / usedMargin * 100m, false);

    public bool IsBelow(decimal percent) => !IsInfinite && Percent < percent;

    public override string ToString() =>
        IsInfinite ? "∞" : Percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
