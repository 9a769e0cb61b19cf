/* The model catalogue's table (/models/) and the comparison (/models/compare/): filters, sorting and
   the side-by-side table. The whole table is in the page's HTML; this only hides rows and reorders them,
   and keeps every choice in the page's address (links and the back button bring it back). Idle on other
   pages. No library, no request. */
(function () {
  "use strict";

  var LIST_KEYS = ["openness", "has", "modality"];
  var VALUE_KEYS = ["q", "developer", "context", "price", "sort", "dir", "all"];

  function params() { return new URLSearchParams(window.location.search); }

  function words(text) { return (text || "").split(/\s+/).filter(Boolean); }

  // --- the catalogue table ------------------------------------------------------------------------

  function catalogue(root) {
    var form = root.querySelector("form");
    var panel = root.querySelector("[data-ovc-filters]");
    var count = root.querySelector("[data-ovc-count]");
    var table = root.querySelector("table");
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var compare = root.querySelector("[data-ovc-compare]");
    var hint = root.querySelector("[data-ovc-compare-hint]");
    var total = Number(count.getAttribute("data-total"));
    var compareBase = compare.getAttribute("href").split("?")[0];
    var chosen = [];
    var MAX = Number(root.getAttribute("data-max")) || 4;
    var ROWS = Number(root.getAttribute("data-rows"));  // labels.CATALOGUE_ROWS
    var more = root.querySelector("[data-ovc-more]");
    var all = root.querySelector("[data-ovc-all]");
    var current = null;  // the state shown; the address follows it (see write)

    // What the script knows of each row, read from the table once, in a task of its own after the
    // controls are shown (see the end).
    var rows = null, byId = {}, read_ = [], CHUNK = 100;
    var numericColumn = heads.map(function (th) { return th.getAttribute("data-type") === "number"; });
    function readRow(tr, index) {
      var d = tr.dataset;
      var row = {
        tr: tr, index: index, id: d.id, openness: d.openness, developer: d.developer,
        modalities: words(d.modalities), flags: words(d.flags), later: tr.hasAttribute("data-later"),
        context: Number(d.context || 0), price: d.price === "" ? null : Number(d.price),
        text: (tr.cells[0].textContent + " " + tr.cells[1].textContent + " " + tr.cells[3].textContent).toLowerCase(),
        sort: Array.prototype.map.call(tr.cells, function (cell) { return cell.getAttribute("data-sort") || ""; })
      };
      // Each sort key read once: a number where its column holds numbers (a date, with its dashes, sorts
      // as text), else null; the comparison then only compares.
      row.number = row.sort.map(function (x, column) {
        return numericColumn[column] && x !== "" && x.indexOf("-") < 0 ? Number(x) : null;
      });
      byId[row.id] = row;
      return row;
    }
    // A chunk of rows per task (no long task on a phone-class CPU); model() reads the rest at once.
    function readSome(count) {
      var trs = body.rows;
      for (var i = read_.length; i < trs.length && count > 0; i++, count--) { read_.push(readRow(trs[i], i)); }
      if (read_.length === trs.length) { rows = read_; }
    }
    function model() { if (!rows) { readSome(Infinity); } }
    function readInTurns() { if (!rows) { readSome(CHUNK); window.setTimeout(readInTurns, 0); } }

    panel.hidden = false;
    if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) { panel.open = true; }
    hint.hidden = false;

    // Sort buttons in every heading; aria-sort on the heading sorted by.
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ovc-sort";
      button.textContent = th.textContent;
      button.setAttribute("data-column", String(column));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var state = copy(current);
        var key = th.getAttribute("data-key");
        state.dir = state.sort === key && state.dir !== "desc" ? "desc" : "asc";
        state.sort = key;
        write(state, true);
      });
    });

    // A box to pick models to compare (the comparison needs the script too), made for a row when it is
    // first shown; one listener for all of them.
    function addBox(row) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "ovc-catalogue__pick";
      box.value = row.id;
      box.checked = chosen.indexOf(row.id) >= 0;
      box.setAttribute("aria-label", "Compare " + row.tr.cells[0].textContent);
      row.tr.cells[0].insertBefore(box, row.tr.cells[0].firstChild);
      row.box = box;
    }
    body.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("ovc-catalogue__pick")) { return; }
      if (box.checked) {
        if (chosen.length >= MAX) { box.checked = false; hint.textContent = "At most " + MAX + " models side by side."; return; }
        chosen.push(box.value);
      } else {
        chosen = chosen.filter(function (id) { return id !== box.value; });
      }
      showChosen();
    });

    function showChosen() {
      compare.setAttribute("href", chosen.length ? compareBase + "?m=" + chosen.join(",") : compareBase);
      compare.textContent = chosen.length >= 2 ? "Compare the " + chosen.length + " models ticked" : "Compare models side by side";
      hint.textContent = chosen.length ? chosen.length + " ticked (up to " + MAX + ")." :
        "Tick up to " + MAX + " models in the first column, or choose them on the comparison page.";
    }

    function read() {
      var p = params(), state = {};
      LIST_KEYS.forEach(function (key) {
        state[key] = p.getAll(key).join(",").split(",").filter(Boolean);
      });
      VALUE_KEYS.forEach(function (key) { state[key] = p.get(key) || ""; });
      return state;
    }

    function copy(state) {
      var out = {};
      Object.keys(state).forEach(function (key) { out[key] = Array.isArray(state[key]) ? state[key].slice() : state[key]; });
      return out;
    }

    function fromForm() {
      var state = copy(current), data = new FormData(form);
      LIST_KEYS.forEach(function (key) { state[key] = data.getAll(key); });
      ["q", "developer", "context", "price"].forEach(function (key) { state[key] = String(data.get(key) || "").trim(); });
      return state;
    }

    function toForm(state) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name) { return; }
        if (field.type === "checkbox") { field.checked = (state[field.name] || []).indexOf(field.value) >= 0; }
        else if (VALUE_KEYS.indexOf(field.name) >= 0) { field.value = state[field.name]; }
      });
    }

    // The table answers at once; the address follows a moment later, once the reader pauses (a burst
    // of changes is one step back): on a phone-class CPU, writing the address costs more than the
    // filtering, and would hold back the frame that shows the result. Leaving the page writes it now.
    var ADDRESS_DELAY_MS = 250;
    var pending = null, pendingPush = false;
    function write(state, push) {
      start();
      current = state;
      apply(state);
      pendingPush = pendingPush || push;
      window.clearTimeout(pending);
      pending = window.setTimeout(address, ADDRESS_DELAY_MS);
    }

    function address() {
      if (pending === null) { return; }
      window.clearTimeout(pending);
      pending = null;
      var p = new URLSearchParams(), state = current;
      LIST_KEYS.forEach(function (key) { if (state[key].length) { p.set(key, state[key].join(",")); } });
      VALUE_KEYS.forEach(function (key) { if (state[key]) { p.set(key, state[key]); } });
      var query = p.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        if (pendingPush) { window.history.pushState(null, "", url); } else { window.history.replaceState(null, "", url); }
      }
      pendingPush = false;
    }

    function keep(row, state) {
      if (state.openness.length && state.openness.indexOf(row.openness) < 0) { return false; }
      for (var i = 0; i < state.has.length; i++) {
        var flag = state.has[i];
        if (row.flags.indexOf(flag) < 0) { return false; }
      }
      for (var j = 0; j < state.modality.length; j++) {
        if (row.modalities.indexOf(state.modality[j]) < 0) { return false; }
      }
      if (state.developer && row.developer !== state.developer) { return false; }
      if (state.context && row.context < Number(state.context)) { return false; }
      if (state.price && (row.price === null || row.price > Number(state.price))) { return false; }
      if (state.q) {
        var terms = words(state.q.toLowerCase());
        for (var k = 0; k < terms.length; k++) { if (row.text.indexOf(terms[k]) < 0) { return false; } }
      }
      return true;
    }

    var orders = {};  // "column dir" -> the rows in that order: sorting again is free
    function order(state) {
      var column = -1;
      heads.forEach(function (th, i) {
        var on = th.getAttribute("data-key") === state.sort;
        if (on) { column = i; th.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending"); }
        else { th.removeAttribute("aria-sort"); }
      });
      if (column < 0) { return rows; }
      var by = column + " " + state.dir;
      if (!orders[by]) {
        var sign = state.dir === "desc" ? -1 : 1;
        orders[by] = rows.slice().sort(function (a, b) {
          var x = a.sort[column], y = b.sort[column];
          if (x === "" || y === "") { return x === y ? a.index - b.index : (x === "" ? 1 : -1); } // blanks last
          var m = a.number[column], n = b.number[column];
          var c = m !== null && n !== null ? m - n : (x < y ? -1 : x > y ? 1 : 0);
          return c ? sign * c : a.index - b.index;
        });
      }
      return orders[by];
    }

    // The rows shown must follow each other in order; where they do not, they are placed first in the
    // table, and only those out of place move (the hidden ones stay wherever they are). A row's `hidden`
    // is written only when it changes: on a phone-class CPU, moving and re-showing rows is most of a
    // filter's cost. So the frame after a change hides the rows left out and shows those of the result
    // that reach the bottom of the window (rows as tall as those shown before); the rest of the result
    // already shown stays, and what is still missing is shown a frame later, the table aria-busy meanwhile.
    var turn = 0;  // the latest change
    function inView() {
      // read between frames: the layout is still clean. The shortest row shown sets the count, so the
      // rows shown at once reach the window's bottom even where the new ones are shorter.
      var box = body.getBoundingClientRect(), least = Infinity;
      Array.prototype.forEach.call(body.rows, function (tr) {
        if (!tr.hidden) { least = Math.min(least, tr.getBoundingClientRect().height); }
      });
      return Math.max(0, Math.ceil((window.innerHeight - box.top) / Math.max(least === Infinity ? 0 : least, 24)));
    }

    function show(list, from, to) {
      for (var i = from; i < to; i++) {
        var row = list[i];
        row.tr.hidden = false;
        if (row.later) { row.tr.removeAttribute("data-later"); row.later = false; }
        if (!row.box) { addBox(row); }
      }
    }

    function apply(state, whole) {
      model();
      var shown = 0, list = [], mine = ++turn;
      order(state).forEach(function (row) {
        if (keep(row, state)) {
          shown++;
          if (state.all === "1" || shown <= ROWS) { list.push(row); }
        }
      });
      rows.forEach(function (row) { row.on = false; });
      list.forEach(function (row) { row.on = true; });
      var inOrder = list.every(function (row, i) {
        return i === 0 || Boolean(list[i - 1].tr.compareDocumentPosition(row.tr) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      // Now: the rows left out above the last row in view, and the result's rows in view. The rest a frame
      // later. A new order, or the first call, does it all now.
      var first = whole || !inOrder ? list.length : Math.min(list.length, inView());
      var now = [], later = [];
      if (first === list.length) {
        rows.forEach(function (row) { if (!row.tr.hidden && !row.on) { now.push(row); } });
      } else {
        var stop = first ? list[first - 1].tr : null, before = Boolean(stop);
        Array.prototype.forEach.call(body.rows, function (tr) {
          var row = byId[tr.getAttribute("data-id")];
          if (!tr.hidden && !row.on) { (before ? now : later).push(row); }
          if (tr === stop) { before = false; }
        });
      }
      now.forEach(function (row) { row.tr.hidden = true; });
      if (!inOrder) {
        list.forEach(function (row, i) {
          var here = body.rows[i];
          if (here !== row.tr) { body.insertBefore(row.tr, here || null); }
        });
      }
      show(list, 0, first);
      var missing = list.filter(function (row) { return row.tr.hidden; });
      if (missing.length || later.length) {
        table.setAttribute("aria-busy", "true");
        window.requestAnimationFrame(function () {
          window.requestAnimationFrame(function () {
            if (mine !== turn) { return; }
            later.forEach(function (row) { if (!row.on) { row.tr.hidden = true; } });
            show(missing, 0, missing.length);
            table.removeAttribute("aria-busy");
          });
        });
      } else {
        table.removeAttribute("aria-busy");
      }
      var capped = shown > ROWS && state.all !== "1";
      count.textContent = shown + " of " + total + " models" + (capped ? ", the first " + ROWS + " shown" : "");
      more.hidden = !capped;
      all.textContent = "Show all " + shown + " models";
    }

    // Column widths as the table is first shown, then fixed: a filter neither makes the
    // columns jump nor makes the browser lay out every cell again to find new widths.
    function fixWidths() {
      if (!table.offsetWidth) { return; }
      var widths = heads.map(function (th) { return th.getBoundingClientRect().width; });
      table.style.width = table.getBoundingClientRect().width + "px";
      heads.forEach(function (th, i) { th.style.width = widths[i] + "px"; });
      table.style.tableLayout = "fixed";
    }

    form.addEventListener("input", function (event) {
      write(fromForm(), event.target.type === "checkbox" || event.target.tagName === "SELECT");
    });
    form.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox" && event.target.tagName !== "SELECT") { write(fromForm(), true); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); write(fromForm(), true); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { var s = fromForm(); s.sort = ""; s.dir = ""; write(s, true); }, 0);
    });
    all.addEventListener("click", function () { var s = copy(current); s.all = "1"; write(s, true); });
    window.addEventListener("popstate", function () {
      window.clearTimeout(pending); pending = null; pendingPush = false;
      start(); current = read(); toForm(current); apply(current);
    });
    // Before the reader follows a link, copies an embed of this state or leaves, the address catches up.
    document.addEventListener("click", function (event) {
      var target = event.target;
      if (!root.contains(target) || (target.closest && target.closest("a[href]"))) { address(); }
    }, true);
    window.addEventListener("pagehide", address);

    // On a phone-class CPU each step below costs a layout of the table; the browser's main thread stays
    // free between them (no long task): the controls now, the rows' data in the next tasks, a chunk at a
    // time, then, in the next frame, the rows to show first and the widths of the table as shown (one
    // layout, of the rows shown only). A row after the first shown (data-later) stays out of the layout
    // until it is first shown. Until then the table is
    // aria-busy; a change before then does it all at once first.
    current = read();
    toForm(current);
    table.setAttribute("aria-busy", "true");
    var started = false;
    function start() {
      if (started) { return; }
      started = true;
      apply(current, true);
      fixWidths();
      showChosen();
    }
    window.setTimeout(readInTurns, 0);
    window.requestAnimationFrame(function () { window.setTimeout(start, 0); });
  }

  // --- the comparison ---------------------------------------------------------------------------------

  function comparison(root) {
    var data = JSON.parse(document.getElementById("ovc-compare-data").textContent);
    var form = root.querySelector("form");
    var select = form.querySelector("select");
    var status = root.querySelector("[data-ovc-compare-status]");
    var holder = root.querySelector("[data-ovc-compare-table]");
    var links = {};
    Array.prototype.forEach.call(root.querySelector("[data-ovc-model-links]").content.querySelectorAll("a"), function (a) {
      links[a.getAttribute("data-model")] = a;
    });

    function chosen() {
      var ids = params().getAll("m").join(",").split(",").filter(Boolean), out = [];
      ids.forEach(function (id) { if (data.models[id] && out.indexOf(id) < 0) { out.push(id); } });
      return out;
    }

    function cell(tag, text) {
      var el = document.createElement(tag);
      el.textContent = text;
      return el;
    }

    function render() {
      var ids = chosen();
      Array.prototype.forEach.call(select.options, function (o) { o.selected = ids.indexOf(o.value) >= 0; });
      holder.textContent = "";
      var dropped = ids.length > data.max ? ids.length - data.max : 0;
      ids = ids.slice(0, data.max);
      if (ids.length < 2) {
        holder.hidden = true;
        status.textContent = ids.length ? "Choose at least one more model." : "Choose two to " + data.max + " models above.";
        return;
      }
      var table = document.createElement("table");
      table.className = "ovc-compare__table";
      table.appendChild(cell("caption", ids.map(function (id) { return data.models[id].name; }).join(" · ")));
      var head = table.createTHead().insertRow();
      head.appendChild(cell("td", ""));
      ids.forEach(function (id) {
        var th = document.createElement("th");
        th.scope = "col";
        th.appendChild(links[id] ? links[id].cloneNode(true) : document.createTextNode(data.models[id].name));
        head.appendChild(th);
      });
      var body = table.createTBody(), differ = 0;
      data.fields.forEach(function (field) {
        var values = ids.map(function (id) { return data.models[id].values[field[0]]; });
        var different = values.some(function (v) { return v !== values[0]; });
        var tr = body.insertRow();
        var th = cell("th", field[1]);
        th.scope = "row";
        if (different) {
          differ++;
          tr.className = "ovc-differs";
          var mark = cell("span", "differs");
          mark.className = "ovc-differs__mark";
          th.appendChild(document.createTextNode(" "));
          th.appendChild(mark);
        }
        tr.appendChild(th);
        values.forEach(function (v) { tr.appendChild(cell("td", v)); });
      });
      holder.appendChild(table);
      holder.hidden = false;
      status.textContent = "Comparing " + ids.length + " models: " + differ + " of " + data.fields.length +
        " rows differ." + (dropped ? " Only the first " + data.max + " models are shown." : "");
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var ids = Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
      var url = window.location.pathname + (ids.length ? "?m=" + ids.join(",") : "");
      window.history.pushState(null, "", url);
      render();
    });
    window.addEventListener("popstate", render);
    render();
  }

  function start() {
    var table = document.querySelector("[data-ovc-catalogue]");
    if (table) { catalogue(table); }
    var view = document.querySelector("[data-ovc-compare-view]");
    if (view) { comparison(view); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
