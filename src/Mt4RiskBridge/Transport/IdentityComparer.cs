namespace Mt4RiskBridge.Transport;

/// <summary>Compares ZeroMQ peer identities by content.</summary>
internal sealed class IdentityComparer : IEqualityComparer<byte[]>
{
    public static IdentityComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
