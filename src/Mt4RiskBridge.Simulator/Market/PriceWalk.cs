namespace Mt4RiskBridge.Simulator.Market;

/// <summary>
/// A seeded random walk of one symbol's mid price, moving a few points a step around its start, with a fixed
/// spread. Seeded so a demo or a test replays the same prices.
/// </summary>
public sealed class PriceWalk(decimal start, decimal point, int spreadPoints, int maxStepPoints, int seed)
{
    private readonly Random _random = new(seed);

    public decimal Mid { get; private set; } = start;

    public decimal Bid => Mid - (spreadPoints / 2) * point;

    public decimal Ask => Bid + spreadPoints * point;

    /// <summary>Moves the price by a random whole number of points in [-maxStep, +maxStep].</summary>
    public void Step() => Mid = Math.Max(point, Mid + _random.Next(-maxStepPoints, maxStepPoints + 1) * point);

    /// <summary>Sets the mid price, for scripted moves.</summary>
    public void MoveTo(decimal mid) => Mid = mid;
}
