using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The accounts the service holds state for. Written only by the socket thread; readable from any thread,
/// because each account is an immutable <see cref="AccountView"/> swapped whole in its <see cref="AccountSlot"/>.
/// </summary>
public sealed class AccountBook
{
    private readonly ConcurrentDictionary<long, AccountSlot> _accounts = new();

    public int Count => _accounts.Count;

    public IEnumerable<AccountView> All => _accounts.Values.Select(s => s.View);

    public bool TryGet(long login, [NotNullWhen(true)] out AccountView? view)
    {
        view = _accounts.TryGetValue(login, out var slot) ? slot.View : null;
        return view is not null;
    }

    internal bool TryGetSlot(long login, [NotNullWhen(true)] out AccountSlot? slot) => _accounts.TryGetValue(login, out slot);

    internal AccountSlot Add(AccountView view) => _accounts.GetOrAdd(view.Login, static (_, v) => new AccountSlot(v), view);

    internal bool Remove(long login) => _accounts.TryRemove(login, out _);
}
