namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Where one account's current <see cref="AccountView"/> lives. The socket thread replaces the view whole;
/// readers on other threads see either the old or the new one, never a mix.
/// </summary>
public sealed class AccountSlot(AccountView view)
{
    private AccountView _view = view;

    public AccountView View
    {
        get => Volatile.Read(ref _view);
        internal set => Volatile.Write(ref _view, value);
    }
}
