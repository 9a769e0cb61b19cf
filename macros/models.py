"""The shared vocabulary of every stage: typed models of every data file, and `Site`, all of them
validated together. The one schema used by the loader, the tests and (as generated JSON Schema in
data/schema/) by editors. Cross-record rules (references, trees) live in data/checks.py.

The models are msgspec Structs: msgspec imports and builds them in a few milliseconds, which matters
because every build starts a fresh process. data/validate.py turns a failed conversion into
editor-facing lines.
"""

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

# `$(?!\n)`: Python's `$` also matches before a final newline, which would let "data-privacy\n" in;
# JSON Schema's (ECMAScript) `$` does not, and the look-ahead changes nothing there.
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$(?!\n)"

Id = Annotated[str, Meta(pattern=KEBAB, max_length=80,
                         description="Stable kebab-case id: lowercase letters, digits and hyphens.")]
# Free text: Strict strips the whitespace around it; the pattern wants something left.
# Free text may not hold characters that are invisible or that change how text reads: C0 and C1
# controls (tab, line feed, carriage return and NEL excepted), text-direction controls, the byte-order
# mark, non-characters and lone surrogates (half a character, from an escape such as "\ud800").
# Written as regex escapes, so that Python (msgspec) and ECMAScript (editors reading the JSON
# Schema) read the same class.
FORBIDDEN = (r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f"
             r"\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff")
# Whitespace, spelt out: Python's \s and ECMAScript's \s differ (U+001C..U+001F, U+FEFF).
_SPACE = r"\t\n\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Where a link in prose may lead: a web address, or a page of the site by its source file from the
# docs root, with an optional anchor (faq.md#open-vs-closed-difference).
LINK_TARGET = r"(?:https?://[^\s()<>\"|\[\]]+|(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9_-]+)?)"
# A link, written as in Markdown: [label](target).
LINK = rf"\[([^\[\]\n]+)\]\(({LINK_TARGET})\)"
# Something visible, and nothing forbidden.
_TEXT_BODY = rf"(?=[\s\S]*[^{_SPACE}])[^{FORBIDDEN}]*$"
# Plain text holds no link ("](" nowhere); prose may hold links, each to a target allowed above.
TEXT_PATTERN = rf"^(?![\s\S]*\]\(){_TEXT_BODY}"
PROSE_PATTERN = rf"^(?![\s\S]*\]\((?!{LINK_TARGET}\))){_TEXT_BODY}"
# Line breaks of other systems and of Unicode, as the one line break text keeps.
LINE_BREAKS = re.compile(r"\r\n?|[\u0085\u2028\u2029]")
TEXT = Meta(min_length=1, max_length=2000, pattern=TEXT_PATTERN,
            description="Plain text (no Markdown, no HTML); shown exactly as written.")
Text = Annotated[str, TEXT]
# Prose: text a page shows as a sentence or a paragraph, which may link to a web address or to a page
# of the site: [label](https://...) or [label](page.md#anchor).
Prose = Annotated[str, Meta(min_length=1, max_length=2000, pattern=PROSE_PATTERN,
                            description="Plain text (no Markdown, no HTML), shown exactly as written, except "
                                        "links: [label](https://...) or [label](page.md#anchor).")]
# A label in a diagram box or on an arrow: short, or the drawing becomes unreadable (and mermaid
# refuses a diagram source over 50,000 characters).
Label = Annotated[str, Meta(min_length=1, max_length=80, pattern=TEXT_PATTERN,
                            description="Plain text of at most 80 characters; shown exactly as written.")]
# The largest amount, price or count a number in data/ may state: beyond it a value is a mistake, and
# would overflow the arithmetic that uses it (and JSON has no infinity).
MAX_NUMBER = 1e12
Reviewed = Annotated[dt.date, Meta(description="Date (YYYY-MM-DD) someone last checked this record "
                                               "against its sources.")]
SourceIds = Annotated[list[Id], Meta(min_length=1, description="Ids from sources.yml that state this.")]

