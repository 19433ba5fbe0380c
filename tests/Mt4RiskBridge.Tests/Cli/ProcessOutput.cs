namespace Mt4RiskBridge.Tests.Cli;

internal static class ProcessOutput
{
    /// <summary>The non-empty lines a process wrote (stdout and stderr together).</summary>
    public static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The one line the process wrote, failing with everything it wrote when it wrote more or a stack frame.</summary>
    public static string Single(string output)
    {
        var lines = Lines(output);
        Assert.True(lines.Length == 1, "expected one line, got:\n" + output);
        Assert.DoesNotContain(" at Mt4RiskBridge", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        return lines[0];
    }
}
