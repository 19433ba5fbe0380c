using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The accounts the service holds state for. Written only by the socket thread; readable from any thread,
/// because each account is an immutable <see cref="AccountView"/> replaced whole.
/// </summary>
public sealed class AccountBook
{
    private readonly ConcurrentDictionary<long, AccountView> _accounts = new();

    public int Count => _accounts.Count;

    public IEnumerable<AccountView> All => _accounts.Values;

    public bool TryGet(long login, [NotNullWhen(true)] out AccountView? view) => _accounts.TryGetValue(login, out view);

    internal void Set(AccountView view) => _accounts[view.Login] = view;

    internal bool Remove(long login) => _accounts.TryRemove(login, out _);
}
