using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A handler of a message that reports state and cannot be refused once parsed: applied, then acknowledged when it carries an id.</summary>
public abstract class StateMessageHandler<TMessage> : AccountMessageHandler<TMessage>
    where TMessage : ClientMessage
{
    protected sealed override byte[]? Handle(AccountSlot slot, TMessage message, DateTimeOffset now, long received, out bool refused)
    {
        refused = false;
        Apply(slot, message, now);
        return Ack(message);
    }

    /// <summary>Changes the account's state as <paramref name="message"/> says.</summary>
    protected abstract void Apply(AccountSlot slot, TMessage message, DateTimeOffset now);
}
