// One account: figures, equity and margin-level charts against the floor and tier boundaries, positions priced
// at the current and next tier (by the service's margin model), last decisions and warnings, Halt and Resume.
"use strict";
(() => {
  const login = Number(location.pathname.split("/").pop());
  document.getElementById("login").textContent = login;
  let equityChart = null, levelChart = null, pending = false;

  function card(label, value, isNear) {
    const div = document.createElement("div");
    div.className = "card" + (isNear ? " near" : "");
    div.innerHTML = '<div class="label"></div><div class="value"></div>';
    div.children[0].textContent = label;
    div.children[1].textContent = value;
    return div;
  }

  function lineChart(el, title, series, data, lines) {
    const width = Math.max(360, el.parentElement.clientWidth - 16);
    const opts = {
      title, width, height: 240,
      // A session of a few samples still gets a readable minute-wide axis.
      scales: { x: { time: true, range: (u, min, max) => [Math.min(min, max - 60), max + 5] } },
      series: [{}, ...series],
      axes: [{ stroke: "#8a96a6", grid: { stroke: "#2a3340" } }, { stroke: "#8a96a6", grid: { stroke: "#2a3340" }, size: 70 }],
      hooks: { draw: [u => {
        // Horizontal reference lines: the floor, the tier boundaries.
        const ctx = u.ctx;
        for (const line of lines) {
          const y = u.valToPos(line.value, "y", true);
          if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) continue;
          ctx.save(); ctx.strokeStyle = line.color; ctx.setLineDash([6, 4]); ctx.beginPath();
          ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke(); ctx.restore();
        }
      }] },
    };
    return new uPlot(opts, data, el);
  }

  function render(detail) {
    const a = detail.account;
    const near = n => a.near.includes(n);
    document.getElementById("server").textContent = a.server + " · " + a.currency;
    const state = document.getElementById("state");
    state.textContent = a.tradingState;
    state.className = "state-" + a.tradingState;
    state.title = a.tradingWhy || "";
    const cards = document.getElementById("cards");
    cards.innerHTML = "";
    cards.append(
      card("Equity", Dash.fmtMoney(a.equity)),
      card("Balance", Dash.fmtMoney(a.balance)),
      card("Margin", Dash.fmtMoney(a.margin)),
      card("Margin level (floor " + a.floorPercent + "%)", Dash.fmtPercent(a.marginLevel), near("marginLevel")),
      card("Leverage in force", a.leverage),
      card("Tier", a.tierLeverage + " from " + Dash.fmtMoney(a.tierMinEquity)),
      card("To next tier", a.toNextTier === null ? "top tier" : Dash.fmtMoney(a.toNextTier) + " (" + Dash.fmtPercent(a.toNextTierPercent) + ") → " + a.nextTierLeverage, near("tier")),
      card("Effective leverage", a.effectiveLeverage === null ? "—" : Dash.fmtLots(a.effectiveLeverage) + "×"),
      card("Weekend gap: level after", a.weekendLoss === null ? "—" : Dash.fmtPercent(a.weekendMarginLevelAfter) + " (−" + Dash.fmtMoney(a.weekendLoss) + ")", near("weekend")),
      card("State age", a.stateAgeSeconds === null ? "—" : a.stateAgeSeconds.toFixed(1) + " s"),
      card("Connections", String(a.connections)));

    const t = detail.history.map(p => p.t);
    const equityData = [t, detail.history.map(p => p.equity)];
    const levelData = [t, detail.history.map(p => p.marginLevel)];
    const boundaries = detail.tierBoundaries.map(v => ({ value: v, color: "#f0b44c" }));
    if (!equityChart) {
      equityChart = lineChart(document.getElementById("equityChart"), "Equity (" + a.currency + ") and tier boundaries", [{ label: "equity", stroke: "#6aa9ff", width: 2 }], equityData, boundaries);
      levelChart = lineChart(document.getElementById("levelChart"), "Margin level % and the floor", [{ label: "margin level", stroke: "#5ccf8a", width: 2 }], levelData, [{ value: a.floorPercent, color: "#ff5d5d" }]);
    } else {
      equityChart.setData(equityData);
      levelChart.setData(levelData);
    }

    positions.set(detail.positions);
    decisions.set(detail.decisions);
    warnings.set(detail.warnings);
  }

  const positions = Dash.sortable(document.getElementById("positions"), [
    { key: "ticket", title: "Ticket" }, { key: "symbol", title: "Symbol", text: true }, { key: "side", title: "Side", text: true },
    { key: "lots", title: "Lots" }, { key: "openPrice", title: "Open price" }, { key: "profit", title: "Profit" },
    { key: "marginAtCurrentTier", title: "Margin at current tier" }, { key: "marginAtNextTier", title: "Margin at next tier" },
  ], p => {
    const tr = document.createElement("tr");
    tr.dataset.ticket = p.ticket;
    Dash.cell(tr, String(p.ticket)); Dash.cell(tr, p.symbol, { text: true }); Dash.cell(tr, p.side, { text: true });
    Dash.cell(tr, Dash.fmtLots(p.lots)); Dash.cell(tr, String(p.openPrice)); Dash.cell(tr, Dash.fmtMoney(p.profit));
    Dash.cell(tr, p.unpriced ? p.unpriced : Dash.fmtMoney(p.marginAtCurrentTier), { name: "marginAtCurrentTier" });
    Dash.cell(tr, p.unpriced ? "—" : Dash.fmtMoney(p.marginAtNextTier), { name: "marginAtNextTier" });
    return tr;
  });
  const decisions = Dash.sortable(document.getElementById("decisions"), [
    { key: "seq", title: "#" }, { key: "at", title: "Time", text: true }, { key: "symbol", title: "Symbol", text: true },
    { key: "side", title: "Side", text: true }, { key: "requestedLots", title: "Asked" }, { key: "verdict", title: "Verdict", text: true },
    { key: "lots", title: "Lots" }, { key: "reasons", title: "Reasons", text: true },
  ], d => {
    const tr = document.createElement("tr");
    Dash.cell(tr, String(d.seq)); Dash.cell(tr, Dash.fmtTime(d.at), { text: true }); Dash.cell(tr, d.symbol, { text: true });
    Dash.cell(tr, d.side, { text: true }); Dash.cell(tr, Dash.fmtLots(d.requestedLots));
    Dash.cell(tr, d.verdict, { text: true, cls: "verdict-" + d.verdict }); Dash.cell(tr, Dash.fmtLots(d.lots));
    Dash.cell(tr, d.reasons.map(r => r.code + ": " + r.message).join("; ")).className = "reasons";
    return tr;
  });
  const warnings = Dash.sortable(document.getElementById("warnings"), [
    { key: "seq", title: "#" }, { key: "at", title: "Time", text: true }, { key: "code", title: "Code", text: true },
    { key: "severity", title: "Severity", text: true }, { key: "message", title: "Message", text: true },
  ], w => {
    const tr = document.createElement("tr");
    Dash.cell(tr, String(w.seq)); Dash.cell(tr, Dash.fmtTime(w.at), { text: true }); Dash.cell(tr, w.code, { text: true });
    Dash.cell(tr, String(w.severity), { text: true }); Dash.cell(tr, w.message).className = "reasons";
    return tr;
  });

  async function refresh() {
    if (pending) return;
    pending = true;
    try { render(await Dash.getJson("/api/accounts/" + login)); }
    catch (e) { document.getElementById("message").textContent = e.message; }
    finally { pending = false; }
  }

  async function act(action) {
    const message = document.getElementById("message");
    message.textContent = action + "…";
    try {
      const body = action === "halt" ? { reason: document.getElementById("reason").value || "halted from the dashboard" } : {};
      const reply = await Dash.post("/api/accounts/" + login + "/" + action, body);
      message.textContent = "account " + reply.login + " is now " + reply.tradingState;
      message.dataset.state = reply.tradingState;
      refresh();
    } catch (e) { message.textContent = e.message; }
  }
  document.getElementById("halt").addEventListener("click", () => act("halt"));
  document.getElementById("resume").addEventListener("click", () => act("resume"));

  refresh();
  Dash.live({ accounts: rows => { if (rows.some(r => r.login === login)) refresh(); } });
})();
