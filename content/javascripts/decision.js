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

  var INPUTS = ["requests-per-day", "tokens-per-request", "api-price-per-million",
                "gpu-price-per-hour", "gpu-throughput", "utilisation", "min-gpus",
                "ops-cost-per-month"];

  /* values: {input id: number}; see macros/decision/breakeven.py for the formula. */
  function breakEven(values, daysPerMonth) {
    var missing = INPUTS.filter(function (name) { return !(name in values); });
    if (missing.length) throw new Error("missing input(s): " + missing.join(", "));
    var v = {};
    INPUTS.forEach(function (name) { v[name] = Number(values[name]); });
    if (INPUTS.some(function (name) { return !isFinite(v[name]) || v[name] < 0; })) {
      throw new Error("every input must be a finite number of zero or more");
    }
    if (v["tokens-per-request"] <= 0 || v["gpu-throughput"] <= 0) {
      throw new Error("tokens per request and GPU throughput must be above zero");
    }
    if (!(v["utilisation"] > 0 && v["utilisation"] <= 100)) {
      throw new Error("utilisation must be above 0 and at most 100 %");
    }
    var hours = 24 * daysPerMonth;
    var apiPerRequestDay = v["tokens-per-request"] * daysPerMonth * v["api-price-per-million"] / 1e6;
    var gpuMonth = v["gpu-price-per-hour"] * hours;
    var capacity = v["gpu-throughput"] * 86400 * v["utilisation"] / 100 / v["tokens-per-request"];
    var minGpus = Math.ceil(v["min-gpus"]);
    var gpus = Math.max(minGpus, Math.ceil(v["requests-per-day"] / capacity));
    var api = v["requests-per-day"] * apiPerRequestDay;
    var selfHosted = gpus * gpuMonth + v["ops-cost-per-month"];
    var margin = apiPerRequestDay * capacity - gpuMonth;
    var volume = null, atGpus = null;
    if (apiPerRequestDay > 0 && margin > 0) {
      atGpus = Math.max(minGpus, 1, Math.ceil(v["ops-cost-per-month"] / margin));
      volume = (atGpus * gpuMonth + v["ops-cost-per-month"]) / apiPerRequestDay;
    }
    return {
      api_monthly: api,
      self_hosted_monthly: selfHosted,
      gpus: gpus,
      capacity_per_gpu: capacity,
      break_even_requests_per_day: volume,
      break_even_gpus: atGpus,
      cheaper: api < selfHosted ? "api" : selfHosted < api ? "self-hosted" : "equal"
    };
  }

  root.OVC = {evaluate: evaluate, breakEven: breakEven, INPUTS: INPUTS};
})(typeof window !== "undefined" ? window : this);
