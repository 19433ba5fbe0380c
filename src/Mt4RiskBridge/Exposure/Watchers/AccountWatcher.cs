namespace Mt4RiskBridge.Exposure;

/// <summary>A watcher that remembers something about each account; the account is forgotten with its state.</summary>
internal interface IAccountWatcher
{
    void Forget(long login);
}

/// <summary>
/// The memory one watcher keeps per account between messages, made on first sight. Each warning family keeps its
/// own, so a new family adds a watcher and touches no other. Socket thread only.
/// </summary>
internal abstract class AccountWatcher<TState> : IAccountWatcher
    where TState : class
{
    private readonly Dictionary<long, TState> _states = [];

    public void Forget(long login) => _states.Remove(login);

    protected TState State(long login)
    {
        if (!_states.TryGetValue(login, out var state))
        {
            state = Create(login);
            _states[login] = state;
        }
        return state;
    }

    protected abstract TState Create(long login);
}