Side = Literal["open", "closed", "depends"]
Tone = Literal["green", "orange", "blue", "grey", "purple", "teal", "yellow", "pink"]


def is_text_meta(meta) -> bool:
    """Is this the constraint of free text (`Text`, `Label`, `Prose`)?"""
    return getattr(meta, "pattern", None) in (TEXT_PATTERN, PROSE_PATTERN)


def is_prose_meta(meta) -> bool:
    """Is this the constraint of prose, which may hold links?"""
    return getattr(meta, "pattern", None) == PROSE_PATTERN


def _is_text(annotation, meta=is_text_meta) -> bool:
    """Is this annotation free text (`Text`, `Label`, `Prose`, possibly with its own description)?"""
    return typing.get_origin(annotation) is Annotated and any(map(meta, annotation.__metadata__))


@cache
def text_fields(model: type, meta=is_text_meta) -> tuple[tuple[str, bool], ...]:
    """(name, is a list) of each free-text field of `model` (text, optional text or list of texts);
    with `meta=is_prose_meta`, of each prose field."""
    found = []
    for field in msgspec.structs.fields(model):
        kind = field.type
        if not _is_text(kind, meta) and typing.get_origin(kind) is Annotated:
            kind = kind.__origin__  # a described optional or list: look inside
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if _is_text(kind, meta) or (typing.get_origin(kind) in (typing.Union, types.UnionType)
                                    and _is_text(args[0], meta)):
            found.append((field.name, False))
        elif typing.get_origin(kind) is list and _is_text(args[0], meta):
            found.append((field.name, True))
    return tuple(found)


def prose_fields(model: type) -> tuple[tuple[str, bool], ...]:
    return text_fields(model, is_prose_meta)


