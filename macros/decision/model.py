"""The decision model as plain functions: evaluate answers to the criteria, and walk a tree's paths.
No I/O and no MkDocs: the guide, the flowchart checks, the cheat-sheet checks, the helper page and
the tests all call these; javascripts/decision.js is the same logic for the browser, and
tests/test_decision.py runs both on shared vectors.

How the model reads data/criteria.yml: the criteria are asked in file order and unanswered ones are
skipped. Each answer has an effect. `decide` ends the walk with its option. `lean` makes its option the
provisional answer and goes on. `note` adds its reason and goes on. When no answer decides, the last
lean wins, or the file's `fallback` option when nothing leaned.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from ..models import CriteriaFile


class Step(NamedTuple):
    """One question the model asked, the reader's answer and what that answer did."""
    criterion: str
    answer: str
    effect: str  # decide | lean | note
    option: str | None
    reason: str


class Result(NamedTuple):
    option: str
    path: tuple[Step, ...]
    reasons: tuple[str, ...]


def evaluate(answers: Mapping[str, str], model: CriteriaFile) -> Result:
    """(option, path, reasons) for `answers` ({criterion id: answer id}; unanswered criteria left out).

    `model` is data/criteria.yml as loaded by data.load_site. Raises ValueError for a criterion or
    answer the model does not know.
    """
    criteria = {c.id: c for c in model.criteria}
    for criterion, answer in answers.items():
        if criterion not in criteria:
            raise ValueError(f"unknown criterion '{criterion}'")
        if answer not in {a.id for a in criteria[criterion].answers}:
            raise ValueError(f"unknown answer '{answer}' of criterion '{criterion}'")
    option, path = model.fallback, []
    for criterion in model.criteria:
        if criterion.id not in answers:
            continue
        answer = next(a for a in criterion.answers if a.id == answers[criterion.id])
        path.append(Step(criterion.id, answer.id, answer.effect, answer.option, answer.reason))
        if answer.effect in ("decide", "lean"):
            option = answer.option
        if answer.effect == "decide":
            break
    return Result(option, tuple(path), tuple(step.reason for step in path))


def guide(model: CriteriaFile) -> list:
    """The criteria that are steps of the step-by-step guide, in step order."""
    return sorted((c for c in model.criteria if c.guide), key=lambda c: c.guide.step)


def model_json(model: CriteriaFile) -> dict:
    """The part of the model the browser needs to evaluate answers (see javascripts/decision.js)."""
    return {
        "fallback": model.fallback,
        "criteria": [{"id": c.id, "answers": [
            {"id": a.id, "effect": a.effect, "option": a.option, "reason": a.reason}
            for a in c.answers]} for c in model.criteria],
    }


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
