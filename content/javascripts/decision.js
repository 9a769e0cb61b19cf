/* The decision model, the break-even formula and the shortlist for the browser: the same logic as
   macros/decision/ (run, costs, shortlist), checked against it on shared test vectors by
   tests/test_decision.py and tests/test_shortlist.py. Pure functions, no DOM; tools.js wires them to the pages. */
(function (root) {
  "use strict";

  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function hasValues(option) { return Object.keys(option.has).length > 0; }

  function allows(option, requires) {
    return Object.keys(requires).every(function (prop) {
      return (option.has[prop] || []).some(function (v) { return requires[prop].indexOf(v) >= 0; });
    });
  }

  function violated(option, requires) {
    return Object.keys(requires).filter(function (prop) {
      return !(option.has[prop] || []).some(function (v) { return requires[prop].indexOf(v) >= 0; });
    });
  }

  function points(option, prefers) {
    var total = 0;
    Object.keys(prefers).forEach(function (prop) {
      var ranked = prefers[prop], values = option.has[prop] || [];
      if (!values.length) return;
      total += Math.min.apply(null, values.map(function (v) {
        var at = ranked.indexOf(v);
        return at >= 0 ? ranked.length - at : 0;
      }));
    });
    return total;
  }

  /* [result option, ranking [[id, score]], tied [ids]] for the chosen answer records. */
  function rank(model, given) {
    var scored = model.options.filter(hasValues).filter(function (o) {
      return given.every(function (a) { return allows(o, a.requires); });
    }).map(function (o, index) {
      return {option: o, index: index,
              score: given.reduce(function (sum, a) { return sum + points(o, a.prefers); }, 0)};
    });
    scored.sort(function (x, y) { return y.score - x.score || x.index - y.index; });
    var ranking = scored.map(function (s) { return [s.option.id, s.score]; });
    if (!scored.length) return [model.fallback, ranking, []];
    var top = scored.filter(function (s) { return s.score === scored[0].score; });
    var sides = {};
    top.forEach(function (s) { sides[s.option.side] = true; });
    if (Object.keys(sides).length > 1) {
      return [model.fallback, ranking, top.map(function (s) { return s.option.id; })];
    }
    return [top[0].option.id, ranking, []];
  }

  /* answers: {criterion id: answer id}; returns the same result as macros/decision/model.py `run`:
     {option, path: [{criterion, answer, rules_out, favours, met, reason}], reasons, runner_up, tied,
     ranking: [[option, score]], conflicts: [{first, second, option, properties, resolved_by}]}.
     Throws on an unknown criterion or answer. */
  function evaluate(model, answers) {
    var byId = {};
    model.criteria.forEach(function (c) { byId[c.id] = c; });
    Object.keys(answers).forEach(function (criterion) {
      if (!has(byId, criterion)) {
        throw new Error("unknown criterion '" + criterion + "'");
      }
      if (!byId[criterion].answers.some(function (a) { return a.id === answers[criterion]; })) {
        throw new Error("unknown answer '" + answers[criterion] + "' of criterion '" + criterion + "'");
      }
    });
    var given = [];
    model.criteria.forEach(function (c) {
      if (!has(answers, c.id)) return;
      given.push([c, c.answers.filter(function (a) { return a.id === answers[c.id]; })[0]]);
    });
    var ranked = rank(model, given.map(function (g) { return g[1]; }));
    var option = ranked[0], ranking = ranked[1], tied = ranked[2];
    var options = {};
    model.options.forEach(function (o) { options[o.id] = o; });
    var candidates = model.options.filter(hasValues);
    var chosen = tied.length ? tied.map(function (id) { return options[id]; }) :
      hasValues(options[option]) ? [options[option]] : [];
    var path = given.map(function (g) {
      var answer = g[1], score = {}, best = 0;
      candidates.forEach(function (o) {
        score[o.id] = points(o, answer.prefers);
        best = Math.max(best, score[o.id]);
      });
      var favours = best > 0 ? candidates.filter(function (o) { return score[o.id] === best; })
        .map(function (o) { return o.id; }) : [];
      return {
        criterion: g[0].id, answer: answer.id,
        rules_out: candidates.filter(function (o) { return !allows(o, answer.requires); })
          .map(function (o) { return o.id; }),
        favours: favours,
        met: chosen.length > 0 && chosen.every(function (o) {
          return allows(o, answer.requires) && (!favours.length || score[o.id] === best);
        }),
        reason: answer.reason
      };
    });
    var conflicts = [];
    var alone = given.map(function (g) { return rank(model, [g[1]]); });
    given.forEach(function (first, i) {
      var own = alone[i];
      var pointed = own[2].length ? own[2].map(function (id) { return options[id]; }) :
        hasValues(options[own[0]]) ? [options[own[0]]] : [];
      given.forEach(function (second) {
        if (second === first || !pointed.length) return;
        if (pointed.every(function (o) { return !allows(o, second[1].requires); })) {
          conflicts.push({
            first: [first[0].id, first[1].id], second: [second[0].id, second[1].id],
            option: pointed[0].id, properties: violated(pointed[0], second[1].requires),
            resolved_by: rank(model, [first[1], second[1]])[1].map(function (r) { return r[0]; })
          });
        }
      });
    });
    var runnerUp = null;
    for (var k = 0; k < ranking.length; k++) {
      if (ranking[k][0] !== option && tied.indexOf(ranking[k][0]) < 0) { runnerUp = ranking[k][0]; break; }
    }
    return {option: option, path: path, reasons: path.map(function (s) { return s.reason; }),
            runner_up: runnerUp, tied: tied, ranking: ranking, conflicts: conflicts};
  }

  var INPUTS = ["requests-per-day", "input-tokens", "output-tokens", "cached-share",
                "closed-input-price", "closed-cached-price", "closed-output-price",
                "host-input-price", "host-cached-price", "host-output-price",
                "parameters-billions", "bytes-per-parameter", "context-memory-gb", "gpu-memory-gb",
                "gpu-price-per-hour", "replica-throughput", "utilisation", "min-replicas", "ops-cost-per-month"];
  var ROUTES = ["host", "closed", "self"];
  var MAX_SEGMENTS = 10000;

  function checked(values) {
    var missing = INPUTS.filter(function (name) { return !(name in values); });
    if (missing.length) throw new Error("missing input(s): " + missing.join(", "));
    var v = {};
    INPUTS.forEach(function (name) { v[name] = Number(values[name]); });
    if (INPUTS.some(function (name) { return !isFinite(v[name]) || v[name] < 0; })) {
      throw new Error("every input must be a finite number of zero or more");
    }
    if (v["input-tokens"] + v["output-tokens"] <= 0) throw new Error("a request must have some tokens");
    ["parameters-billions", "bytes-per-parameter", "gpu-memory-gb", "replica-throughput"].forEach(function (name) {
      if (v[name] <= 0) throw new Error(name + " must be above zero");
    });
    if (v["cached-share"] > 100) throw new Error("cached-share must be at most 100 %");
    if (!(v["utilisation"] > 0 && v["utilisation"] <= 100)) {
      throw new Error("utilisation must be above 0 and at most 100 %");
    }
    return v;
  }

  function replicasFor(shape, requests) {
    return Math.max(shape.min_replicas, Math.ceil(requests / shape.capacity));
  }

  function cheapest(monthly) {
    var best = Math.min(monthly.closed, monthly.host, monthly.self);
    return ROUTES.filter(function (route) { return monthly[route] === best; })[0];
  }

  /* See macros/decision/breakeven.py `overtakes`. */
  function overtakes(shape, linear) {
    var p = shape[linear], margin = p * shape.capacity - shape.replica_month, out = [];
    if (p <= 0 || margin <= 0) return {changes: out, complete: true};
    var current = linear, first = Math.max(shape.min_replicas, 1);
    for (var k = first; k < first + MAX_SEGMENTS; k++) {
      var start = k === first ? 0 : (k - 1) * shape.capacity;
      var end = k * shape.capacity;
      var fixed = k * shape.replica_month + shape.ops;
      var state = p * start >= fixed ? "self" : linear;
      if (state !== current) {
        out.push({requests_per_day: start, from: current, to: state});
        current = state;
      }
      if (current === "self") return {changes: out, complete: true};
      var cross = fixed / p;
      if (start < cross && cross < end) {
        out.push({requests_per_day: cross, from: linear, to: "self"});
        current = "self";
      }
    }
    return {changes: out, complete: false};
  }

  /* values: {input id: number}; see macros/decision/breakeven.py `costs` for the formulas. */
  function costs(values, daysPerMonth) {
    var v = checked(values);
    var tokens = v["input-tokens"] + v["output-tokens"];
    var cached = v["cached-share"] / 100;
    function perRequest(route) {
      return (v["input-tokens"] * ((1 - cached) * v[route + "-input-price"] + cached * v[route + "-cached-price"]) +
              v["output-tokens"] * v[route + "-output-price"]) / 1e6;
    }
    var closedPerRequest = perRequest("closed");
    var hostPerRequest = perRequest("host");
    var weightsGb = v["parameters-billions"] * v["bytes-per-parameter"];
    var memoryGb = weightsGb + v["context-memory-gb"];
    var gpusPerReplica = Math.max(1, Math.ceil(memoryGb / v["gpu-memory-gb"]));
    var capacity = v["replica-throughput"] * 86400 * v["utilisation"] / 100 / tokens;
    var replicaMonth = gpusPerReplica * v["gpu-price-per-hour"] * 24 * daysPerMonth;
    var shape = {closed: closedPerRequest * daysPerMonth, host: hostPerRequest * daysPerMonth,
                 capacity: capacity, min_replicas: Math.ceil(v["min-replicas"]), replica_month: replicaMonth,
                 ops: v["ops-cost-per-month"]};
    var requests = v["requests-per-day"], replicas = replicasFor(shape, requests);
    var monthly = {closed: requests * shape.closed, host: requests * shape.host,
                   self: replicas * replicaMonth + v["ops-cost-per-month"]};
    var linear = shape.host <= shape.closed ? "host" : "closed";
    var found = overtakes(shape, linear);
    return {
      monthly: monthly, cheapest: cheapest(monthly), weights_gb: weightsGb, memory_gb: memoryGb,
      gpus_per_replica: gpusPerReplica, capacity_per_replica: capacity, replicas: replicas,
      gpus: replicas * gpusPerReplica, changes: found.changes, complete: found.complete,
      versus: {closed: overtakes(shape, "closed").changes, host: overtakes(shape, "host").changes},
      shape: shape
    };
  }

  /* The chart's series: cost of each route at `count` + 1 volumes from 0 to `top` (see
     macros/decision/breakeven.py `series`). */
  function series(shape, top, count) {
    var out = {volumes: [], closed: [], host: [], self: []};
    for (var i = 0; i <= count; i++) {
      var x = top * i / count;
      out.volumes.push(x);
      out.closed.push(x * shape.closed);
      out.host.push(x * shape.host);
      out.self.push(replicasFor(shape, x) * shape.replica_month + shape.ops);
    }
    return out;
  }

  function chartTop(result, requests) {
    var marks = [requests];
    result.changes.concat(result.versus.closed, result.versus.host).forEach(function (c) {
      marks.push(c.requests_per_day);
    });
    var top = Math.max.apply(null, marks) * 1.5;
    return top > 0 ? niceCeil(top) : 1000;
  }

  function niceCeil(x) {
    var power = 1;
    while (power * 10 <= x) power *= 10;
    while (power > x) power /= 10;
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * power >= x) return steps[i] * power;
    return 10 * power;
  }

  /* --- the shortlist: macros/decision/shortlist.py, the same functions on the same plain data ------ */

  var RUNS_ON = {"gpu-memory-gb": "your-gpus", "input-price": "provider"};

  function weightsGb(parameters, bits) { return parameters * bits / 8 / 1e9; }

  function waysFor(data, option, tied) {
    var chosen = tied && tied.length ? tied : [option];
    var all = data.ways.map(function (w) { return w.id; });
    var found = data.ways.filter(function (w) {
      return chosen.some(function (o) { return (data.option_ways[o] || []).indexOf(w.id) >= 0; });
    }).map(function (w) { return w.id; });
    return found.length ? found : all;
  }

  function every(list, test) { return list.every(test); }
  function within(list, other) { return every(list, function (x) { return other.indexOf(x) >= 0; }); }

  function admits(flt, model, skipHas) {
    if (!flt) return true;
    if (flt.openness.length && flt.openness.indexOf(model.openness) < 0) return false;
    if (!skipHas && !within(flt.has, model.flags)) return false;
    return within(flt.input, model.input) && within(flt.output, model.output);
  }

  function checkedAnswers(data, answers) {
    var byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    Object.keys(answers).forEach(function (id) {
      if (!has(byId, id)) throw new Error("unknown question '" + id + "'");
    });
    var out = [];
    data.questions.forEach(function (q) {
      if (!has(answers, q.id)) return;
      var given = answers[q.id];
      if (q.kind === null) {
        var answer = q.answers.filter(function (a) { return a.id === given; })[0];
        if (!answer) throw new Error("unknown answer '" + given + "' of question '" + q.id + "'");
        out.push([q, answer]);
        return;
      }
      if (typeof given !== "number" || !isFinite(given) || !(q.min <= given && given <= q.max)) {
        throw new Error(q.id + ": not a number in its range");
      }
      out.push([q, given]);
    });
    return out;
  }

  function general(q, given, model) {
    var licensed = model.licensed;
    if (q.kind === null) return admits(given.models, model, !licensed && q.closed_models_pass);
    if (q.kind === "user-count") {
      if (!licensed) return q.closed_models_pass;
      return model.user_terms_known && (model.user_limit === null || given <= model.user_limit);
    }
    if (q.kind === "context-tokens") return model.context !== null && model.context >= given;
    return true;
  }

  function fitOf(data, way, model, bound) {
    if (!admits(way.models, model, false)) return null;
    var bits = null, memory = null;
    for (var i = 0; i < bound.length; i++) {
      var q = bound[i][0], given = bound[i][1];
      if (way.runs_on !== RUNS_ON[q.kind]) continue;
      if (q.kind === "gpu-memory-gb") {
        if (model.parameters === null) return null;
        var fitting = data.bits.filter(function (b) { return weightsGb(model.parameters, b) <= given; });
        if (!fitting.length) return null;
        var best = Math.max.apply(null, fitting);
        bits = bits === null ? best : Math.min(bits, best);
        memory = weightsGb(model.parameters, bits);
      } else if (model.price === null || model.price > given) {
        return null;
      }
    }
    return {id: model.id, way: way.id, bits: bits, memory_gb: memory};
  }

  function compareModels(data, a, b) {
    function nonesLast(x, y, higherFirst) {
      if (x === null || y === null) return x === y ? 0 : (x === null ? 1 : -1);
      if (x === y) return 0;
      return higherFirst ? (x > y ? -1 : 1) : (x < y ? -1 : 1);
    }
    var order = data.openness_order, dev = data.developers;
    var pairs = [[dev[a.developer].transparency, dev[b.developer].transparency, true], [a.price, b.price, false],
                 [order.indexOf(a.openness), order.indexOf(b.openness), true], [a.released, b.released, true],
                 [a.id, b.id, false]];
    for (var i = 0; i < pairs.length; i++) {
      var c = nonesLast(pairs[i][0], pairs[i][1], pairs[i][2]);
      if (c) return c;
    }
    return 0;
  }

  function byDeveloper(fits, facts) {
    var rounds = {};
    var keyed = fits.map(function (f, position) {
      var d = facts[f.id].developer;
      rounds[d] = has(rounds, d) ? rounds[d] + 1 : 0;
      return {round: rounds[d], position: position, fit: f};
    });
    keyed.sort(function (x, y) { return x.round - y.round || x.position - y.position; });
    return keyed.map(function (k) { return k.fit; });
  }

  function fitsOf(data, given, ways) {
    var generalOnes = given.filter(function (g) { return g[0].kind === null || !has(RUNS_ON, g[0].kind); });
    var bound = given.filter(function (g) { return g[0].kind !== null && has(RUNS_ON, g[0].kind); });
    var out = [];
    data.models.forEach(function (model) {
      if (data.leave_out.some(function (f) { return model.flags.indexOf(f) >= 0; })) return;
      if (!generalOnes.every(function (g) { return general(g[0], g[1], model); })) return;
      for (var i = 0; i < ways.length; i++) {
        var fit = fitOf(data, ways[i], model, bound);
        if (fit !== null) { out.push(fit); break; }
      }
    });
    return out;
  }

  function intersection(sets) {
    return sets.reduce(function (acc, set) { return acc.filter(function (x) { return set.indexOf(x) >= 0; }); });
  }

  function catalogueQuery(data, given, ways, applied) {
    var order = data.openness_order, allowed = order.slice();
    if (ways.every(function (w) { return w.models && w.models.openness.length; })) {
      allowed = order.filter(function (o) { return ways.some(function (w) { return w.models.openness.indexOf(o) >= 0; }); });
    }
    var hasFlags = intersection(ways.map(function (w) { return w.models ? w.models.has.slice() : []; }));
    var modality = intersection(ways.map(function (w) {
      return w.models ? w.models.input.concat(w.models.output) : [];
    }));
    var admitsClosed = ways.some(function (w) {
      return !w.models || ((!w.models.openness.length || w.models.openness.indexOf("closed") >= 0) &&
                           w.models.has.indexOf("self-host") < 0);
    });
    var context = null, price = null, unfiltered = [];
    given.forEach(function (g) {
      var q = g[0], a = g[1];
      if (q.kind === null) {
        var flt = a.models;
        if (!flt) return;
        if (flt.openness.length) allowed = allowed.filter(function (o) { return flt.openness.indexOf(o) >= 0; });
        if (q.closed_models_pass && admitsClosed && flt.has.length) unfiltered.push(q.id);
        else hasFlags = hasFlags.concat(flt.has);
        modality = modality.concat(flt.input, flt.output);
      } else if (q.kind === "context-tokens") {
        context = context === null ? a : Math.max(context, a);
      } else if (q.kind === "input-price" && applied.indexOf(q.id) >= 0 &&
                 ways.every(function (w) { return w.runs_on === "provider"; })) {
        price = price === null ? a : Math.min(price, a);
      } else if (applied.indexOf(q.id) >= 0) {
        unfiltered.push(q.id);
      }
    });
    var narrowed = allowed.length && allowed.length !== order.length;
    return [{openness: narrowed ? order.filter(function (o) { return allowed.indexOf(o) >= 0; }) : [],
             has: data.flags.filter(function (f) { return hasFlags.indexOf(f) >= 0; }),
             modality: data.modalities.filter(function (m) { return modality.indexOf(m) >= 0; }),
             context: context, price: price, sort: "transparency", dir: "desc"}, unfiltered];
  }

  /* answers: {question id: answer id, or a number}; ways: way ids (waysFor). The same result as
     macros/decision/shortlist.py `shortlist`: {models: [{id, way, bits, memory_gb}], total,
     not_applied, catalogue, unfiltered, without}. Throws on an unknown question or answer, or a number
     out of its question's range. */
  function shortlist(data, answers, ways) {
    var given = checkedAnswers(data, answers);
    var chosen = data.ways.length ? data.ways.filter(function (w) { return ways.indexOf(w.id) >= 0; }) :
      [{id: null, models: null, runs_on: null}];
    var applied = given.filter(function (g) {
      return !has(RUNS_ON, g[0].kind) || chosen.some(function (w) { return w.runs_on === RUNS_ON[g[0].kind]; });
    }).map(function (g) { return g[0].id; });
    var fits = fitsOf(data, given, chosen), facts = {};
    data.models.forEach(function (m) { facts[m.id] = m; });
    fits = fits.map(function (f, i) { return {fit: f, i: i}; }).sort(function (x, y) {
      return compareModels(data, facts[x.fit.id], facts[y.fit.id]) || x.i - y.i;
    }).map(function (x) { return x.fit; });
    var ranked = byDeveloper(fits, facts);
    var query = catalogueQuery(data, given, chosen, applied);
    var without = {};
    if (!fits.length) {
      given.forEach(function (g) {
        without[g[0].id] = fitsOf(data, given.filter(function (o) { return o !== g; }), chosen).length;
      });
    }
    return {models: ranked, total: fits.length,
            not_applied: given.filter(function (g) { return applied.indexOf(g[0].id) < 0; })
              .map(function (g) { return g[0].id; }),
            catalogue: query[0], unfiltered: query[1], without: without};
  }

  root.OVC = {evaluate: evaluate, costs: costs, series: series, chartTop: chartTop, niceCeil: niceCeil,
              shortlist: shortlist, waysFor: waysFor, weightsGb: weightsGb,
              INPUTS: INPUTS, ROUTES: ROUTES};
})(typeof window !== "undefined" ? window : this);
