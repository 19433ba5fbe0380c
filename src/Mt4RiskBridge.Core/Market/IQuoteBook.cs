using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Core;

/// <summary>The latest quote per symbol, as the host holds them.</summary>
public interface IQuoteBook
{
    bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote);
}
