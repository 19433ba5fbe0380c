using System.Text.Json;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

/// <summary><c>halt</c> and <c>resume</c> go to the running service's admin endpoint and say which service they reached.</summary>
public sealed class HaltCommandTests
{
    [Fact]
    public async Task Halt_ReachesTheServiceAtTheAdminEndpoint_WithReasonAndToken()
    {
        using var service = new AdminEndpoint(requiredToken: "operator-secret");

        var (exitCode, output) = await ServiceProcess.RunToEndAsync(
            "halt", "1001", "news", "week", "--Dashboard:Endpoint=" + service.Url, "--Dashboard:OperatorToken=operator-secret");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            $"account 1001 halted: news week (trading state halted) by Mt4RiskBridge 9.9.9 (pid 4242, terminals at tcp://127.0.0.1:5557) at {service.Url}/",
            ProcessOutput.Single(output));
        var post = Assert.Single(service.Requests, r => r.Method == "POST");
        Assert.Equal(("/api/accounts/1001/halt", "Bearer operator-secret"), (post.Path, post.Authorization));
        Assert.Equal("news week", JsonDocument.Parse(post.Body).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Resume_ReachesTheService()
    {
        using var service = new AdminEndpoint();

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("resume", "1001", "--Dashboard:Endpoint=" + service.Url);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("account 1001 resumed (trading state normal) by Mt4RiskBridge 9.9.9", ProcessOutput.Single(output), StringComparison.Ordinal);
        var post = Assert.Single(service.Requests, r => r.Method == "POST");
        Assert.Equal(("/api/accounts/1001/resume", null), (post.Path, post.Authorization));
    }

    [Fact]
    public async Task Halt_WithAWrongToken_SaysSoAndExits1_WithoutPrintingTheToken()
    {
        using var service = new AdminEndpoint(requiredToken: "operator-secret");

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("halt", "1001", "--Dashboard:Endpoint=" + service.Url, "--Dashboard:OperatorToken=guess");

        Assert.Equal(1, exitCode);
        Assert.EndsWith("the service refused the operator token; set Dashboard:OperatorToken to the service's token", ProcessOutput.Single(output), StringComparison.Ordinal);
        Assert.DoesNotContain("guess", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_WithNoServiceRunning_FailsInOneLine()
    {
        var endpoint = $"http://127.0.0.1:{ServiceProcess.FreePort()}";

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("halt", "1001", "--Dashboard:Endpoint=" + endpoint);

        Assert.Equal(3, exitCode);
        var line = ProcessOutput.Single(output);
        Assert.StartsWith($"halt: no Mt4RiskBridge service answered at {endpoint}/ (", line, StringComparison.Ordinal);
        Assert.EndsWith("write the state file itself with --state-file PATH", line, StringComparison.Ordinal);
    }
}
