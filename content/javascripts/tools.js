/* Makes the decision helper and the break-even calculator live, and starts a drawing that is wider
than its frame (on a phone) scrolled to its middle, where a top-down flowchart begins. Idle on every
other page.
   Progressive enhancement: the pages are complete without it (the calculator shows the result for
   its defaults, the helper links to the guide and lists the models that fit with no answers). Answers and inputs live in the address, so a result
   can be linked. Text from data is only ever set with textContent. */
(function () {
  "use strict";

  function readQuery() {
    var params = new URLSearchParams(window.location.search), out = {};
    params.forEach(function (value, key) { out[key] = value; });
    return out;
  }

  /* Keeps `values` in this page's address; returns the query ("?a=b", or "" for none). */
  function writeQuery(values) {
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (key) { params.set(key, values[key]); });
    var query = params.toString() ? "?" + params.toString() : "";
    window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
    return query;
  }

  /* --- decision helper ------------------------------------------------------------------------ */
  function helper(form) {
    var model = JSON.parse(document.getElementById("ovc-model").textContent);
    var container = form.closest(".ovc-helper");
    var outcomes = container.querySelectorAll(".ovc-outcome");
    var status = document.getElementById("ovc-status");
    var pathList = document.getElementById("ovc-path");
    var permalink = document.querySelector("#ovc-permalink a");
    // The helper page's own address, as the build wrote it: in an embed too, the link to share
    // leads to the full helper, not to the bare embed.
    var helperPage = new URL(permalink.getAttribute("href"), window.location.href);
    helperPage.search = helperPage.hash = "";
    var peek = container.querySelector(".ovc-peek");
    var title = document.getElementById("ovc-result-title").firstChild.textContent.trim();
    var names = {}, labels = {}, shown = {}, answerOf = {};
    model.criteria.forEach(function (c) {
      names[c.id] = c.name;
      c.answers.forEach(function (a) {
        labels[c.id + "=" + a.id] = a.label;
        shown[c.id + "=" + a.id] = a.shown;  /* the reason as text: its links' labels alone */
        answerOf[c.id + "=" + a.id] = a;
      });
    });
    var runnerUp = document.getElementById("ovc-runner-up");
    var tiedList = document.querySelector("[data-status-tied]");
    var conflictList = document.getElementById("ovc-conflicts");
    var conflictBox = document.getElementById("ovc-conflicts-box");
    var fits = shortlistView(document.getElementById("ovc-models"));
    container.classList.add("ovc-js");

    function answers() {
      var out = {};
      model.criteria.forEach(function (c) {
        var checked = form.querySelector('input[name="' + c.id + '"]:checked');
        if (checked && checked.value) out[c.id] = checked.value;
      });
      return out;
    }

    function optionNames(ids) {
      return ids.map(function (id) { return model.names[id]; }).join(", ");
    }

    function part(answer) {
      var requires = Object.keys(answer.requires).length, prefers = Object.keys(answer.prefers).length;
      return requires && prefers ? "both" : requires ? "requires" : prefers ? "prefers" : "none";
    }

    function said(pair) {
      return "“" + names[pair[0]] + ": " + labels[pair[0] + "=" + pair[1]] + "”";
    }

    function text(parent, tag, words, className) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      el.textContent = words;
      parent.appendChild(el);
      return el;
    }

    function show() {
      var given = answers(), result = window.OVC.evaluate(model, given);
      outcomes.forEach(function (el) { el.hidden = el.getAttribute("data-option") !== result.option; });
      var count = Object.keys(given).length;
      var state = !count ? "none" : result.tied.length ? "tie" : "best";
      status.querySelectorAll("[data-status]").forEach(function (el) {
        el.hidden = el.getAttribute("data-status") !== state;
      });
      tiedList.textContent = optionNames(result.tied);
      runnerUp.hidden = !count || !result.runner_up;
      runnerUp.querySelector("[data-runner-up]").textContent = result.runner_up ? model.names[result.runner_up] : "";
      pathList.textContent = "";
      result.path.forEach(function (step) {
        var key = step.criterion + "=" + step.answer, answer = answerOf[key], kind = part(answer);
        var item = document.createElement("li");
        item.setAttribute("data-criterion", step.criterion);
        item.setAttribute("data-met", step.met ? "yes" : "no");
        text(item, "strong", names[step.criterion] + ": " + labels[key]);
        item.appendChild(document.createElement("br"));
        text(item, "span", model.parts[kind], "ovc-effect ovc-effect--" + kind);
        var what = [];
        if (step.rules_out.length) what.push("rules out " + optionNames(step.rules_out));
        if (step.favours.length) what.push("favours " + optionNames(step.favours));
        if (what.length) item.appendChild(document.createTextNode(": " + what.join("; ")));
        if (kind !== "none") {
          text(item, "span", step.met ? " (the recommendation meets it)" : " (the recommendation does not fully meet it)",
               "ovc-met ovc-met--" + (step.met ? "yes" : "no"));
        }
        item.appendChild(document.createTextNode(". " + shown[key]));
        pathList.appendChild(item);
      });
      conflictList.textContent = "";
      result.conflicts.forEach(function (c) {
        var item = document.createElement("li");
        var values = c.properties.map(function (prop) {
          var option = model.options.filter(function (o) { return o.id === c.option; })[0];
          return model.properties[prop].name.toLowerCase() + ": " +
            option.has[prop].map(function (v) { return model.properties[prop].values[v]; }).join(" or ");
        });
        item.textContent = said(c.first) + " on its own points to " + model.names[c.option] + ", which " +
          said(c.second) + " rules out (" + values.join("; ") + "). Options that satisfy both: " +
          optionNames(c.resolved_by) + ".";
        conflictList.appendChild(item);
      });
      conflictBox.hidden = !result.conflicts.length;
      var short = fits.read();
      fits.show(result, short, count > 0 || Object.keys(short.answers).length > 0);
      var kept = {};
      Object.keys(given).forEach(function (key) { kept[key] = given[key]; });
      Object.keys(short.raw).forEach(function (key) { kept[key] = short.raw[key]; });
      permalink.href = helperPage.href + writeQuery(kept);
      peek.hidden = false;
      peek.firstChild.textContent = title + ": " + model.names[result.option];
    }

    var start = readQuery();
    model.criteria.forEach(function (c) {
      if (!(c.id in start)) return;
      var input = form.querySelector('input[name="' + c.id + '"][value="' + CSS.escape(start[c.id]) + '"]');
      if (input && input.value) input.checked = true;
    });
    fits.start(start);
    form.addEventListener("change", show);
    form.addEventListener("input", function (event) { if (event.target.type === "number") show(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { fits.start({}); show(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    show();
  }

  /* --- the shortlist under the helper's result ------------------------------------------------------
     The catalogue's models that fit the answers (window.OVC.shortlist), in the words of
     macros/render/shortlist.py (`facts`, `status`, `view`), each linked to its page. */
  var whole = new Intl.NumberFormat("en", {maximumFractionDigits: 0});

  function gigabytes(value) {
    return value < 10 ? (Math.floor(value * 10 + 0.5) / 10).toFixed(1) : whole.format(Math.floor(value + 0.5));
  }

  function shortlistView(source) {
    var data = JSON.parse(source.textContent);
    var box = document.getElementById("ovc-shortlist");
    var list = document.getElementById("ovc-shortlist-list");
    var statusLine = document.getElementById("ovc-shortlist-status");
    var error = document.getElementById("ovc-shortlist-error");
    var note = box.querySelector("[data-ovc-note]");
    var unfilteredLine = box.querySelector("[data-ovc-unfiltered]");
    var compare = box.querySelector("[data-ovc-compare]");
    var more = box.querySelector("[data-ovc-more]");
    var template = document.getElementById("ovc-model-link").content.firstElementChild;
    var linkId = template.getAttribute("data-model"), linkHref = template.getAttribute("href");
    var compareBase = compare.getAttribute("href").split("?")[0];
    var moreBase = more.getAttribute("href").split("?")[0];
    var facts = {}, names = {}, wayLabels = {}, linkNote = "", lastDrawn = null;
    data.models.forEach(function (m) { facts[m.id] = m; });
    data.questions.forEach(function (q) { names[q.id] = q.name; });
    data.ways.forEach(function (w) { wayLabels[w.id] = w.label; });
    var form = document.querySelector("form[data-ovc-helper]");

    function quoted(ids) {
      var said = ids.map(function (id) { return "“" + names[id] + "”"; });
      return said.length > 1 ? said.slice(0, -1).join(", ") + " and " + said[said.length - 1] : said.join("");
    }

    function modelHref(id) {
      var at = linkHref.lastIndexOf(linkId);
      return linkHref.slice(0, at) + id + linkHref.slice(at + linkId.length);
    }

    function factsText(model, fit) {
      var parts = [data.developers[model.developer].name, data.openness_words[model.openness],
                   data.terms[model.licence || ""]];
      if (model.context) parts.push("context " + whole.format(model.context) + " tokens");
      if (fit.bits !== null) parts.push("weights " + gigabytes(fit.memory_gb) + " GB at " + fit.bits + "-bit");
      if (model.price !== null) {
        parts.push("input from " + model.price_text + " " + data.price_unit + " at " + data.hosts[model.host]);
      }
      return parts.join(" · ");
    }

    function statusText(result, ways, answered) {
      var total = result.total, shown = Math.min(total, data.limit);
      if (!total) {
        var hints = Object.keys(result.without).filter(function (id) { return result.without[id]; })
          .map(function (id) { return "without " + quoted([id]) + ", " + whole.format(result.without[id]) + " would"; });
        var said = hints.join("; ");
        return "No model in the catalogue fits all your answers." +
          (said ? " " + said.charAt(0).toUpperCase() + said.slice(1) + "." : "");
      }
      var used = ways.filter(function (w) { return wayLabels[w]; }).map(function (w) { return wayLabels[w]; }).join(" or ");
      var counted = whole.format(total) + (total === 1 ? " model fits" : " models fit");
      var first = total > shown ? "; the first " + shown + " below" : "";
      if (!answered) return "With no answers, " + counted + (used ? ": " + used : "") + first + ".";
      return counted + " your answers and the recommendation" + (used ? ": " + used : "") + first + ".";
    }

    function query(q) {
      var out = [];
      ["openness", "has", "modality", "context", "price", "sort", "dir"].forEach(function (key) {
        var value = q[key];
        if (Array.isArray(value)) { if (value.length) out.push(key + "=" + value.join(",")); }
        else if (value !== null && value !== undefined && value !== "") out.push(key + "=" + String(value));
      });
      return out.join("&");
    }

    /* {answers: {id: answer id or number}, raw: {id: as typed}, problem: words or ""} */
    function read() {
      var out = {answers: {}, raw: {}, problem: ""};
      data.questions.forEach(function (q) {
        if (q.kind === null) {
          var checked = form.querySelector('input[name="' + q.id + '"]:checked');
          if (checked && checked.value) { out.answers[q.id] = checked.value; out.raw[q.id] = checked.value; }
          return;
        }
        var input = document.getElementById("s-" + q.id), text = input.value.trim(), problem = "";
        var value = Number(text);
        if (input.validity.badInput) {
          problem = "“" + q.name + "” is not a number, so it is skipped until then.";
        } else if (text !== "" && (!isFinite(value) || value < q.min || value > q.max)) {
          problem = "“" + q.name + "” must be a number from " + whole.format(q.min) + " to " +
            whole.format(q.max) + " (" + q.unit + "), so it is skipped until then.";
        }
        /* Said under the field and above the list; the field's step only sets its arrows. */
        var said = document.getElementById("s-" + q.id + "-problem");
        said.textContent = problem;
        said.hidden = !problem;
        input.setAttribute("aria-invalid", problem ? "true" : "false");
        if (text !== "" && !input.validity.badInput) out.raw[q.id] = text;
        if (problem) {
          if (!out.problem) out.problem = problem;
          return;
        }
        if (text !== "") out.answers[q.id] = value;
      });
      return out;
    }

    function start(values) {
      var ignored = [];
      data.questions.forEach(function (q) {
        if (q.kind === null) {
          if (!(q.id in values)) return;
          var input = form.querySelector('input[name="' + q.id + '"][value="' + CSS.escape(values[q.id]) + '"]');
          if (input && input.value) input.checked = true;
          return;
        }
        var field = document.getElementById("s-" + q.id);
        if (!(q.id in values)) { field.value = ""; return; }
        if (values[q.id] !== "" && isFinite(Number(values[q.id]))) field.value = values[q.id];
        else ignored.push("“" + q.name + "”");
      });
      linkNote = ignored.length ? "The link gave no number for " + ignored.join(", ") + ", so it is skipped. " : "";
    }

    function show(decided, short, answered) {
      var ways = window.OVC.waysFor(data, decided.option, decided.tied);
      var result = window.OVC.shortlist(data, short.answers, ways);
      error.hidden = !short.problem && !linkNote;
      error.textContent = linkNote + short.problem;
      var shown = result.models.slice(0, data.limit);
      /* Redrawn only when it changed: the change event of a number field fires as it loses focus, on the
         way to a click on a listed model, which must still find its link. */
      var drawn = JSON.stringify(shown);
      if (drawn === lastDrawn) return finish(result, ways, answered, shown);
      lastDrawn = drawn;
      list.textContent = "";
      shown.forEach(function (fit) {
        var model = facts[fit.id], item = document.createElement("li"), link = document.createElement("a");
        item.setAttribute("data-model", fit.id);
        link.className = "ovc-shortlist__name ovc-shortlist__name--" + data.sides[model.openness];
        link.setAttribute("href", modelHref(fit.id));
        link.textContent = model.name;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        var span = document.createElement("span");
        span.className = "ovc-shortlist__facts";
        span.textContent = factsText(model, fit);
        item.appendChild(span);
        list.appendChild(item);
      });
      finish(result, ways, answered, shown);
    }

    function finish(result, ways, answered, shown) {
      var ids = shown.length >= 2 ? shown.slice(0, data.compare_max).map(function (f) { return f.id; }) : [];
      compare.hidden = !ids.length;
      compare.setAttribute("href", compareBase + "?m=" + ids.join(","));
      compare.textContent = shown.length > ids.length ? "Compare the first " + ids.length + " side by side" :
        "Compare these " + ids.length + " side by side";
      var rest = result.total - shown.length;
      more.hidden = !rest;
      more.setAttribute("href", moreBase + "?" + query(result.catalogue));
      more.textContent = whole.format(rest) + " more in the catalogue";
      note.hidden = !result.not_applied.length;
      note.textContent = result.not_applied.length ?
        "Not used for this recommendation, which runs no model where it would apply: " + quoted(result.not_applied) + "." : "";
      var unfiltered = result.unfiltered.length && rest ?
        "The catalogue cannot filter by " + quoted(result.unfiltered) + ", so it also lists models that do not fit them." : "";
      unfilteredLine.hidden = !unfiltered;
      unfilteredLine.textContent = unfiltered;
      statusLine.textContent = statusText(result, ways, answered);
    }

    return {read: read, start: start, show: show};
  }

  /* --- cost calculator ------------------------------------------------------------------------- */
  var SVG = "http://www.w3.org/2000/svg";

  /* As macros/render/chart.py `fixed1` and `compact`. */
  function fixed1(value) {
    var rounded = Math.floor(value * 10 + 0.5) / 10;
    return rounded === Math.trunc(rounded) ? String(rounded) : rounded.toFixed(1);
  }

  function compact(value) {
    var sizes = [[1e9, "G"], [1e6, "M"], [1e3, "k"]];
    for (var i = 0; i < sizes.length; i++) {
      if (value >= sizes[i][0]) return fixed1(value / sizes[i][0]) + sizes[i][1];
    }
    return fixed1(value);
  }

  /* Redraws the chart the build drew (macros/render/chart.py) for `result`, with its geometry. */
  function drawChart(svg, result, requests) {
    var g = svg.getAttribute("data-geometry").split(" ").map(Number);
    var W = g[0], H = g[1], L = g[2], R = g[3], T = g[4], B = g[5], count = g[6], ticks = g[7];
    var top = window.OVC.chartTop(result, requests);
    var data = window.OVC.series(result.shape, top, count);
    var peak = Math.max(Math.max.apply(null, data.closed), Math.max.apply(null, data.host),
                        Math.max.apply(null, data.self));
    var ymax = peak > 0 ? window.OVC.niceCeil(peak * 1.05) : 1;
    var pw = W - L - R, ph = H - T - B;
    function x(v) { return L + v / top * pw; }
    function y(c) { return T + ph - c / ymax * ph; }
    svg.querySelectorAll("polyline[data-route]").forEach(function (line) {
      var route = line.getAttribute("data-route");
      line.setAttribute("points", data.volumes.map(function (v, i) {
        return fixed1(x(v)) + "," + fixed1(y(data[route][i]));
      }).join(" "));
    });
    var labels = svg.querySelectorAll(".ovc-chart__ticks text");
    for (var i = 0; i <= ticks; i++) {
      labels[2 * i].textContent = compact(top * i / ticks);
      labels[2 * i + 1].textContent = compact(ymax * i / ticks);
    }
    var title = svg.querySelector("title");
    title.textContent = title.textContent.replace(/0 to \S+$/, "0 to " + compact(top));
  }

  /* The two model selects (closed, open) of the calculator: each model's priced offers from the
     catalogue (macros/render/pages.py `calculator_offers`, cheapest first), the inputs the chosen
     offer and model fill, and the sentence that says where their values come from. */
  function modelPicks(form, catalogue) {
    var sides = ["closed", "open"], picks = {}, filled = {};
    var byName = {};
    form.querySelectorAll("input[type=number]").forEach(function (input) { byName[input.name] = input; });
    sides.forEach(function (side) {
      var box = form.querySelector('.ovc-pick[data-side="' + side + '"]');
      var link = box.querySelector('[data-pick="model"]');
      picks[side] = {box: box, model: box.querySelector('select[name="' + side + '-model"]'),
                     offer: box.querySelector('select[name="' + side + '-offer"]'),
                     href: link.getAttribute("href"), link: link};
      box.querySelector(".ovc-pick__choose").hidden = false;
    });

    function has(side, id) { return Object.prototype.hasOwnProperty.call(catalogue[side], id); }
    function model(side) { return catalogue[side][picks[side].model.value]; }
    function offer(side) { return model(side).offers[Math.max(0, picks[side].offer.selectedIndex)]; }
    function each(selector, fn) { form.querySelectorAll(selector).forEach(fn); }

    /* The model page's address: the build's link to the default model's page, with the id replaced. */
    function modelHref(side, id) {
      var base = picks[side].href, at = base.lastIndexOf(catalogue["default"][side]);
      return at < 0 ? base : base.slice(0, at) + id + base.slice(at + catalogue["default"][side].length);
    }

    /* The host select for the chosen model, its cheapest offer selected. */
    function listOffers(side) {
      var select = picks[side].offer;
      select.textContent = "";
      model(side).offers.forEach(function (o) {
        var option = document.createElement("option");
        option.value = o.id;
        option.textContent = o.label;
        select.appendChild(option);
      });
      select.selectedIndex = 0;
    }

    /* The chosen offer's prices (and the open model's size) into the inputs, and where they come from. */
    function apply(side) {
      var m = model(side), o = offer(side), box = picks[side].box;
      catalogue.inputs[side].forEach(function (name, i) {
        filled[name] = o.prices[i];
        byName[name].value = String(o.prices[i]);
      });
      function pick(name) { return box.querySelector('[data-pick="' + name + '"]'); }
      picks[side].link.textContent = m.name;
      picks[side].link.setAttribute("href", modelHref(side, picks[side].model.value));
      pick("host").textContent = o.host;
      pick("api-name").textContent = o.name;
      pick("as-of").textContent = o.as_of;
      pick("as-of").setAttribute("datetime", o.as_of);
      var source = catalogue.sources[o.source];
      pick("source").textContent = source.name;
      pick("source").setAttribute("href", source.prefix + o.path);
      box.querySelectorAll('[data-pick="count"]').forEach(function (el) { el.textContent = String(m.offers.length); });
      var rank = m.offers.length === 1 ? "only" : picks[side].offer.selectedIndex === 0 ? "cheapest" : "picked";
      box.querySelectorAll("[data-rank]").forEach(function (el) { el.hidden = el.getAttribute("data-rank") !== rank; });
      if (side === "closed") {
        each('[data-when="no-cached"]', function (el) { el.hidden = !o.no_cached; });
      } else {
        filled["parameters-billions"] = m.size === null ? null : m.size;
        if (m.size !== null) byName["parameters-billions"].value = String(m.size);
        each('[data-when="size"]', function (el) { el.hidden = m.size === null; });
        each('[data-when="no-size"]', function (el) { el.hidden = m.size !== null; });
        each('[data-pick-size="basis"]', function (el) { el.textContent = m.basis || ""; });
        each('[data-pick-size="model"]', function (el) { el.textContent = m.name; });
      }
    }

    return {
      /* From the page address: the models and offers it names; returns the labels of the selects it
         named something unknown for (their defaults stay). */
      start: function (query) {
        var unknown = [];
        sides.forEach(function (side) {
          var wanted = query[side + "-model"], offerId = query[side + "-offer"];
          if (wanted !== undefined && has(side, wanted)) picks[side].model.value = wanted;
          else if (wanted !== undefined) unknown.push(picks[side].model.labels[0].textContent);
          listOffers(side);
          if (offerId !== undefined) {
            var index = model(side).offers.map(function (o) { return o.id; }).indexOf(offerId);
            if (index >= 0) picks[side].offer.selectedIndex = index;
            else unknown.push(picks[side].offer.labels[0].textContent);
          }
          apply(side);
        });
        return unknown;
      },
      /* After an input event: a model picked lists its offers, an offer picked fills its prices. */
      changed: function (target) {
        sides.forEach(function (side) {
          if (target === picks[side].model) listOffers(side);
          if (target === picks[side].model || target === picks[side].offer) apply(side);
        });
      },
      reset: function () { sides.forEach(function (side) { listOffers(side); apply(side); }); },
      /* The choices that differ from the defaults, for the address, models first. */
      query: function () {
        var out = {};
        sides.forEach(function (side) {
          if (picks[side].model.value !== catalogue["default"][side]) out[side + "-model"] = picks[side].model.value;
          if (picks[side].offer.selectedIndex > 0) out[side + "-offer"] = picks[side].offer.value;
        });
        return out;
      },
      /* Whether an input is one the catalogue fills, and if so whether the reader changed its value
         (always, where the catalogue gives none: the address must then keep it). */
      fills: function (name) { return Object.prototype.hasOwnProperty.call(filled, name); },
      edited: edited,
      /* The values the offers gave, and which of them the reader has changed. */
      show: function () {
        Object.keys(filled).forEach(function (name) {
          each('[data-filled="' + name + '"]', function (el) {
            if (filled[name] !== null) el.textContent = String(filled[name]);
          });
          each('[data-edited="' + name + '"]', function (el) {
            el.hidden = filled[name] === null || !edited(byName[name]);
          });
        });
      }
    };

    function edited(input) {
      return filled[input.name] === null || input.value === "" || Number(input.value) !== filled[input.name];
    }
  }

  function calculator(form) {
    var days = Number(form.getAttribute("data-days-per-month"));
    var currency = form.getAttribute("data-currency");
    var routes = JSON.parse(form.getAttribute("data-routes"));
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=number]"));
    var error = document.getElementById("ovc-calc-error");
    var figures = document.querySelector(".ovc-calc__figures");
    var results = document.getElementById("ovc-calc-live");
    var changes = document.getElementById("ovc-changes");
    var chart = document.getElementById("ovc-chart");
    var picks = modelPicks(form, JSON.parse(document.getElementById("ovc-offers").textContent));
    var whole = new Intl.NumberFormat("en", {maximumFractionDigits: 0});
    function out(name, text) { document.querySelector('[data-out="' + name + '"]').textContent = text; }
    function money(value) { return whole.format(value) + " " + currency; }
    function changeText(c) {
      return "Above " + whole.format(c.requests_per_day) + " requests a day: " + routes[c.to] +
        " costs less than " + routes[c.from];
    }
    function show_(selector, attribute, value) {
      document.querySelectorAll(selector).forEach(function (el) {
        el.hidden = el.getAttribute(attribute) !== value;
      });
    }

    function show() {
      var values = {}, changed = picks.query(), problem = null;
      inputs.forEach(function (input) {
        values[input.name] = input.value === "" ? NaN : Number(input.value);
        if (!input.checkValidity() && !problem) {
          problem = input.labels[0].textContent + ": " + input.validationMessage;
        }
        if (picks.fills(input.name) ? picks.edited(input) : input.value !== input.defaultValue) {
          changed[input.name] = input.value;
        }
      });
      writeQuery(changed);
      picks.show();
      var result = null;
      if (!problem) {
        try { result = window.OVC.costs(values, days); } catch (e) { problem = e.message; }
      }
      if (result && ![result.monthly.closed, result.monthly.host, result.monthly.self, result.gpus,
                      result.capacity_per_replica, result.memory_gb].every(isFinite)) {
        problem = "these inputs give no finite result";
        result = null;
      }
      error.hidden = !problem && !linkNote;
      error.textContent = linkNote + (problem ? "Check the inputs: " + problem : "");
      results.classList.toggle("ovc-stale", !!problem);
      figures.setAttribute("aria-hidden", problem ? "true" : "false");
      chart.setAttribute("aria-hidden", problem ? "true" : "false");
      if (!result) return;
      out("monthly-closed", money(result.monthly.closed));
      out("monthly-host", money(result.monthly.host));
      out("monthly-self", money(result.monthly.self));
      out("gpus", String(result.gpus));
      out("replicas", String(result.replicas));
      out("gpus_per_replica", String(result.gpus_per_replica));
      out("memory_gb", whole.format(result.memory_gb));
      out("capacity_per_replica", whole.format(result.capacity_per_replica));
      changes.textContent = "";
      result.changes.forEach(function (c) {
        var item = document.createElement("li");
        item.textContent = changeText(c);
        changes.appendChild(item);
      });
      show_("[data-show]", "data-show", result.changes.length ? "found" : "none");
      out("versus-closed", result.versus.closed.length ? changeText(result.versus.closed[0]) :
        "the API stays cheaper at any volume");
      out("versus-host", result.versus.host.length ? changeText(result.versus.host[0]) :
        "the host stays cheaper at any volume");
      show_("[data-verdict]", "data-verdict", result.cheapest);
      drawChart(chart, result, values["requests-per-day"]);
    }

    var start = readQuery(), ignored = [];
    var unknown = picks.start(start);
    inputs.forEach(function (input) {
      if (!(input.name in start)) return;
      if (start[input.name] !== "" && isFinite(Number(start[input.name]))) {
        input.value = start[input.name];  /* out of range: refused by show(), with its message */
      } else {
        ignored.push(input.labels[0].textContent);
      }
    });
    var linkNote = (unknown.length ? "The link named a choice the catalogue does not have for " +
      unknown.join(", ") + "; the default is used. " : "") + (ignored.length ?
      "The link gave no number for " + ignored.join(", ") + "; the default is used. " : "");
    form.addEventListener("input", function (event) { linkNote = ""; picks.changed(event.target); show(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { picks.reset(); show(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    show();
  }

  function centreDrawings() {
    document.querySelectorAll(".ovc-diagram").forEach(function (frame) {
      var extra = frame.scrollWidth - frame.clientWidth;
      if (extra > 0 && frame.scrollLeft === 0) frame.scrollLeft = extra / 2;
    });
  }

  function init() {
    centreDrawings();
    var form = document.querySelector("form[data-ovc-helper]");
    if (form) helper(form);
    var calc = document.getElementById("ovc-calculator");
    if (calc) calculator(calc);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
