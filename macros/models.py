"""Typed models of every data file: the one schema used by the loader, the tests and (as generated
JSON Schema in data/schema/) by editors. Cross-record rules (references, trees) live in checks.py.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=KEBAB, max_length=80),
               Field(description="Stable kebab-case id: lowercase letters, digits and hyphens.")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                 Field(description="Plain text (no Markdown, no HTML); shown exactly as written.")]
Reviewed = Annotated[dt.date, Field(description="Date (YYYY-MM-DD) someone last checked this record "
                                                "against its sources.")]
SourceIds = Annotated[list[Id], Field(min_length=1, description="Ids from sources.yml that state this.")]

Side = Literal["open", "closed", "depends"]
Tone = Literal["green", "orange", "blue", "grey", "purple", "teal", "yellow", "pink"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(Strict):
    id: Id
    sources: SourceIds
    reviewed: Reviewed


class Source(Strict):
    """A published article the facts come from."""
    id: Id
    title: Text
    publisher: Text | None = None
    seed: Text | None = Field(default=None, description="File name of the article's copy under "
                                                        "shared/seeds/; absent for the editors' own "
                                                        "illustrative figures.")
    summary: Text
    reviewed: Reviewed


class Category(Record):
    """A group of comparison dimensions."""
    name: Text
    description: Text


class Dimension(Record):
    """One row of the comparison: how open-weight and closed models differ on one aspect."""
    name: Text
    category: Id = Field(description="Id from categories.yml.")
    open: Text = Field(description="What the open-weight side looks like.")
    closed: Text = Field(description="What the closed side looks like.")
    favors: Side = Field(description="Which side a typical team is better off with here.")
    detail: Text = Field(description="Nuance: when the answer flips.")


class Option(Record):
    """A recommendation the decision model may give; the only words a recommendation may use."""
    name: Text
    side: Literal["open", "closed", "mixed", "any"] = Field(description="Which kind of model it uses.")
    tone: Tone = Field(description="Colour of this outcome in diagrams.")
    summary: Text


class Answer(Strict):
    id: Id
    label: Text = Field(description="The answer as a reader picks it.")
    short: Text = Field(description="Edge label in the flowchart, e.g. Yes / No.")
    effect: Literal["decide", "lean", "note"] = Field(
        description="decide: the model stops with `option`; lean: `option` becomes the provisional "
                    "answer and the model asks on; note: only the reason is added.")
    option: Id | None = Field(default=None, description="Id from options.yml; required for decide "
                                                        "and lean, absent for note.")
    also: list[Id] = Field(default_factory=list,
                           description="Option ids that serve equally well (shown as alternatives).")
    reason: Text = Field(description="Why this answer points where it does, in one or two sentences.")


class GuideStep(Strict):
    step: int = Field(ge=1, description="Position in the step-by-step guide, from 1.")
    title: Text = Field(description="The step's heading, e.g. What data is involved?")


class Criterion(Record):
    """A question the decision model asks, with its closed set of answers."""
    name: Text
    question: Text
    short: Text = Field(description="The question as a flowchart node label.")
    answers: list[Answer] = Field(min_length=2)
    guide: GuideStep | None = Field(default=None, description="Set when the criterion is a step "
                                                              "of the step-by-step guide.")


class Branch(Strict):
    answer: Id = Field(description="Id of one answer of the node's criterion.")
    next: Id = Field(description="Id of another node of this tree, or of an option (a leaf).")


class Node(Strict):
    id: Id
    criterion: Id = Field(description="Id from criteria.yml.")
    branches: list[Branch] = Field(min_length=2)


class Tree(Record):
    """A decision tree drawn as a flowchart; its leaves are options."""
    title: Text
    entry: Text = Field(description="Label of the start box, e.g. Incoming task.")
    root: Id = Field(description="Id of the first node.")
    nodes: list[Node] = Field(min_length=1)


class CheatRow(Record):
    """A typical situation and the option it calls for."""
    situation: Text
    when: dict[Id, Id] = Field(min_length=1, description="Criterion id -> answer id that define the "
                                                         "situation; the model must recommend the "
                                                         "first option for exactly these answers.")
    recommend: list[Id] = Field(min_length=1, description="Option ids, best first.")
    note: Text


class Family(Record):
    """A model family the sources name, as an example of one side."""
    name: Text
    vendor: Text
    openness: Literal["closed", "open-weight"]
    modalities: list[Literal["text", "image"]] = Field(min_length=1)
    access: list[Id] = Field(min_length=1, description="Ids from access_routes.yml.")
    note: Text
    as_of: dt.date = Field(description="Date the statement describes; models change fast.")


class Command(Strict):
    command: Text
    does: Text


class AccessRoute(Record):
    """One way to reach a model: chat, automation tool, SDK, local runner, API host, ..."""
    name: Text
    side: Literal["open", "closed"]
    summary: Text
    best_for: Text
    requires: Text
    steps: list[Text] = Field(default_factory=list)
    commands: list[Command] = Field(default_factory=list)
    examples: list[Text] = Field(default_factory=list)
    option: Id | None = Field(default=None, description="Id from options.yml this route realises.")


class Route(Strict):
    task: Text
    option: Id = Field(description="Id from options.yml.")
    family: Id | None = Field(default=None, description="Id from families.yml.")
    why: Text


class UseCase(Record):
    """A worked example: who, what they need, and which option serves each task."""
    title: Text
    scenario: Text
    routes: list[Route] = Field(min_length=1)


class Question(Record):
    """A question a reader asks, answered from the sources."""
    question: Text
    answer: Text


class Term(Record):
    """A glossary term; shown as a tooltip wherever the term or an alias appears in page text."""
    term: Text
    aliases: list[Text] = Field(default_factory=list)
    definition: Text


class OpenPart(Record):
    """A part of a model that may be released openly."""
    name: Text
    description: Text
    how_common: Literal["common", "varies", "rare"]
    examples: list[Text] = Field(default_factory=list)


class Reason(Record):
    """A reason teams pick one side, or a situation where that side is the better choice."""
    side: Literal["open", "closed"]
    kind: Literal["reason", "better-when"]
    title: Text
    text: Text


class Trend(Record):
    """A shift in the landscape and what it means for the choice."""
    title: Text
    text: Text
    implication: Text


class CalculatorInput(Record):
    """One input of the break-even calculator, with its illustrative default."""
    label: Text
    group: Literal["workload", "api", "self-hosted"]
    unit: Text = Field(description="Shown after the field, e.g. requests, USD, %.")
    default: float = Field(ge=0)
    min: float = Field(ge=0)
    max: float | None = None
    step: float = Field(gt=0)
    help: Text
    basis: Text = Field(description="Where the default comes from; defaults are illustrative.")
    as_of: dt.date = Field(description="Date the default describes.")


class CalculatorFile(Strict):
    calculator: list[CalculatorInput] = Field(min_length=1)
    days_per_month: float = Field(gt=27, lt=32, description="Average days in a month (365 / 12).")
    currency: Text = Field(description="Currency of every price, e.g. USD.")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


class CategoriesFile(Strict):
    categories: list[Category] = Field(min_length=1)


class DimensionsFile(Strict):
    dimensions: list[Dimension] = Field(min_length=1)


class OptionsFile(Strict):
    options: list[Option] = Field(min_length=1)


class CriteriaFile(Strict):
    criteria: list[Criterion] = Field(min_length=1, description="Asked in this order: the first "
                                                               "answer that decides wins.")
    fallback: Id = Field(description="Option id recommended when no answer decides or leans.")


class TreesFile(Strict):
    trees: list[Tree] = Field(min_length=1)


class CheatsheetFile(Strict):
    cheatsheet: list[CheatRow] = Field(min_length=1)


class FamiliesFile(Strict):
    families: list[Family] = Field(min_length=1)


class AccessRoutesFile(Strict):
    access_routes: list[AccessRoute] = Field(min_length=1)


class UseCasesFile(Strict):
    use_cases: list[UseCase] = Field(min_length=1)


class FaqFile(Strict):
    faq: list[Question] = Field(min_length=1)


class GlossaryFile(Strict):
    glossary: list[Term] = Field(min_length=1)


class OpenPartsFile(Strict):
    open_parts: list[OpenPart] = Field(min_length=1)


class ReasonsFile(Strict):
    reasons: list[Reason] = Field(min_length=1)


class TrendsFile(Strict):
    trends: list[Trend] = Field(min_length=1)


# data/<name>.yml -> its model; the top-level key of each file is its name.
FILES: dict[str, type[Strict]] = {
    "sources": SourcesFile,
    "categories": CategoriesFile,
    "dimensions": DimensionsFile,
    "options": OptionsFile,
    "criteria": CriteriaFile,
    "trees": TreesFile,
    "cheatsheet": CheatsheetFile,
    "families": FamiliesFile,
    "access_routes": AccessRoutesFile,
    "use_cases": UseCasesFile,
    "faq": FaqFile,
    "glossary": GlossaryFile,
    "open_parts": OpenPartsFile,
    "reasons": ReasonsFile,
    "trends": TrendsFile,
    "calculator": CalculatorFile,
}
