namespace Mt4RiskBridge.Protocol;

/// <summary>
/// One named value in a warning's details: a string, a number (decimal), a boolean, null, a nested object
/// (<see cref="WarningObject"/>) or a list (<see cref="WarningList"/>).
/// </summary>
public sealed record WarningDetail
{
    private WarningDetail(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>A <see cref="string"/>, a <see cref="decimal"/>, a <see cref="bool"/>, null, a <see cref="WarningObject"/> or a <see cref="WarningList"/>.</summary>
    public object? Value { get; }

    public static WarningDetail Of(string name, string? value) => new(name, value);

    public static WarningDetail Of(string name, decimal value) => new(name, value);

    public static WarningDetail Of(string name, bool value) => new(name, value);

    public static WarningDetail Null(string name) => new(name, null);

    public static WarningDetail Of(string name, WarningObject value) => new(name, value);

    public static WarningDetail Of(string name, WarningList value) => new(name, value);
}
