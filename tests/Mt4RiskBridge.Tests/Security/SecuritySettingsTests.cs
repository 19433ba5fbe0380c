using Mt4RiskBridge.TestSupport.Drills;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Settings;
using NetMQ;

namespace Mt4RiskBridge.Tests.Security;

public sealed class SecuritySettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mt4rb-keys").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Public, string Secret) WritePair(string name, NetMQCertificate? pair = null)
    {
        pair ??= new NetMQCertificate();
        var pub = Path.Combine(_folder, name + ".pub");
        var key = Path.Combine(_folder, name + ".key");
        File.WriteAllText(pub, pair.PublicKeyZ85 + "\n");
        File.WriteAllText(key, pair.SecretKeyZ85 + "\n");
        return (pub, key);
    }

    private IReadOnlyList<string> Validate(BridgeOptions options) => SecurityCheck.Validate(options, _folder, out _);

    [Fact]
    public void Validate_LoopbackWithoutKeysOrTokens_IsAccepted()
    {
        Assert.Empty(Validate(new BridgeOptions { Endpoint = "tcp://127.0.0.1:5557" }));
        Assert.Empty(Validate(new BridgeOptions { Endpoint = "tcp://localhost:5557" }));
        Assert.Empty(Validate(new BridgeOptions { Endpoint = "tcp://[::1]:5557" }));
    }

    [Theory]
    [InlineData("tcp://0.0.0.0:5557")]
    [InlineData("tcp://*:5557")]
    [InlineData("tcp://192.168.1.20:5557")]
    [InlineData("tcp://bridge.example.net:5557")]
    public void Validate_NonLoopbackWithoutKeysOrTokens_SaysWhatIsMissing(string endpoint)
    {
        Assert.Equal(
            [
                $"Bridge:Endpoint {endpoint} is not a loopback address, so it needs CURVE encryption: set Bridge:Curve:PublicKeyFile and Bridge:Curve:SecretKeyFile (write a pair with: Mt4RiskBridge keygen <folder>)",
                $"Bridge:Endpoint {endpoint} is not a loopback address, so terminals must authenticate: set Bridge:Token or Bridge:Accounts:<login>:Token",
            ],
            Validate(new BridgeOptions { Endpoint = endpoint }));
    }

    [Fact]
    public void Validate_NonLoopbackWithKeysAndAToken_IsAcceptedAndYieldsTheCertificate()
    {
        var pair = new NetMQCertificate();
        var (pub, key) = WritePair("server", pair);
        var options = new BridgeOptions { Endpoint = "tcp://0.0.0.0:5557", Token = "t0k3n-long-enough", Curve = new CurveOptions { PublicKeyFile = "server.pub", SecretKeyFile = key } };

        Assert.Empty(SecurityCheck.Validate(options, _folder, out var certificate));
        Assert.Equal(pair.PublicKeyZ85, certificate!.PublicKeyZ85);
        Assert.True(File.Exists(pub));
    }

    [Fact]
    public void Validate_KeysFromTwoPairs_AreRefused()
    {
        var (pub, _) = WritePair("one");
        var (_, key) = WritePair("two");

        Assert.Equal(
            ["Bridge:Curve:PublicKeyFile does not hold the public key of Bridge:Curve:SecretKeyFile; use the two files one keygen run wrote"],
            Validate(new BridgeOptions { Curve = new CurveOptions { PublicKeyFile = pub, SecretKeyFile = key } }));
    }

    [Fact]
    public void Validate_MissingOrMalformedKeyFiles_NameTheKeyAndTheFile()
    {
        var bad = Path.Combine(_folder, "bad.key");
        File.WriteAllText(bad, "not a z85 key");
        var missing = Path.Combine(_folder, "nowhere.pub");

        var errors = Validate(new BridgeOptions { Curve = new CurveOptions { PublicKeyFile = missing, SecretKeyFile = bad } });

        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"Bridge:Curve:PublicKeyFile \"{missing}\" cannot be read", errors[0], StringComparison.Ordinal);
        Assert.Equal($"Bridge:Curve:SecretKeyFile \"{bad}\" must hold one Z85 key of 40 characters", errors[1]);
        Assert.Equal(
            ["Bridge:Curve:SecretKeyFile is required when CURVE is configured (write a pair with: Mt4RiskBridge keygen <folder>)"],
            Validate(new BridgeOptions { Curve = new CurveOptions { PublicKeyFile = WritePair("half").Public } }));
    }

    [Fact]
    public void Validate_AccountTokens_MustBeNamedByALoginAndNotEmpty()
    {
        var options = new BridgeOptions();
        options.Accounts["demo"] = new AccountAccessOptions { Token = "x" };
        options.Accounts["5012345"] = new AccountAccessOptions { Token = " " };

        Assert.Equal(
            ["Bridge:Accounts:demo must be named by an account login number (a positive integer)", "Bridge:Accounts:5012345:Token must not be empty"],
            Validate(options));
    }

    [Fact]
    public async Task Service_OnAPublicAddressWithoutProtection_RefusesToStartAndSaysWhy()
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync("--Bridge:LogDirectory=", "--Bridge:Endpoint=tcp://0.0.0.0:0");

        Assert.Equal(2, exitCode);
        Assert.Contains("Mt4RiskBridge cannot start; fix these settings:", output, StringComparison.Ordinal);
        Assert.Contains("  - Bridge:Endpoint tcp://0.0.0.0:0 is not a loopback address, so it needs CURVE encryption", output, StringComparison.Ordinal);
        Assert.Contains("  - Bridge:Endpoint tcp://0.0.0.0:0 is not a loopback address, so terminals must authenticate", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keygen_WritesAZ85PairThatMatches_AndNeverOverwrites()
    {
        var keys = Path.Combine(_folder, "made");

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("keygen", keys);

        Assert.Equal(0, exitCode);
        var pub = File.ReadAllText(Path.Combine(keys, "server.pub")).Trim();
        var secret = File.ReadAllText(Path.Combine(keys, "server.key")).Trim();
        Assert.True(CurveKeys.IsZ85Key(pub));
        Assert.True(CurveKeys.IsZ85Key(secret));
        Assert.Equal(pub, NetMQCertificate.CreateFromSecretKey(secret).PublicKeyZ85);
        Assert.Contains(pub, output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "server.key")));

        var (again, message) = await ServiceProcess.RunToEndAsync("keygen", keys);
        Assert.Equal(1, again);
        Assert.Contains("never overwrites", message, StringComparison.Ordinal);
        Assert.Equal(secret, File.ReadAllText(Path.Combine(keys, "server.key")).Trim());
    }
}
