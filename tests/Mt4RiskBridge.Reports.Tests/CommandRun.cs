namespace Mt4RiskBridge.Reports.Tests;

/// <summary>Runs the report command with captured output.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static CommandRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ReportCommand.Run(args, output, error);
        return new CommandRun(code, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
