namespace Mt4RiskBridge.Reports;

/// <summary>
/// Decides what each symbol is. XAU… and XAG… are metals (100 and 5,000 per lot); a six-letter name whose halves
/// are both ISO 4217 codes is a currency pair (100,000 per lot); anything else needs the contract file or is
/// excluded. Nothing is guessed.
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly IReadOnlyDictionary<string, ContractEntry> _contracts;

    public InstrumentCatalog(IReadOnlyDictionary<string, ContractEntry>? contracts = null) =>
        _contracts = contracts ?? new Dictionary<string, ContractEntry>();

    /// <summary>The instrument for a symbol as written in the file, or null when it must be excluded.</summary>
    public Instrument? Find(string written)
    {
        var core = SymbolName.Core(written);
        if (core.Length == 6)
        {
            var (left, right) = (core[..3], core[3..]);
            if (left is "XAU" && Iso4217.IsCurrency(right)) return new Instrument(core, InstrumentKind.Metal, left, right, 100m);
            if (left is "XAG" && Iso4217.IsCurrency(right)) return new Instrument(core, InstrumentKind.Metal, left, right, 5_000m);
            if (Iso4217.IsCurrency(left) && Iso4217.IsCurrency(right))
                return new Instrument(core, InstrumentKind.CurrencyPair, left, right, 100_000m);
        }
        if (_contracts.TryGetValue(written, out var entry) || _contracts.TryGetValue(core, out entry))
            return new Instrument(core, InstrumentKind.FromContractFile, core, entry.Currency, entry.Contract);
        return null;
    }
}
