using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed class DashboardSecurityTests : IDisposable
{
    private const string Token = "operator-token-for-tests-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("mt4rb-cert-").FullName;

    [Fact]
    public async Task Service_WithNonLoopbackDashboardAndNoCertificateOrToken_RefusesToStartListingWhy()
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync("--Bridge:LogDirectory=", "--Dashboard:Endpoint=http://0.0.0.0:0");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            [
                "Mt4RiskBridge cannot start; fix these settings:",
                "- Dashboard:Endpoint http://0.0.0.0:0 is not a loopback address, so it must be https:// with Dashboard:CertificatePath set",
                "- Dashboard:Endpoint http://0.0.0.0:0 is not a loopback address, so it needs Dashboard:OperatorToken for the dashboard, API and metrics",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Validate_NonLoopbackHttpsWithCertificateAndToken_IsAccepted()
    {
        var errors = DashboardSecurityCheck.Validate(
            new DashboardOptions { Endpoint = "https://0.0.0.0:8443", OperatorToken = Token, CertificatePath = WriteCertificate("secret"), CertificatePassword = "secret" },
            new OpenTelemetryOptions(), _folder, out var certificate);

        Assert.Empty(errors);
        Assert.NotNull(certificate);
        Assert.True(certificate.HasPrivateKey);
        certificate.Dispose();
    }

    [Theory]
    [InlineData("https://0.0.0.0:8443", "short", null, "Dashboard:OperatorToken must be at least 16 characters")]
    [InlineData("https://127.0.0.1:8443", null, null, "Dashboard:Endpoint https://127.0.0.1:8443 is https, so it needs Dashboard:CertificatePath (a .pfx file)")]
    [InlineData("ftp://127.0.0.1:21", null, null, "Dashboard:Endpoint \"ftp://127.0.0.1:21\" must look like http://127.0.0.1:5558 (or https://host:port)")]
    [InlineData("http://127.0.0.1:5558", null, "missing.pfx", "Dashboard:CertificatePath {folder}/missing.pfx does not exist")]
    public void Validate_BadDashboardSettings_NameTheSettingNotItsValue(string endpoint, string? token, string? certificate, string expected)
    {
        var errors = DashboardSecurityCheck.Validate(new DashboardOptions { Endpoint = endpoint, OperatorToken = token, CertificatePath = certificate },
            new OpenTelemetryOptions(), _folder, out _);

        Assert.Contains(expected.Replace("{folder}", _folder, StringComparison.Ordinal), errors);
        if (token is not null) Assert.DoesNotContain(errors, e => e.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WrongCertificatePassword_SaysSoWithoutThePassword()
    {
        var errors = DashboardSecurityCheck.Validate(
            new DashboardOptions { Endpoint = "https://127.0.0.1:8443", CertificatePath = WriteCertificate("right-password"), CertificatePassword = "wrong-password" },
            new OpenTelemetryOptions(), _folder, out _);

        var error = Assert.Single(errors);
        Assert.Contains("not a readable PKCS#12 file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("password", error.Replace("CertificatePassword", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_BuiltInProcessWithNonLoopbackDashboard_DoesNotStart()
    {
        using var host = BridgeApp.CreateHost(["--Bridge:Endpoint=tcp://127.0.0.1:0", "--Dashboard:Endpoint=http://0.0.0.0:0", "--Bridge:LogDirectory=",
            "--Bridge:AuditPath=" + Path.Combine(_folder, "decisions.jsonl"), "--Limits:StatePath=" + Path.Combine(_folder, "state.db"), "--Serilog:MinimumLevel:Default=Fatal"]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("needs Dashboard:OperatorToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_Disabled_OpensNoHttpPort()
    {
        using var host = BridgeApp.CreateHost(["--Bridge:Endpoint=tcp://127.0.0.1:0", "--Dashboard:Enabled=false", "--Bridge:LogDirectory=",
            "--Bridge:AuditPath=" + Path.Combine(_folder, "decisions.jsonl"), "--Limits:StatePath=" + Path.Combine(_folder, "state.db"), "--Serilog:MinimumLevel:Default=Fatal"]);
        await host.StartAsync();

        var server = Assert.IsType<Web.NoWebServer>(host.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)));
        Assert.Empty(server.Refusal);
        Assert.Null(server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>());
        await host.StopAsync();
    }

    private string WriteCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mt4riskbridge-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
