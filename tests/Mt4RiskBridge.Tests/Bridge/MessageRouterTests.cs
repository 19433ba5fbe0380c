using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Sessions.Handlers;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>Every client message type reaches exactly one handler: a host wired otherwise does not start its router.</summary>
public sealed class MessageRouterTests
{
    [Fact]
    public void Handlers_AsRegistered_CoverEveryClientTypeOnce()
    {
        using var host = Host(_ => { });

        var types = host.Services.GetServices<IMessageHandler>().Select(h => h.Type).Order(StringComparer.Ordinal);

        Assert.Equal(WireMessageType.ClientTypes.Order(StringComparer.Ordinal), types);
        Assert.NotNull(host.Services.GetRequiredService<MessageRouter>());
    }

    [Fact]
    public void SecondHandlerForAType_StopsTheRouter()
    {
        using var host = Host(services => services.AddSingleton<IMessageHandler, HeartbeatHandler>());

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<MessageRouter>());

        Assert.Equal("\"heartbeat\" has two handlers: HeartbeatHandler and HeartbeatHandler", error.Message);
    }

    [Fact]
    public void TypeWithoutHandler_StopsTheRouter()
    {
        using var host = Host(services =>
        {
            var size = services.Single(d => d.ServiceType == typeof(IMessageHandler) && d.ImplementationType == typeof(SizeHandler));
            services.Remove(size);
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<MessageRouter>());

        Assert.Equal("no handler is registered for \"size\" messages", error.Message);
    }

    private static Microsoft.Extensions.Hosting.IHost Host(Action<IServiceCollection> configure)
    {
        var folder = Directory.CreateTempSubdirectory("mt4rb-router").FullName;
        return BridgeApp.CreateHost(
            ["--Bridge:Endpoint=tcp://127.0.0.1:0", "--Dashboard:Endpoint=http://127.0.0.1:0", "--Bridge:LogDirectory=",
             "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"), "--Limits:StatePath=" + Path.Combine(folder, "state.db")],
            configure);
    }
}
