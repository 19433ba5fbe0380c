// The accounts page: every account, live from the event stream, sortable, red where a limit is near.
"use strict";
(() => {
  const near = (row, name) => row.near.includes(name);
  const columns = [
    { key: "login", title: "Login" },
    { key: "server", title: "Server", text: true },
    { key: "currency", title: "Ccy", text: true },
    { key: "equity", title: "Equity" },
    { key: "marginLevel", title: "Margin level", sort: r => r.marginLevel ?? Infinity },
    { key: "leverage", title: "Leverage", text: true },
    { key: "tierLeverage", title: "Tier", text: true, sort: r => r.tierMinEquity },
    { key: "toNextTier", title: "To next tier" },
    { key: "toNextTierPercent", title: "%" },
    { key: "effectiveLeverage", title: "Eff. leverage" },
    { key: "openLots", title: "Open lots" },
    { key: "tradingState", title: "State", text: true },
    { key: "weekendMarginLevelAfter", title: "Weekend gap: level after", sort: r => r.weekendMarginLevelAfter ?? Infinity },
    { key: "stateAgeSeconds", title: "Age (s)" },
    { key: "connections", title: "Conn." },
  ];
  const table = Dash.sortable(document.getElementById("accounts"), columns, r => {
    const tr = document.createElement("tr");
    tr.dataset.login = r.login;
    Dash.cell(tr, String(r.login), { href: "/accounts/" + r.login, name: "login" });
    Dash.cell(tr, r.server, { text: true, name: "server" });
    Dash.cell(tr, r.currency, { text: true, name: "currency" });
    Dash.cell(tr, Dash.fmtMoney(r.equity), { name: "equity" });
    Dash.cell(tr, Dash.fmtPercent(r.marginLevel), { name: "marginLevel", near: near(r, "marginLevel") });
    Dash.cell(tr, r.leverage, { text: true, name: "leverage" });
    Dash.cell(tr, r.tierLeverage + " from " + Dash.fmtMoney(r.tierMinEquity), { text: true, name: "tier" });
    Dash.cell(tr, r.toNextTier === null ? "top tier" : Dash.fmtMoney(r.toNextTier) + " → " + r.nextTierLeverage, { name: "toNextTier", near: near(r, "tier") });
    Dash.cell(tr, Dash.fmtPercent(r.toNextTierPercent), { name: "toNextTierPercent", near: near(r, "tier") });
    Dash.cell(tr, r.effectiveLeverage === null ? "—" : Dash.fmtLots(r.effectiveLeverage) + "×", { name: "effectiveLeverage" });
    Dash.cell(tr, Dash.fmtLots(r.openLots) + " (" + r.positions + ")", { name: "openLots" });
    Dash.cell(tr, r.tradingState, { text: true, name: "tradingState", cls: "state-" + r.tradingState }).title = r.tradingWhy || "";
    Dash.cell(tr, r.weekendLoss === null ? "—" : Dash.fmtPercent(r.weekendMarginLevelAfter) + " (−" + Dash.fmtMoney(r.weekendLoss) + ")", { name: "weekend", near: near(r, "weekend") });
    Dash.cell(tr, r.stateAgeSeconds === null ? "—" : r.stateAgeSeconds.toFixed(1), { name: "age" });
    Dash.cell(tr, String(r.connections), { name: "connections" });
    return tr;
  });
  function show(rows) {
    table.set(rows);
    document.getElementById("count").textContent = rows.length;
  }
  Dash.getJson("/api/accounts").then(show);
  Dash.live({ accounts: show });
})();
