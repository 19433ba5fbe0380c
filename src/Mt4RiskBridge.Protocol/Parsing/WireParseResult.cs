using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// What <see cref="WireParser"/> made of a frame: a typed message, or the <see cref="WireError"/> to send back.
/// Bad input is a value here, never an exception.
/// </summary>
public sealed class WireParseResult<TMessage>
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

    public override string ToString() => IsSuccess ? Message.ToString() : Error.ToString();
}
