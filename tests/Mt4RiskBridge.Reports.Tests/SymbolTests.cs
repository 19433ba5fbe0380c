namespace Mt4RiskBridge.Reports.Tests;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("eurusd", "EURUSD")]
    [InlineData("EURUSDm", "EURUSD")]
    [InlineData("eurgbp-2", "EURGBP")]
    [InlineData("EURUSD.pro", "EURUSD")]
    [InlineData("#XAUUSD", "XAUUSD")]
    [InlineData("xtiusd", "XTIUSD")]
    public void Core_StripsBrokerDecoration(string written, string expected) => Assert.Equal(expected, SymbolName.Core(written));

    [Theory]
    [InlineData("eurusd-2", InstrumentKind.CurrencyPair, 100_000)]
    [InlineData("xauusd", InstrumentKind.Metal, 100)]
    [InlineData("XAGUSDm", InstrumentKind.Metal, 5_000)]
    public void Find_KnowsPairsAndMetals(string written, InstrumentKind kind, int contract)
    {
        var instrument = new InstrumentCatalog().Find(written);
        Assert.NotNull(instrument);
        Assert.Equal(kind, instrument.Kind);
        Assert.Equal(contract, instrument.Contract);
    }

    [Theory]
    [InlineData("xtiusd")]
    [InlineData("UKOUSD")]
    [InlineData("ndx")]
    [InlineData("US30")]
    public void Find_GuessesNothing(string written) => Assert.Null(new InstrumentCatalog().Find(written));

    [Theory]
    [InlineData("1 434.86", 1434.86)]
    [InlineData("-1 100.00", -1100.00)]
    [InlineData("100 000.00", 100000.00)]
    [InlineData("0.01", 0.01)]
    public void TryNumber_ReadsSpaceSeparatedThousands(string text, decimal expected)
    {
        Assert.True(CellText.TryNumber(text, out var value));
        Assert.Equal(expected, value);
    }
}
