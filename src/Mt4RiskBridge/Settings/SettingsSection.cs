using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// One section of the settings: its name, its options class, and the rules beyond the class's validation
/// attributes. The same rules run in the start-up check (which lists every problem of every section at once)
/// and in the options pipeline (<c>ValidateOnStart</c>), so a host built any other way cannot skip them.
/// </summary>
public sealed class SettingsSection
{
    private readonly Func<IConfiguration, (object? Options, string? BindError)> _bind;
    private readonly Func<object, IEnumerable<string>> _rules;
    private readonly Action<IServiceCollection> _register;
    private readonly Func<IServiceProvider, object> _atStart;

    private SettingsSection(string name, Type optionsType, Func<IConfiguration, (object?, string?)> bind, Func<object, IEnumerable<string>> rules,
        Action<IServiceCollection> register, Func<IServiceProvider, object> atStart)
    {
        Name = name;
        OptionsType = optionsType;
        _bind = bind;
        _rules = rules;
        _register = register;
        _atStart = atStart;
    }

    public string Name { get; }

    /// <summary>The class whose properties are the section's keys (unknown keys are refused against it).</summary>
    public Type OptionsType { get; }

    public static SettingsSection For<T>(string name, Func<T, IEnumerable<string>>? rules = null)
        where T : class, new()
    {
        var check = rules ?? (_ => []);
        return new SettingsSection(
            name,
            typeof(T),
            configuration =>
            {
                var options = new T();
                try
                {
                    configuration.GetSection(name).Bind(options);
                    return (options, null);
                }
                catch (InvalidOperationException ex)
                {
                    // The binder names the key and the type it could not convert to.
                    return (null, ex.Message);
                }
            },
            options => check((T)options),
            services =>
            {
                // Bound once, without a change-token source: the options pipeline would re-validate a reloaded file
                // on the file watcher's thread and throw there. Sections that reload watch the settings themselves
                // and refuse a bad change (RiskEngineSource).
                services.AddOptions<T>()
                    .Configure<IConfiguration>((options, configuration) => configuration.GetSection(name).Bind(options))
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
                services.AddSingleton<IValidateOptions<T>>(new SectionRules<T>(check));
            },
            services => services.GetRequiredService<IOptions<T>>().Value);
    }

    /// <summary>The section's options as the host bound them at start, defaults included.</summary>
    public object AtStart(IServiceProvider services) => _atStart(services);

    /// <summary>Binds the section and lists every problem, each with its full key.</summary>
    public IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var (options, bindError) = _bind(configuration);
        if (options is null) return [bindError!];
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return
        [
            .. results.Select(r => r.ErrorMessage ?? $"{Name}:{string.Join(", ", r.MemberNames)} is invalid"),
            .. _rules(options),
        ];
    }

    public void Register(IServiceCollection services) => _register(services);
}
