using System.Globalization;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// The <c>--contracts</c> CSV: <c>symbol,contract[,currency]</c> per line for symbols that are not currency pairs
/// or metals (XTIUSD, US30...). The currency the symbol is priced in defaults to USD. Lines starting with # are comments.
/// </summary>
public static class ContractFile
{
    public static IReadOnlyDictionary<string, ContractEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ReportInputException($"--contracts {path}: no such file");
        var entries = new Dictionary<string, ContractEntry>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            var contractOk = fields.Length is 2 or 3
                && decimal.TryParse(fields[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var contract)
                && contract > 0m;
            if (!contractOk)
            {
                if (number == 1 && fields[0].Equals("symbol", StringComparison.OrdinalIgnoreCase)) continue;
                throw new ReportInputException($"--contracts {path} line {number}: expected symbol,contract[,currency] with a positive contract, not \"{line}\"");
            }
            var currency = fields.Length == 3 ? fields[2].ToUpperInvariant() : "USD";
            if (!Iso4217.IsCurrency(currency))
                throw new ReportInputException($"--contracts {path} line {number}: \"{fields[2]}\" is not an ISO 4217 currency code");
            entries[fields[0]] = new ContractEntry(decimal.Parse(fields[1], CultureInfo.InvariantCulture), currency);
        }
        return entries;
    }
}
