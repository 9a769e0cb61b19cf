/* The decision model and the break-even formula for the browser: the same logic as
   macros/decision/ (evaluate, break_even), checked against it on shared test vectors by
   tests/test_decision.py. Pure functions, no DOM; tools.js wires them to the pages. */
(function (root) {
  "use strict";

  /* answers: {criterion id: answer id}; returns {option, path: [{criterion, answer, effect, option,
     reason}], reasons: [...]}. Throws on an unknown criterion or answer. */
  function evaluate(model, answers) {
    var byId = {};
    model.criteria.forEach(function (c) { byId[c.id] = c; });
    Object.keys(answers).forEach(function (criterion) {
      if (!Object.prototype.hasOwnProperty.call(byId, criterion)) {
        throw new Error("unknown criterion '" + criterion + "'");
      }
      if (!byId[criterion].answers.some(function (a) { return a.id === answers[criterion]; })) {
        throw new Error("unknown answer '" + answers[criterion] + "' of criterion '" + criterion + "'");
      }
    });
    var option = model.fallback, path = [];
    for (var i = 0; i < model.criteria.length; i++) {
      var criterion = model.criteria[i];
      if (!Object.prototype.hasOwnProperty.call(answers, criterion.id)) continue;
      var answer = criterion.answers.filter(function (a) { return a.id === answers[criterion.id]; })[0];
      path.push({criterion: criterion.id, answer: answer.id, effect: answer.effect,
                 option: answer.option, reason: answer.reason});
      if (answer.effect === "decide" || answer.effect === "lean") option = answer.option;
      if (answer.effect === "decide") break;
    }
    return {option: option, path: path, reasons: path.map(function (s) { return s.reason; })};
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
