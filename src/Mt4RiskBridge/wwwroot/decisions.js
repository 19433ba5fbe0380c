// The decision stream: the latest decisions, new ones prepended live, filtered by account, verdict, reason and symbol.
"use strict";
(() => {
  const limit = 500;
  let decisions = [];
  const field = id => document.getElementById(id).value.trim();
  function matches(d) {
    const account = field("fAccount"), verdict = field("fVerdict"), reason = field("fReason").toLowerCase(), symbol = field("fSymbol").toLowerCase();
    return (!account || String(d.login) === account)
      && (!verdict || d.verdict === verdict)
      && (!reason || d.reasons.some(r => r.code.toLowerCase() === reason))
      && (!symbol || d.symbol.toLowerCase() === symbol);
  }
  const columns = [
    { key: "seq", title: "#" }, { key: "at", title: "Time", text: true }, { key: "login", title: "Account" },
    { key: "symbol", title: "Symbol", text: true }, { key: "side", title: "Side", text: true }, { key: "requestedLots", title: "Asked" },
    { key: "verdict", title: "Verdict", text: true }, { key: "lots", title: "Lots" }, { key: "marginLevelAfter", title: "Level after" },
    { key: "latencyMicroseconds", title: "µs" }, { key: "reasons", title: "Reasons", text: true, sort: d => d.reasons.map(r => r.code).join(",") },
  ];
  const table = Dash.sortable(document.getElementById("decisions"), columns, d => {
    const tr = document.createElement("tr");
    tr.dataset.seq = d.seq;
    Dash.cell(tr, String(d.seq));
    Dash.cell(tr, Dash.fmtTime(d.at), { text: true });
    Dash.cell(tr, String(d.login), { href: "/accounts/" + d.login });
    Dash.cell(tr, d.symbol, { text: true });
    Dash.cell(tr, d.side, { text: true });
    Dash.cell(tr, Dash.fmtLots(d.requestedLots));
    Dash.cell(tr, d.verdict, { text: true, cls: "verdict-" + d.verdict, name: "verdict" });
    Dash.cell(tr, Dash.fmtLots(d.lots));
    Dash.cell(tr, Dash.fmtPercent(d.marginLevelAfter));
    Dash.cell(tr, String(d.latencyMicroseconds));
    const td = Dash.cell(tr, d.reasons.map(r => r.code + ": " + r.message).join("; "), { name: "reasons" });
    td.className = "reasons";
    return tr;
  });
  const draw = () => table.set(decisions.filter(matches));
  for (const id of ["fAccount", "fVerdict", "fReason", "fSymbol"]) document.getElementById(id).addEventListener("input", draw);
  table.set([]);
  Dash.getJson("/api/decisions?limit=" + limit).then(list => {
    const known = new Set(decisions.map(d => d.seq));
    decisions = decisions.concat(list.filter(d => !known.has(d.seq))).sort((a, b) => b.seq - a.seq).slice(0, limit);
    draw();
  });
  Dash.live({
    decision: d => { decisions.unshift(d); if (decisions.length > limit) decisions.pop(); draw(); },
  });
  // Newest first (the table starts sorted by # ascending; one click turns it) until the operator picks another column.
  document.querySelector("#decisions th").click();
})();
