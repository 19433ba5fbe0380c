using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A handler of a message that speaks for an account: it is refused on a connection that has not said hello.</summary>
public abstract class AccountMessageHandler<TMessage> : IMessageHandler
    where TMessage : ClientMessage
{
    public abstract string Type { get; }

    public byte[]? Handle(Connection connection, ClientMessage message, DateTimeOffset now, long received, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(message);
        if (connection.Slot is not { } slot)
        {
            refused = true;
            return WireWriter.Serialize(new WireError(WireErrorCode.NoHello,
                $"send hello before {message.Type}; this connection has not said which account it speaks for") { Id = message.Id });
        }
        return Handle(slot, (TMessage)message, now, received, out refused);
    }

    /// <inheritdoc cref="IMessageHandler.Handle"/>
    protected abstract byte[]? Handle(AccountSlot slot, TMessage message, DateTimeOffset now, long received, out bool refused);

    /// <summary>The refusal of a request that came without the id its answer (<paramref name="answer"/>) is matched to.</summary>
    protected static byte[] IdRequired(ClientMessage message, string answer)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireWriter.Serialize(new WireError(WireErrorCode.BadField, $"id is required on {message.Type}: {answer} is matched to it"));
    }

    /// <summary>The reply to a message that asks for nothing but an acknowledgement: an ack when it carries an id.</summary>
    protected static byte[]? Ack(ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Id is null ? null : WireWriter.Serialize(new AckMessage { Id = message.Id });
    }
}
