using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help", "Commands:")]
    [InlineData("run --help", "Run the service (the default)")]
    [InlineData("demo --help", "embedded simulated terminal")]
    [InlineData("halt --help", "halt <login> [<reason>...] [options]")]
    [InlineData("resume --help", "resume <login> [options]")]
    [InlineData("keygen --help", "keygen <folder> [<name>] [options]")]
    [InlineData("report --help", "report <file> [options]")]
    public async Task Help_OnEachCommand_PrintsUsageWithoutStartingTheService(string args, string expected)
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync(args.Split(' '));

        Assert.Equal(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("run --version")]
    [InlineData("demo --version")]
    [InlineData("halt --version")]
    [InlineData("resume --version")]
    [InlineData("keygen --version")]
    [InlineData("report --version")]
    public async Task Version_OnEachCommand_IsTheAssemblyVersion(string args)
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync(args.Split(' '));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", ProcessOutput.Single(output));
    }

    [Theory]
    [InlineData("frobnicate", "Mt4RiskBridge: unexpected argument \"frobnicate\" (see Mt4RiskBridge --help)")]
    [InlineData("run --hlep", "Mt4RiskBridge run: unknown option \"--hlep\"; settings are given as --Section:Key=value (see Mt4RiskBridge run --help)")]
    [InlineData("halt", "Mt4RiskBridge halt: Required argument 'login' missing for command: 'halt'. (see Mt4RiskBridge halt --help)")]
    [InlineData("keygen", "Mt4RiskBridge keygen: Required argument 'folder' missing for command: 'keygen'. (see Mt4RiskBridge keygen --help)")]
    [InlineData("report", "Mt4RiskBridge report: Required argument 'file' missing for command: 'report'. (see Mt4RiskBridge report --help)")]
    public async Task Misuse_IsOneLineAndExitCode2(string args, string expected)
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync(args.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, ProcessOutput.Single(output));
    }
}
