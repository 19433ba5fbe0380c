using System.Text;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>The wire strings of one enum, matched against JSON text without allocating.</summary>
internal sealed class WireChoice<T>
    where T : struct, Enum
{
    private readonly (byte[] Utf8, T Value)[] _entries;

    public WireChoice(Func<T, string> name)
    {
        _entries = [.. Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(name(v)), v))];
        Expected = string.Join(" or ", _entries.Select(e => "'" + Encoding.UTF8.GetString(e.Utf8) + "'"));
    }

    /// <summary>The accepted strings, for error messages: "'buy' or 'sell'".</summary>
    public string Expected { get; }

    public bool TryMatch(ref Utf8JsonReader reader, out T value)
    {
        foreach (var (utf8, candidate) in _entries)
        {
            if (reader.ValueTextEquals(utf8))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
