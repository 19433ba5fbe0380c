using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.CurvePeer;

/// <summary>
/// The other ZeroMQ implementation on the other side of CURVE: a small C++ client on Debian's libzmq, built here
/// with g++, completes hello and a check against the host, using the key file the host's keygen wrote.
/// </summary>
public sealed class LibzmqCurvePeerTests : IDisposable
{
    private const string Token = "curve-peer-token-5f2e81";
    private readonly string _folder = Directory.CreateTempSubdirectory("mt4rb-libzmq").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{file} cannot be started: {ex.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{file} did not finish within {timeout}");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>Compiles curve_client.cpp; fails with what to install when the toolchain or libzmq is missing.</summary>
    private string BuildClient()
    {
        var flags = Run("pkg-config", ["--cflags", "--libs", "libzmq"], TimeSpan.FromSeconds(10));
        var compiler = Run("g++", ["--version"], TimeSpan.FromSeconds(10));
        Assert.True(flags.ExitCode == 0 && compiler.ExitCode == 0,
            "The libzmq CURVE peer needs g++, pkg-config and libzmq3-dev (Debian: apt-get install -y g++ pkg-config libzmq3-dev). " +
            $"pkg-config: {flags.Output.Trim()}; g++: {compiler.Output.Split('\n')[0]}");
        var binary = Path.Combine(_folder, "curve_client");
        var source = RepositoryFiles.PathOf(Path.Combine("tests", "Mt4RiskBridge.Tests", "CurvePeer", "curve_client.cpp"));
        var build = Run("g++", ["-std=c++17", "-O1", "-Wall", "-Wextra", "-Werror", source, "-o", binary, .. flags.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            TimeSpan.FromMinutes(2));
        Assert.True(build.ExitCode == 0, "g++ could not build curve_client.cpp:\n" + build.Output);
        return binary;
    }

    /// <summary>A key pair from keygen, and the host on loopback with CURVE on and a shared token.</summary>
    private static async Task<BridgeHarness> StartCurveBridgeAsync(string keys)
    {
        Assert.Equal(0, KeygenCommand.Run([keys], TextWriter.Null, TextWriter.Null));
        return await BridgeHarness.StartAsync("{}",
            "--Bridge:Curve:PublicKeyFile=" + Path.Combine(keys, "server.pub"),
            "--Bridge:Curve:SecretKeyFile=" + Path.Combine(keys, "server.key"),
            "--Bridge:Token=" + Token);
    }

    [Fact]
    public async Task LibzmqClient_OverCurve_CompletesHelloAndACheck()
    {
        var client = BuildClient();
        var keys = Path.Combine(_folder, "keys");
        await using var bridge = await StartCurveBridgeAsync(keys);

        var (exitCode, output) = Run(client, [bridge.Endpoint, Path.Combine(keys, "server.pub"), "7001", Token], TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"curve_client exited with {exitCode}:\n{output}");
        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"type\":\"welcome\"", replies[0], StringComparison.Ordinal);
        Assert.Contains("\"type\":\"ack\"", replies[1], StringComparison.Ordinal);
        Assert.Contains("\"type\":\"decision\",\"id\":\"c1\",\"verdict\":\"approve\"", replies[2], StringComparison.Ordinal);
        Assert.True(bridge.Accounts.TryGet(7001, out var view));
        Assert.Equal(10_000m, view.Account.Equity);
        // libzmq's disconnect reaches the service too: the connection is forgotten.
        var connections = bridge.Host.Services.GetRequiredService<Mt4RiskBridge.Sessions.ConnectionTable>();
        await BridgeHarness.EventuallyAsync(() => connections.Count == 0, "forgetting the libzmq peer after it closed");
    }

    [Fact]
    public async Task LibzmqClient_WithAWrongToken_IsRefused()
    {
        var client = BuildClient();
        var keys = Path.Combine(_folder, "keys");
        await using var bridge = await StartCurveBridgeAsync(keys);

        var (exitCode, output) = Run(client, [bridge.Endpoint, Path.Combine(keys, "server.pub"), "7001", "not-" + Token], TimeSpan.FromSeconds(30));

        Assert.Equal(4, exitCode);
        Assert.Contains("\"code\":\"not_authenticated\"", output, StringComparison.Ordinal);
        Assert.False(bridge.Accounts.TryGet(7001, out _));
    }
}
