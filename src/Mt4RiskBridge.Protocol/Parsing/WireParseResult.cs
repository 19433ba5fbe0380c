using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// What <see cref="WireParser"/> made of a frame: a typed message, or the <see cref="WireError"/> to send back.
/// Bad input is a value here, never an exception. A struct, so that parsing a frame allocates only the message.
/// </summary>
public readonly struct WireParseResult<TMessage> : IEquatable<WireParseResult<TMessage>>
    where TMessage : WireMessage
{
    private WireParseResult(TMessage? message, WireError? error)
    {
        Message = message;
        Error = error;
        IsSuccess = message is not null;
    }

    /// <summary>The parsed message; null when <see cref="IsSuccess"/> is false.</summary>
    public TMessage? Message { get; }

    /// <summary>Why the frame was refused, carrying the frame's id when it had a usable one; null on success.</summary>
    public WireError? Error { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess { get; }

    /// <summary>The frame's id either way, so a reply can carry it.</summary>
    public string? Id => Message is not null ? Message.Id : Error?.Id;

    internal static WireParseResult<TMessage> Ok(TMessage message) => new(message, null);

    internal static WireParseResult<TMessage> Fail(WireError error) => new(null, error);

    public static bool operator ==(WireParseResult<TMessage> left, WireParseResult<TMessage> right) => left.Equals(right);

    public static bool operator !=(WireParseResult<TMessage> left, WireParseResult<TMessage> right) => !left.Equals(right);

    public bool Equals(WireParseResult<TMessage> other) => Equals(Message, other.Message) && Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is WireParseResult<TMessage> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Message, Error);

    public override string ToString() => IsSuccess ? Message.ToString() : Error?.ToString() ?? "";
}
