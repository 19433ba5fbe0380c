// Shared helpers of the dashboard pages: JSON fetches, the live event stream, number formats, sortable tables.
"use strict";

const Dash = (() => {
  // The page header: the same navigation on every page, the current one marked.
  const pages = [["/", "Accounts"], ["/decisions", "Decisions"], ["/settings", "Settings"], ["/metrics", "Metrics"]];
  function header() {
    const here = location.pathname.startsWith("/accounts") ? "/" : location.pathname;
    const el = document.querySelector("header");
    el.innerHTML = '<h1>Mt4RiskBridge</h1><nav></nav><span id="live">connecting…</span>';
    for (const [href, title] of pages) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = title;
      if (href === here) a.className = "here";
      el.querySelector("nav").appendChild(a);
    }
  }
  header();

  const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const lots = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

  function fmtMoney(v) { return v === null || v === undefined ? "—" : money.format(v); }
  function fmtLots(v) { return v === null || v === undefined ? "—" : lots.format(v); }
  function fmtPercent(v) { return v === null || v === undefined ? "—" : money.format(v) + "%"; }
  function fmtTime(iso) { return new Date(iso).toISOString().substring(11, 19); }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(url + " answered " + r.status);
    return r.json();
  }

  // Server-sent events from /api/events; the header shows whether the stream is live.
  function live(handlers) {
    const badge = document.getElementById("live");
    const source = new EventSource("/api/events");
    source.onopen = () => { if (badge) { badge.textContent = "live"; badge.className = "on"; } };
    source.onerror = () => { if (badge) { badge.textContent = "reconnecting…"; badge.className = ""; } };
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, e => handler(JSON.parse(e.data)));
    }
    return source;
  }

  // A table whose rows are re-rendered from data; clicking a header sorts by that column and keeps the order.
  function sortable(table, columns, render) {
    let key = columns[0].key, dir = 1, rows = [];
    const head = table.querySelector("thead tr");
    head.innerHTML = "";
    for (const c of columns) {
      const th = document.createElement("th");
      th.textContent = c.title;
      th.dataset.key = c.key;
      if (c.text) th.className = "text";
      th.addEventListener("click", () => { dir = key === c.key ? -dir : 1; key = c.key; draw(); });
      head.appendChild(th);
    }
    function value(row, k) { const c = columns.find(x => x.key === k); return c.sort ? c.sort(row) : row[k]; }
    function draw() {
      for (const th of head.children) th.className = (th.dataset.key === key ? (dir > 0 ? "sorted-asc" : "sorted-desc") : "") + (columns.find(c => c.key === th.dataset.key).text ? " text" : "");
      const sorted = [...rows].sort((a, b) => {
        const x = value(a, key), y = value(b, key);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * dir;
      });
      const body = table.querySelector("tbody");
      body.innerHTML = "";
      for (const row of sorted) body.appendChild(render(row));
    }
    return { set(data) { rows = data; draw(); } };
  }

  function cell(tr, text, opts = {}) {
    const td = document.createElement("td");
    if (opts.href) { const a = document.createElement("a"); a.href = opts.href; a.textContent = text; td.appendChild(a); }
    else td.textContent = text;
    if (opts.text) td.classList.add("text");
    if (opts.near) td.classList.add("near");
    if (opts.cls) td.classList.add(opts.cls);
    if (opts.name) td.dataset.name = opts.name;
    tr.appendChild(td);
    return td;
  }

  // The page's antiforgery token, fetched once; POSTs from the page carry it in a header.
  let antiforgery = null;
  async function post(url, body) {
    if (!antiforgery) antiforgery = await getJson("/api/antiforgery");
    const r = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", [antiforgery.headerName]: antiforgery.token },
      body: JSON.stringify(body || {}),
    });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(json.error || ("answered " + r.status));
    return json;
  }

  return { fmtMoney, fmtLots, fmtPercent, fmtTime, getJson, live, sortable, cell, post };
})();
