namespace Mt4RiskBridge.Cli;

/// <summary>
/// The words a command did not recognise, which must be settings overrides (<c>--Section:Key=value</c> or
/// <c>--Section:Key value</c>); anything else is an error, so a mistyped option is never silently dropped.
/// </summary>
internal static class SettingsArguments
{
    public static bool TryRead(IReadOnlyList<string> tokens, out string[] settings, out string? problem)
    {
        var list = new List<string>();
        problem = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                problem = $"unexpected argument \"{token}\"";
                break;
            }
            var key = token[2..].Split('=', 2)[0];
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                problem = $"unknown option \"{token}\"; settings are given as --Section:Key=value";
                break;
            }
            list.Add(token);
            if (token.Contains('=', StringComparison.Ordinal)) continue;
            if (i + 1 >= tokens.Count)
            {
                problem = $"the setting \"{token}\" needs a value (--{key}=value)";
                break;
            }
            list.Add(tokens[++i]);
        }
        settings = [.. list];
        return problem is null;
    }
}
