using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using AsyncIO;
using NetMQ;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// The TCP connection behind a ROUTER peer's routing identity, which NetMQ keeps but does not expose: the ROUTER's
/// outbound pipe for the identity (<c>Router.m_outpipes</c>), the session at that pipe's other end
/// (<c>Pipe.m_peer</c>, <c>Pipe.m_sink</c>), its engine (<c>SessionBase.m_engine</c>) and the engine's socket
/// (<c>StreamEngine.m_handle</c>). Read by field name on the socket thread, which owns the ROUTER's table; a NetMQ that
/// renames a field makes every lookup null, which leaves the hello timeout judging no connection (a warning says so).
/// </summary>
internal static class RouterPeers
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<(Type, string), MemberInfo?> Members = new();

    /// <summary>Whether a lookup can work with this NetMQ: the ROUTER's table of identities is where it is expected.</summary>
    public static bool Available(NetMQSocket router) => Table(router) is not null;

    /// <summary>The connection the peer of <paramref name="identity"/> uses now; null when it is gone or cannot be found.</summary>
    public static AsyncSocket? ConnectionOf(NetMQSocket router, byte[] identity)
    {
        if (Table(router) is not { } table) return null;
        var outpipe = table[identity];
        var pipe = Read(outpipe, "Pipe");
        var session = Read(Read(pipe, "m_peer"), "m_sink");
        return Read(Read(session, "m_engine"), "m_handle") as AsyncSocket;
    }

    private static IDictionary? Table(NetMQSocket router) =>
        Read(Read(router, "m_socketHandle"), "m_outpipes") as IDictionary;

    /// <summary>A field or property by name, declared on the object's type or a base type; null when absent.</summary>
    private static object? Read(object? target, string name)
    {
        if (target is null) return null;
        return Members.GetOrAdd((target.GetType(), name), static key => Find(key.Item1, key.Item2)) switch
        {
            FieldInfo field => field.GetValue(target),
            PropertyInfo property => property.GetValue(target),
            _ => null,
        };
    }

    private static MemberInfo? Find(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetField(name, Private | BindingFlags.Public | BindingFlags.DeclaredOnly) is { } field) return field;
            if (t.GetProperty(name, Private | BindingFlags.Public | BindingFlags.DeclaredOnly) is { } property) return property;
        }
        return null;
    }
}
