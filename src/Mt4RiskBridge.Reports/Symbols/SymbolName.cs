namespace Mt4RiskBridge.Reports;

/// <summary>Undoes broker decoration: <c>eurgbp-2</c>, <c>EURUSD.pro</c>, <c>#EURUSD</c>, <c>EURUSDm</c> → the six letters.</summary>
internal static class SymbolName
{
    public static string Core(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        // The longest run of letters: prefixes and suffixes that start with a non-letter fall away.
        var bestStart = 0;
        var bestLength = 0;
        for (var i = 0; i < written.Length;)
        {
            if (!char.IsAsciiLetter(written[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < written.Length && char.IsAsciiLetter(written[i])) i++;
            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }
        var core = written.Substring(bestStart, bestLength);
        // A lower-case letter suffix after six letters (EURUSDm, EURUSDmicro) marks an account type, not a symbol.
        if (core.Length > 6 && core[6..].All(char.IsAsciiLetterLower))
            core = core[..6];
        return core.ToUpperInvariant();
    }
}
