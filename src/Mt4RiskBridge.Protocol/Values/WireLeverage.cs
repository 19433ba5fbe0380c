using System.Globalization;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// A leverage as the wire carries it: a positive ratio (500 for 1:500) or unlimited. Hello and account write it as
/// an integer with 0 for unlimited, decisions as a number or "unlimited". Unlimited is only ever explicit: the
/// default value is 1:1, so a leverage nobody set reads as fully margined.
/// </summary>
public readonly record struct WireLeverage
{
    // Kept as ratio - 1 so that default(WireLeverage) is 1:1 rather than an invalid 0 or unlimited.
    private readonly decimal _ratioLessOne;
    private readonly bool _unlimited;

    private WireLeverage(decimal ratioLessOne, bool unlimited)
    {
        _ratioLessOne = ratioLessOne;
        _unlimited = unlimited;
    }

    public static WireLeverage Unlimited { get; } = new(0m, unlimited: true);

    public bool IsUnlimited => _unlimited;

    /// <summary>The ratio; throws for unlimited, which has none.</summary>
    public decimal Ratio => _unlimited
        ? throw new InvalidOperationException("Unlimited leverage has no ratio.")
        : _ratioLessOne + 1m;

    /// <summary>A limited leverage; the ratio must be positive.</summary>
    public static WireLeverage Of(decimal ratio) => ratio > 0m
        ? new WireLeverage(ratio - 1m, unlimited: false)
        : throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Leverage must be positive.");

    public override string ToString() =>
        _unlimited ? WireNames.Unlimited : "1:" + Ratio.ToString("0.##", CultureInfo.InvariantCulture);
}
