using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The ratio of notional to margin (500 for 1:500), or unlimited, which charges no margin on eligible
/// instruments. Unlimited is a real value rather than a magic number so that it can never be divided by, and it
/// is never the default: <c>default(Leverage)</c> is 1:1, fully margined, so an unset leverage fails safe.
/// </summary>
public readonly record struct Leverage : IComparable<Leverage>
{
    // The ratio as given, read only when _limited: the default value, with neither flag set, is 1:1. (Kept as given
    // rather than less one, so that reading it costs no decimal addition; every limited ratio is positive.)
    private readonly decimal _ratio;
    private readonly bool _limited;
    private readonly bool _unlimited;

    private Leverage(decimal ratio, bool unlimited)
    {
        _ratio = unlimited ? 0m : ratio;
        _limited = !unlimited;
        _unlimited = unlimited;
    }

    /// <summary>No margin is charged for eligible instruments.</summary>
    public static Leverage Unlimited { get; } = new(0m, unlimited: true);

    /// <summary>1:1: notional and margin are equal. The value of <c>default(Leverage)</c>.</summary>
    public static Leverage FullyMargined => default;

    public bool IsUnlimited => _unlimited;

    private decimal RatioValue => _limited ? _ratio : 1m;

    /// <summary>The ratio, e.g. 500 for 1:500. Throws for unlimited, which has none.</summary>
    public decimal Ratio => IsUnlimited
        ? throw new InvalidOperationException("Unlimited leverage has no ratio.")
        : RatioValue;

    /// <summary>A limited leverage; the ratio must be positive (1 means fully margined).</summary>
    public static Leverage Of(decimal ratio) => ratio > 0m
        ? new Leverage(ratio, unlimited: false)
        : throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Leverage must be positive.");

    /// <summary>The more restrictive of two leverages: unlimited loses to any ratio.</summary>
    public static Leverage Min(Leverage a, Leverage b)
    {
        if (a.IsUnlimited) return b;
        if (b.IsUnlimited) return a;
        return a.RatioValue <= b.RatioValue ? a : b;
    }

    /// <summary>The margin for a notional amount: notional ÷ ratio, zero when unlimited.</summary>
    public decimal MarginFor(decimal notional) => IsUnlimited ? 0m : notional / RatioValue;

    /// <summary>Reads "unlimited", "2000" or "1:2000".</summary>
    public static bool TryParse(string? text, out Leverage leverage)
    {
        leverage = FullyMargined;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim();
        if (span.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
        {
            leverage = Unlimited;
            return true;
        }
        if (span.StartsWith("1:", StringComparison.Ordinal)) span = span[2..];
        if (decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) && ratio > 0m)
        {
            leverage = new Leverage(ratio, unlimited: false);
            return true;
        }
        return false;
    }

    /// <summary>Orders by restrictiveness: 1:30 &lt; 1:500 &lt; unlimited.</summary>
    public int CompareTo(Leverage other)
    {
        if (IsUnlimited) return other.IsUnlimited ? 0 : 1;
        if (other.IsUnlimited) return -1;
        return RatioValue.CompareTo(other.RatioValue);
    }

    /// <summary>Equal ratios (500 and 500.0 alike, and 1:1 however made), or both unlimited.</summary>
    public bool Equals(Leverage other) =>
        _unlimited == other._unlimited && (_unlimited || RatioValue == other.RatioValue);

    public override int GetHashCode() => _unlimited ? 1 : RatioValue.GetHashCode();

    public static bool operator <(Leverage left, Leverage right) => left.CompareTo(right) < 0;
    public static bool operator >(Leverage left, Leverage right) => left.CompareTo(right) > 0;
    public static bool operator <=(Leverage left, Leverage right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Leverage left, Leverage right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        IsUnlimited ? "unlimited" : "1:" + RatioValue.ToString("0.##", CultureInfo.InvariantCulture);
}