class Strict(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A record or part of one: read-only; a key the model does not name is an error."""

    def __post_init__(self) -> None:
        # Text is shown as written, minus the whitespace around it (a `>` block ends in a newline), with
        # every kind of line break as "\n".
        for name, in_list in text_fields(type(self)):
            value = getattr(self, name)
            if in_list:
                msgspec.structs.force_setattr(self, name, [_clean(item) for item in value])
            elif value is not None:
                msgspec.structs.force_setattr(self, name, _clean(value))


def _clean(text: str) -> str:
    return LINE_BREAKS.sub("\n", text).strip()


class Record(Strict, kw_only=True):
    id: Id
    sources: SourceIds
    reviewed: Reviewed


URL_PATTERN = r"^https?://[^\s<>\"|\[\]()]+$(?!\n)"
Url = Annotated[str, Meta(pattern=URL_PATTERN, max_length=500,
                          description="A web address, https://... (or http://...).")]


SourceKind = Literal["background-article", "law", "regulator", "licence", "provider", "dataset", "paper",
                     "software", "estimate"]


class Source(Strict, kw_only=True):
    """A published work the facts come from: an article, a licence text, a law, a dataset, a
    provider's page."""
    id: Id
    kind: Annotated[SourceKind, Meta(description=(
        "What it is: one of the background articles the site began from; a law or a regulator's guidance; "
        "a licence text; a provider's own page; a dataset; a paper; a project's own documentation "
        "(software); or the editors' illustrative estimate. Decision rules, licence terms and regulation "
        "statements must cite at least one source that is neither a background article nor an estimate."))]
    title: Text
    url: Annotated[Url | None, Meta(description="Where a reader can check it.")] = None
    publisher: Text | None = None
    author: Annotated[Text | None, Meta(description="Who wrote it, where known.")] = None
    published: Annotated[dt.date | None, Meta(
        description="When it was published or last updated (YYYY-MM-DD), where known.")] = None
    seed: Annotated[Text | None, Meta(
        description="File name of the article's copy under shared/seeds/; absent for the editors' own "
                    "illustrative figures.")] = None
    summary: Prose
    note: Annotated[Prose | None, Meta(
        description="What a reader should know about the source itself: how it was read, what is "
                    "unknown of it.")] = None
    reviewed: Reviewed


class Category(Record, kw_only=True):
    """A group of comparison dimensions."""
    name: Text
    description: Prose


class Dimension(Record, kw_only=True):
    """One row of the comparison: how open-weight and closed models differ on one aspect."""
    name: Text
    category: Annotated[Id, Meta(description="Id from categories.yml.")]
    open: Annotated[Prose, Meta(description="What the open-weight side looks like.")]
    closed: Annotated[Prose, Meta(description="What the closed side looks like.")]
    favors: Annotated[Side, Meta(description="Which side a typical team is better off with here.")]
    detail: Annotated[Prose, Meta(description="Nuance: when the answer flips.")]


class PropertyValue(Strict, kw_only=True):
    id: Id
    label: Annotated[Text, Meta(description="The value as the helper names it, e.g. stays in your own cloud account.")]


class Property(Strict, kw_only=True):
    """A property options have (where data goes, who operates it, ...); answers require or prefer values."""
    id: Id
    name: Annotated[Text, Meta(description="The property as the helper names it, e.g. Where the data goes.")]
    values: Annotated[list[PropertyValue], Meta(min_length=2)]


# {property id: [value ids]}: the values an option can take, an answer requires or prefers (best first).
PropertyValues = Annotated[dict[Id, Annotated[list[Id], Meta(min_length=1)]], Meta(
    description="Property ids from options.yml `properties`, each with a list of its value ids.")]


class Option(Record, kw_only=True):
    """A recommendation the decision model may give; the only words a recommendation may use."""
    name: Annotated[Label, Meta(description="The option as an outcome box of the flowchart shows it.")]
    side: Annotated[Literal["open", "closed", "mixed", "any"], Meta(
        description="Which kind of model it uses.")]
    tone: Annotated[Tone, Meta(description="Colour of this outcome in diagrams.")]
    summary: Prose
    has: Annotated[PropertyValues, Meta(
        description="Its value of each property (several when it can be set up either way). An option "
                    "without `has` is never ranked: only the fallback, given for a tie, goes without.")] = {}


class Answer(Strict, kw_only=True):
    id: Id
    label: Annotated[Text, Meta(description="The answer as a reader picks it.")]
    short: Annotated[Label, Meta(description="Edge label in the flowchart, e.g. Yes / No.")]
    requires: Annotated[PropertyValues, Meta(
        description="Hard constraints: an option is ruled out unless it can take one of these values "
                    "of each property named.")] = {}
    prefers: Annotated[PropertyValues, Meta(
        description="Preferences, best value first: of n values listed, the first earns an option n "
                    "points, the next n-1, and so on.")] = {}
    reason: Annotated[Prose, Meta(
        description="Why this answer points where it does, in one or two sentences.")]


class GuideStep(Strict, kw_only=True):
    step: Annotated[int, Meta(ge=1, le=100, description="Position in the step-by-step guide, from 1.")]
    title: Annotated[Text, Meta(description="The step's heading, e.g. What data is involved?")]


class Criterion(Record, kw_only=True):
    """A question the decision model asks, with its closed set of answers."""
    name: Text
    question: Text
    short: Annotated[Label, Meta(description="The question as a flowchart node label.")]
    answers: Annotated[list[Answer], Meta(min_length=2)]
    guide: Annotated[GuideStep | None, Meta(
        description="Set when the criterion is a step of the step-by-step guide.")] = None


class Branch(Strict, kw_only=True):
    answer: Annotated[Id, Meta(description="Id of one answer of the node's criterion.")]
    next: Annotated[Id, Meta(description="Id of another node of this tree, or of an option (a leaf).")]


class Node(Strict, kw_only=True):
    id: Id
    criterion: Annotated[Id, Meta(description="Id from criteria.yml.")]
    branches: Annotated[list[Branch], Meta(min_length=2)]


class Tree(Record, kw_only=True):
    """A decision tree drawn as a flowchart; its leaves are options."""
    title: Text
    entry: Annotated[Label, Meta(description="Label of the start box, e.g. Incoming task.")]
    root: Annotated[Id, Meta(description="Id of the first node.")]
    nodes: Annotated[list[Node], Meta(min_length=1)]


class CheatRow(Record, kw_only=True):
    """A typical situation and the option it calls for."""
    situation: Text
    when: Annotated[dict[Id, Id], Meta(
        min_length=1, description="Criterion id -> answer id that define the situation; the model "
                                  "must recommend the first option for exactly these answers.")]
    recommend: Annotated[list[Id], Meta(min_length=1, description="Option ids, best first.")]
    note: Prose


class Family(Record, kw_only=True):
    """A model family the sources name, as an example of one side."""
    name: Text
    vendor: Text
    openness: Literal["closed", "open-weight"]
    modalities: Annotated[list[Literal["text", "image"]], Meta(min_length=1)]
    access: Annotated[list[Id], Meta(min_length=1, description="Ids from access_routes.yml.")]
    note: Prose
    as_of: Annotated[dt.date, Meta(description="Date the statement describes; models change fast.")]


class Command(Strict, kw_only=True):
    command: Text
    does: Prose


class AccessRoute(Record, kw_only=True):
    """One way to reach a model: chat, automation tool, SDK, local runner, API host, ..."""
    name: Text
    side: Annotated[Literal["open", "closed", "both"], Meta(
        description="The kind of model it reaches: closed, open-weight, or both (a cloud catalogue).")]
    summary: Prose
    best_for: Prose
    requires: Prose
    steps: list[Prose] = []
    commands: list[Command] = []
    examples: list[Text] = []
    option: Annotated[Id | None, Meta(description="Id from options.yml this route realises.")] = None


class Route(Strict, kw_only=True):
    task: Text
    option: Annotated[Id, Meta(description="Id from options.yml.")]
    family: Annotated[Id | None, Meta(description="Id from families.yml.")] = None
    why: Prose


class UseCase(Record, kw_only=True):
    """A worked example: who, what they need, and which option serves each task."""
    title: Text
    scenario: Prose
    routes: Annotated[list[Route], Meta(min_length=1)]


class Question(Record, kw_only=True):
    """A question a reader asks, answered from the sources."""
    question: Text
    answer: Prose


class Term(Record, kw_only=True):
    """A glossary term; shown as a tooltip wherever the term or an alias appears in page text."""
    term: Text
    aliases: list[Text] = []
    definition: Prose


class OpenPart(Record, kw_only=True):
    """A part of a model that may be released openly."""
    name: Text
    description: Prose
    how_common: Literal["common", "varies", "rare"]
    examples: list[Text] = []


class Reason(Record, kw_only=True):
    """A reason teams pick one side, or a situation where that side is the better choice."""
    side: Literal["open", "closed"]
    kind: Literal["reason", "better-when"]
    title: Text
    text: Prose


class Rule(Record, kw_only=True):
    """One statement of a law or of a regulator's guidance that bears on the choice: a date, a duty, an
    exemption, what a contract must say. It cites the law or the guidance itself."""
    law: Annotated[Literal["eu-ai-act", "gdpr", "hipaa"], Meta(description="The law it is about.")]
    topic: Annotated[Literal["dates", "obligations", "open-source", "modification", "contracts", "transfers"],
                     Meta(description="What part of the law the statement is about.")]
    title: Text
    statement: Prose
    applies_from: Annotated[dt.date | None, Meta(description="When it applies, where it is a date.")] = None


class Trend(Record, kw_only=True):
    """A shift in the landscape and what it means for the choice."""
    title: Text
    text: Prose
    implication: Prose


Amount = Annotated[float, Meta(ge=0, le=MAX_NUMBER)]


class CalculatorInput(Record, kw_only=True):
    """One input of the break-even calculator, with its illustrative default."""
    label: Text
    group: Literal["workload", "closed", "host", "self-hosted"]
    unit: Annotated[Text, Meta(description="Shown after the field, e.g. requests, USD, %.")]
    default: Amount
    min: Amount
    max: Annotated[Amount | None, Meta(description="Largest value accepted; without it, the largest "
                                                   "number data may state.")] = None
    step: Annotated[float, Meta(ge=1e-6, le=MAX_NUMBER, description="Smallest change the field offers.")]
    help: Prose
    basis: Annotated[Prose, Meta(description="Where the default comes from; defaults are illustrative.")]
    as_of: Annotated[dt.date, Meta(description="Date the default describes.")]


class CalculatorFile(Strict, kw_only=True):
    calculator: Annotated[list[CalculatorInput], Meta(min_length=1)]
    days_per_month: Annotated[float, Meta(
        gt=27, lt=32, description="Average days in a month (365 / 12).")]
    currency: Annotated[Text, Meta(description="Currency of every price, e.g. USD.")]


class SourcesFile(Strict, kw_only=True):
    sources: Annotated[list[Source], Meta(min_length=1)]


class CategoriesFile(Strict, kw_only=True):
    categories: Annotated[list[Category], Meta(min_length=1)]


class DimensionsFile(Strict, kw_only=True):
    dimensions: Annotated[list[Dimension], Meta(min_length=1)]


class OptionsFile(Strict, kw_only=True):
    properties: Annotated[list[Property], Meta(
        min_length=1, description="What options are compared on; answers require or prefer their values.")]
    options: Annotated[list[Option], Meta(min_length=1)]


class CriteriaFile(Strict, kw_only=True):
    criteria: Annotated[list[Criterion], Meta(
        min_length=1, description="Asked in this order: the first answer that decides wins.")]
    fallback: Annotated[Id, Meta(description="Option id given when the best options tie across sides (open and closed), as with no answers.")]


class TreesFile(Strict, kw_only=True):
    trees: Annotated[list[Tree], Meta(min_length=1)]


class CheatsheetFile(Strict, kw_only=True):
    cheatsheet: Annotated[list[CheatRow], Meta(min_length=1)]


class FamiliesFile(Strict, kw_only=True):
    families: Annotated[list[Family], Meta(min_length=1)]


class AccessRoutesFile(Strict, kw_only=True):
    access_routes: Annotated[list[AccessRoute], Meta(min_length=1)]


class UseCasesFile(Strict, kw_only=True):
    use_cases: Annotated[list[UseCase], Meta(min_length=1)]


class FaqFile(Strict, kw_only=True):
    faq: Annotated[list[Question], Meta(min_length=1)]


class GlossaryFile(Strict, kw_only=True):
    glossary: Annotated[list[Term], Meta(min_length=1)]


class OpenPartsFile(Strict, kw_only=True):
    open_parts: Annotated[list[OpenPart], Meta(min_length=1)]


class ReasonsFile(Strict, kw_only=True):
    reasons: Annotated[list[Reason], Meta(min_length=1)]


class RegulationFile(Strict, kw_only=True):
    regulation: Annotated[list[Rule], Meta(min_length=1)]


class TrendsFile(Strict, kw_only=True):
    trends: Annotated[list[Trend], Meta(min_length=1)]


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
    "regulation": RegulationFile,
    "calculator": CalculatorFile,
}


@dataclass(frozen=True)
class Site:
    """All validated data, with lookups by id (data.load_site builds it)."""
    sources: SourcesFile
    categories: CategoriesFile
    dimensions: DimensionsFile
    options: OptionsFile
    criteria: CriteriaFile
    trees: TreesFile
    cheatsheet: CheatsheetFile
    families: FamiliesFile
    access_routes: AccessRoutesFile
    use_cases: UseCasesFile
    faq: FaqFile
    glossary: GlossaryFile
    open_parts: OpenPartsFile
    reasons: ReasonsFile
    trends: TrendsFile
    regulation: RegulationFile
    calculator: CalculatorFile
    by_id: dict = field(default_factory=dict)  # "options" -> {id: Option}, ...
    # ("options", id) -> the line its record starts on; ("options", id, "reviewed") -> its `reviewed`
    lines: dict = field(default_factory=dict)

    def get(self, kind: str, record_id: str):
        return self.by_id[kind][record_id]
