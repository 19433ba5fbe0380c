using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Remembers the strings made from short, often repeated UTF-8 values (symbol names such as "EURUSD"), so that a
/// stream of ticks does not allocate the same string over and over. A fixed number of slots, each holding one
/// immutable entry chosen by a hash of the bytes: a new value simply replaces whatever shared its slot, so the
/// cache never grows. Lock-free and thread-safe: a slot is swapped whole, and a reader sees an old or a new entry,
/// never a torn one.
/// </summary>
internal sealed class TextCache
{
    /// <summary>Longest value, in UTF-8 bytes, worth keeping; longer ones are not looked up.</summary>
    public const int MaxLength = 32;

    private readonly Entry?[] _slots;

    public TextCache(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(slots), slots, "Must be a power of two.");
        _slots = new Entry?[slots];
    }

    /// <summary>The cache for symbol names, shared by every parse.</summary>
    public static TextCache Symbols { get; } = new(256);

    /// <summary>The string kept for exactly these bytes, if any.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? text)
    {
        var entry = Volatile.Read(ref _slots[SlotOf(utf8)]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            text = entry.Text;
            return true;
        }
        text = null;
        return false;
    }

    /// <summary>Keeps <paramref name="text"/> as the string for <paramref name="utf8"/>, replacing the slot's entry.</summary>
    public void Add(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length > MaxLength) return;
        Volatile.Write(ref _slots[SlotOf(utf8)], new Entry(utf8.ToArray(), text));
    }

    private int SlotOf(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & (_slots.Length - 1);
    }

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;

        public string Text { get; } = text;
    }
}
