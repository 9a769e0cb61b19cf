"""The decision model as plain functions: evaluate answers against the options' properties, and walk a
tree's paths. No I/O and no MkDocs: the guide, the flowchart checks, the cheat-sheet checks, the helper
page and the tests all call these; javascripts/decision.js is the same logic for the browser, and
tests/test_decision.py runs both on every combination of answers.

How the model reads data/options.yml and data/criteria.yml:

- Each option `has` a value of each property (where the data goes, who operates it, ...); an option
  that can be set up several ways lists several. Options without `has` are never ranked.
- Each answer may `require` values: an option is ruled out unless, for every property named, it can
  take one of the values listed (hard constraints).
- Each answer may `prefer` values, best first: of n values listed, an option whose value is first
  earns n points, the second n-1, ... (an option with several values earns the least of them: it is
  only as good as its weakest set-up). The score is the sum over every answer given.
- The best option is the highest-scoring option no answer rules out; options tied on the score go in
  file order. If the tied options are on different sides (open and closed), the tie is the result:
  the file's `fallback` option, naming the tied options. The runner-up is the next option in the
  ranking.
- A conflict: an answer that on its own points to an option another answer rules out. Each is named,
  with the options that satisfy both answers.
Every answer given is in the result's path, with its part: what it ruled out and what it favoured.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from ..models import CriteriaFile, OptionsFile


class Step(NamedTuple):
    """One question the reader answered, the answer and its part in the result."""
    criterion: str
    answer: str
    rules_out: tuple[str, ...]   # candidate options its requirements exclude
    favours: tuple[str, ...]     # candidate options its preferences give the most points
    met: bool                    # the result satisfies its requirements and earns its top points
    reason: str


class Conflict(NamedTuple):
    """Two answers that pull apart: `first` alone points to `option`, which `second` rules out."""
    first: tuple[str, str]       # (criterion, answer)
    second: tuple[str, str]
    option: str
    properties: tuple[str, ...]  # the properties of `option` that `second` requires otherwise
    resolved_by: tuple[str, ...]  # options satisfying both answers' requirements, best first


class Result(NamedTuple):
    option: str
    path: tuple[Step, ...]
    reasons: tuple[str, ...]
    runner_up: str | None
    tied: tuple[str, ...]        # the options tied at the top when the result is the fallback
    ranking: tuple[tuple[str, int], ...]  # (option, score) of every option not ruled out, best first
    conflicts: tuple[Conflict, ...]


def model_json(criteria: CriteriaFile, options: OptionsFile) -> dict:
    """The model as plain data: what `evaluate` reads, and what javascripts/decision.js reads."""
    return {
        "fallback": criteria.fallback,
        "options": [{"id": o.id, "side": o.side, "has": {k: list(v) for k, v in o.has.items()}}
                    for o in options.options],
        "criteria": [{"id": c.id, "answers": [
            {"id": a.id, "requires": {k: list(v) for k, v in a.requires.items()},
             "prefers": {k: list(v) for k, v in a.prefers.items()}, "reason": a.reason}
            for a in c.answers]} for c in criteria.criteria],
    }


def _allows(option: dict, requires: Mapping[str, list]) -> bool:
    return all(any(v in allowed for v in option["has"].get(prop, ())) for prop, allowed in requires.items())


def _violated(option: dict, requires: Mapping[str, list]) -> tuple[str, ...]:
    return tuple(prop for prop, allowed in requires.items()
                 if not any(v in allowed for v in option["has"].get(prop, ())))


def _points(option: dict, prefers: Mapping[str, list]) -> int:
    total = 0
    for prop, ranked in prefers.items():
        values = option["has"].get(prop, ())
        total += min((len(ranked) - ranked.index(v) if v in ranked else 0) for v in values) if values else 0
    return total


def _rank(model: dict, given: list[dict]) -> tuple[str, list[tuple[str, int]], tuple[str, ...]]:
    """(result option, ranking, tied) for the chosen answer records `given`."""
    candidates = [o for o in model["options"] if o["has"]]
    feasible = [o for o in candidates if all(_allows(o, a["requires"]) for a in given)]
    scored = [(o, sum(_points(o, a["prefers"]) for a in given)) for o in feasible]
    scored.sort(key=lambda pair: -pair[1])  # stable: ties keep file order
    ranking = [(o["id"], score) for o, score in scored]
    if not scored:
        return model["fallback"], ranking, ()
    top = [o for o, score in scored if score == scored[0][1]]
    if len({o["side"] for o in top}) > 1:
        return model["fallback"], ranking, tuple(o["id"] for o in top)
    return top[0]["id"], ranking, ()


def _check(model: dict, answers: Mapping[str, str]) -> dict:
    criteria = {c["id"]: c for c in model["criteria"]}
    for criterion, answer in answers.items():
        if criterion not in criteria:
            raise ValueError(f"unknown criterion '{criterion}'")
        if answer not in {a["id"] for a in criteria[criterion]["answers"]}:
            raise ValueError(f"unknown answer '{answer}' of criterion '{criterion}'")
    return criteria


def run(model: dict, answers: Mapping[str, str]) -> Result:
    """`evaluate` on the model as plain data (model_json's shape)."""
    _check(model, answers)
    given = [(c, next(a for a in c["answers"] if a["id"] == answers[c["id"]]))
             for c in model["criteria"] if c["id"] in answers]
    option, ranking, tied = _rank(model, [a for _, a in given])
    by_id = {o["id"]: o for o in model["options"]}
    candidates = [o for o in model["options"] if o["has"]]
    chosen = [by_id[o] for o in tied] if tied else [by_id[option]] if by_id[option]["has"] else []
    path = []
    for criterion, answer in given:
        rules_out = tuple(o["id"] for o in candidates if not _allows(o, answer["requires"]))
        points = {o["id"]: _points(o, answer["prefers"]) for o in candidates}
        best = max(points.values(), default=0)
        favours = tuple(o for o, p in points.items() if p == best and best > 0)
        met = bool(chosen) and all(_allows(o, answer["requires"]) and
                                   (not favours or points[o["id"]] == best) for o in chosen)
        path.append(Step(criterion["id"], answer["id"], rules_out, favours, met, answer["reason"]))
    conflicts = []
    alone = {c["id"]: _rank(model, [a]) for c, a in given}
    for first_c, first_a in given:
        own, _, own_tied = alone[first_c["id"]]
        pointed = [by_id[o] for o in own_tied] if own_tied else [by_id[own]] if by_id[own]["has"] else []
        for second_c, second_a in given:
            if second_c is first_c or not pointed:
                continue
            if all(not _allows(o, second_a["requires"]) for o in pointed):
                both = _rank(model, [first_a, second_a])[1]
                conflicts.append(Conflict((first_c["id"], first_a["id"]), (second_c["id"], second_a["id"]),
                                          pointed[0]["id"], _violated(pointed[0], second_a["requires"]),
                                          tuple(o for o, _ in both)))
    runner_up = next((o for o, _ in ranking if o != option and o not in tied), None)
    return Result(option, tuple(path), tuple(step.reason for step in path), runner_up, tied,
                  tuple(ranking), tuple(conflicts))


def evaluate(answers: Mapping[str, str], criteria: CriteriaFile, options: OptionsFile) -> Result:
    """The result for `answers` ({criterion id: answer id}; unanswered criteria left out).

    `criteria` and `options` are data/criteria.yml and data/options.yml as loaded by data.load_site.
    Raises ValueError for a criterion or answer the model does not know.
    """
    key = (id(criteria), id(options))
    entry = _MODELS.get(key)
    if entry is None or entry[0] is not criteria or entry[1] is not options:
        _MODELS.clear()  # one model at a time: the site's (the files are read-only structs)
        _MODELS[key] = (criteria, options, model_json(criteria, options))
    return run(_MODELS[key][2], answers)


_MODELS: dict = {}


PARTS = ("requires", "prefers", "both", "none")


def part(answer) -> str:
    """What an answer does in the model: one of PARTS."""
    if answer.requires and answer.prefers:
        return "both"
    return "requires" if answer.requires else "prefers" if answer.prefers else "none"


def guide(model: CriteriaFile) -> list:
    """The criteria that are steps of the step-by-step guide, in step order."""
    return sorted((c for c in model.criteria if c.guide), key=lambda c: c.guide.step)


def tree_paths(tree) -> Iterator[tuple[list[tuple[int, int]], dict[str, str], str]]:
    """Every root-to-leaf path of a well-formed tree: ([(node index, branch index)], answers, option)."""
    index_of = {n.id: i for i, n in enumerate(tree.nodes)}

    def walk(node_id, trail, answers):
        node = tree.nodes[index_of[node_id]]
        for b_index, branch in enumerate(node.branches):
            step = [*trail, (index_of[node_id], b_index)]
            chosen = {**answers, node.criterion: branch.answer}
            if branch.next in index_of:
                yield from walk(branch.next, step, chosen)
            else:
                yield step, chosen, branch.next

    yield from walk(tree.root, [], {})
