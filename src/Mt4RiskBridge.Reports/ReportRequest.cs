using System.Globalization;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// <c>report FILE [--json PATH] [--html PATH] [--contracts PATH] [--account-leverage N] [--what-if PROFILE]</c>. Without --json or
/// --html the HTML report goes to FILE.report.html beside the input.
/// </summary>
public sealed record ReportRequest(string File, string? JsonPath, string? HtmlPath, string? ContractsPath, decimal? AccountLeverage, WhatIfProfile? WhatIf = null)
{
    public const string Usage =
        "usage: Mt4RiskBridge report FILE [--json PATH] [--html PATH] [--contracts PATH] [--account-leverage N] [--what-if PROFILE]   " +
        "(FILE: an MT4 Detailed Statement, a Strategy Tester report or decisions.jsonl; see docs/report.md)";

    /// <summary>The HTML path to write: --html, or FILE.report.html when neither output was asked for.</summary>
    public string? EffectiveHtmlPath => HtmlPath ?? (JsonPath is null ? File + ".report.html" : null);

    public static bool TryParse(IReadOnlyList<string> args, out ReportRequest? request, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        request = null;
        error = "";
        string? file = null, json = null, html = null, contracts = null;
        decimal? leverage = null;
        WhatIfProfile? whatIf = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (file is not null)
                {
                    error = $"report: one FILE only (got \"{file}\" and \"{arg}\")";
                    return false;
                }
                file = arg;
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = $"report: {arg} needs a value";
                return false;
            }
            var value = args[++i];
            switch (arg)
            {
                case "--json": json = value; break;
                case "--html": html = value; break;
                case "--contracts": contracts = value; break;
                case "--account-leverage":
                    var text = value.StartsWith("1:", StringComparison.Ordinal) ? value[2..] : value;
                    if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) || ratio <= 0m)
                    {
                        error = $"report: --account-leverage takes a positive ratio such as 500 or 1:500, not \"{value}\"";
                        return false;
                    }
                    leverage = ratio;
                    break;
                case "--what-if":
                    if (!WhatIfProfile.TryParse(value, out whatIf))
                    {
                        error = $"report: --what-if takes {WhatIfProfile.Choices}, not \"{value}\"";
                        return false;
                    }
                    break;
                default:
                    error = $"report: unknown option {arg}";
                    return false;
            }
        }
        if (file is null)
        {
            error = "report: FILE is missing";
            return false;
        }
        request = new ReportRequest(file, json, html, contracts, leverage, whatIf);
        return true;
    }
}
