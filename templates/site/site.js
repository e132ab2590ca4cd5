/* roadmapctl site: the index's filters, sorting and pages over the JSON index in the page.
   No external request; works opened from disk. Text is set with textContent only. */
(function () {
  "use strict";
  var PAGE = 100;
  var node = document.getElementById("site-data");
  if (!node) { return; }
  var data = JSON.parse(node.textContent);
  var rows = data.roadmaps, states = data.states, keys = data.keys, parties = null, partyNames = [];
  var table = document.getElementById("index-table");
  var body = table.querySelector("tbody");
  var shown = document.getElementById("shown");
  var pages = document.getElementById("pages");
  var partyLink = document.getElementById("party-link");
  var f = {
    m: document.getElementById("f-municipality"), s: document.getElementById("f-status"),
    p: document.getElementById("f-party"), t: document.getElementById("f-text")
  };
  var sortKey = "m", sortDir = 1, page = 0;
  var collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });
  function norm(text) { return (text || "").toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").trim(); }
  // The parties' names are in assets/parties.js, loaded when the party filter is first used.
  // Everything asked while the file loads (the focus, then the first letters typed) runs once it is there.
  var waiting = [];
  function withParties(then) {
    if (parties) { then(); return; }
    waiting.push(then);
    if (waiting.length > 1) { return; }
    var script = document.createElement("script");
    script.src = f.p.getAttribute("data-src");
    script.onload = function () {
      parties = window.roadmapctlParties || [];
      partyNames = parties.map(function (p) { return norm(p[0]); });
      var calls = waiting;
      waiting = [];
      calls.forEach(function (call) { call(); });
    };
    document.body.appendChild(script);
  }
  function suggest() {
    var q = norm(f.p.value), list = document.getElementById("party-names"), out = [];
    for (var i = 0; i < partyNames.length && out.length < 50; i++) {
      if (q && partyNames[i].indexOf(q) >= 0) { out.push(el("option", null)); out[out.length - 1].value = parties[i][0]; }
    }
    list.replaceChildren.apply(list, out);
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function wantedParties() {
    var q = norm(f.p.value);
    if (!q || !parties) { return null; }
    var exact = partyNames.indexOf(q);
    if (exact >= 0) { return [exact]; }
    var out = [];
    partyNames.forEach(function (name, i) { if (name.indexOf(q) >= 0) { out.push(i); } });
    return out;
  }
  function matches(r, wanted) {
    if (f.m.value && r.m !== f.m.value) { return false; }
    var s = f.s.value;
    if (s === "overdue" && !(r.o > 0)) { return false; }
    if (s === "upcoming" && !(r.u > 0)) { return false; }
    if (s === "unassigned" && !(r.n > 0)) { return false; }
    if (s === "done" && !(r.s === 100)) { return false; }
    if (s === "broken" && !r.b) { return false; }
    if (wanted && !r.r.some(function (i) { return wanted.indexOf(i) >= 0; })) { return false; }
    var t = norm(f.t.value);
    if (t && norm(r.m + " " + r.t).indexOf(t) < 0) { return false; }
    return true;
  }
  function compare(a, b) {
    var x = a[sortKey], y = b[sortKey], c;
    if (typeof x === "string" || typeof y === "string") { c = collator.compare(x || "", y || ""); }
    else { c = (x === null ? -1 : x) - (y === null ? -1 : y); }
    if (c === 0) { c = collator.compare(a.m, b.m) || collator.compare(a.t, b.t); }
    return c * sortDir;
  }
  function barCell(r) {
    var td = el("td");
    var total = r.c.reduce(function (a, b) { return a + b; }, 0);
    if (!total) { td.textContent = r.b ? "ошибка в файле" : "нет мероприятий"; return td; }
    var bar = el("div", null, "bar small");
    bar.setAttribute("role", "img");
    var label = [];
    r.c.forEach(function (n, i) {
      if (!n) { return; }
      var seg = el("span", null, "seg " + keys[i]);
      seg.style.width = (100 * n / total).toFixed(3) + "%";
      bar.appendChild(seg);
      label.push(states[i] + ": " + n);
    });
    bar.setAttribute("aria-label", label.join("; "));
    td.appendChild(bar);
    return td;
  }
  function num(value, bad) {
    var td = el("td", value === null ? "—" : value, "num" + (bad && value > 0 ? " bad" : ""));
    return td;
  }
  function draw() {
    var wanted = wantedParties();
    var list = rows.filter(function (r) { return matches(r, wanted); }).sort(compare);
    var pageCount = Math.max(1, Math.ceil(list.length / PAGE));
    if (page >= pageCount) { page = pageCount - 1; }
    var slice = list.slice(page * PAGE, page * PAGE + PAGE);
    var fragment = document.createDocumentFragment();
    slice.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", r.m || "—"));
      var name = el("td"), a = el("a", r.b ? r.t + " (ошибка в файле)" : r.t);
      a.href = r.h;
      name.appendChild(a);
      tr.appendChild(name);
      tr.appendChild(el("td", r.p || "—"));
      tr.appendChild(num(r.b ? null : r.s));
      tr.appendChild(num(r.b ? null : r.o, true));
      tr.appendChild(num(r.b ? null : r.u));
      tr.appendChild(num(r.b ? null : r.n, true));
      tr.appendChild(barCell(r));
      var labels = ["Муниципалитет", "Дорожная карта", "Период", "Выполнено, %", "Просрочено", "Срок скоро", "Без ответственного", "Состояние"];
      [].forEach.call(tr.cells, function (cell, i) { cell.setAttribute("data-label", labels[i]); });
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    table.hidden = false;
    shown.textContent = list.length
      ? "Показаны " + (page * PAGE + 1) + "–" + (page * PAGE + slice.length) + " из " + list.length + " (всего дорожных карт: " + rows.length + ")"
      : "Нет дорожных карт, подходящих под отбор (всего: " + rows.length + ")";
    pages.replaceChildren();
    if (pageCount > 1) {
      for (var i = 0; i < pageCount; i++) {
        var b = el("button", i + 1);
        b.type = "button";
        b.setAttribute("aria-label", "Страница " + (i + 1));
        if (i === page) { b.setAttribute("aria-current", "page"); }
        b.addEventListener("click", (function (n) { return function () { page = n; draw(); }; })(i));
        pages.appendChild(b);
      }
    }
    partyLink.replaceChildren();
    partyLink.hidden = true;
    if (wanted && wanted.length === 1) {
      var link = el("a", "Все мероприятия: " + parties[wanted[0]][0]);
      link.href = parties[wanted[0]][1];
      partyLink.appendChild(link);
      partyLink.hidden = false;
    }
  }
  table.querySelectorAll("th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-key");
      sortDir = key === sortKey ? -sortDir : (key === "m" || key === "t" ? 1 : -1);
      sortKey = key;
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      button.parentNode.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      page = 0;
      draw();
    });
  });
  [f.m, f.s].forEach(function (e) { e.addEventListener("change", function () { page = 0; draw(); }); });
  f.t.addEventListener("input", function () { page = 0; draw(); });
  f.p.addEventListener("focus", function () { withParties(function () {}); });
  f.p.addEventListener("input", function () { withParties(function () { suggest(); page = 0; draw(); }); });
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  draw();
}());
