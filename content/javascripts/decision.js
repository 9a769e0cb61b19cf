/* The decision model and the break-even formula for the browser: the same logic as
   macros/decision/ (run, break_even), checked against it on shared test vectors by
   tests/test_decision.py. Pure functions, no DOM; tools.js wires them to the pages. */
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
                "host-input-price", "host-output-price",
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
    var closedPerRequest = (v["input-tokens"] * ((1 - cached) * v["closed-input-price"] + cached * v["closed-cached-price"]) +
                            v["output-tokens"] * v["closed-output-price"]) / 1e6;
    var hostPerRequest = (v["input-tokens"] * v["host-input-price"] + v["output-tokens"] * v["host-output-price"]) / 1e6;
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

  root.OVC = {evaluate: evaluate, costs: costs, series: series, chartTop: chartTop, niceCeil: niceCeil,
              INPUTS: INPUTS, ROUTES: ROUTES};
})(typeof window !== "undefined" ? window : this);
