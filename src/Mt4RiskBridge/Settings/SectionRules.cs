using Microsoft.Extensions.Options;

namespace Mt4RiskBridge.Settings;

/// <summary>A section's cross-field rules as an options validator.</summary>
internal sealed class SectionRules<T>(Func<T, IEnumerable<string>> rules) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = rules(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
