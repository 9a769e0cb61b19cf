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
Modality = Literal["text", "image", "audio", "video", "pdf"]
# How open a model is, from closed to open source (labels.py words each).
Openness = Literal["closed", "open-weights-restricted", "open-weights-osi", "open-source"]
# What the model catalogue says of a model as yes/no facts (render/catalogue.py computes them, its page
# filters by them, labels.CATALOGUE_CHECKS words them): an OSI-approved licence, commercial use allowed,
# no user threshold, outputs may train other models, weights published, reachable through a host,
# retired or deprecated.
Flag = Literal["osi", "commercial", "no-user-cap", "outputs", "self-host", "hosted", "retired"]


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
def struct_fields(model: type) -> tuple:
    """msgspec's fields of a model, read once per process (msgspec evaluates the annotations anew on
    each call: most of a check's time when called per record)."""
    return msgspec.structs.fields(model)


@cache
def text_fields(model: type, meta=is_text_meta) -> tuple[tuple[str, bool], ...]:
    """(name, is a list) of each free-text field of `model` (text, optional text or list of texts);
    with `meta=is_prose_meta`, of each prose field."""
    found = []
    for field in struct_fields(model):
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


# A pattern of ids: kebab-case with * for any characters (llama-4-*).
GLOB_PATTERN = r"^[a-z0-9*?]+(-[a-z0-9*?]+)*$(?!\n)"
Glob = Annotated[str, Meta(pattern=GLOB_PATTERN, max_length=80,
                           description="Ids as a pattern: lowercase letters, digits, hyphens, * for any characters.")]
# A git commit, as its 40 hexadecimal digits.
COMMIT_PATTERN = r"^[0-9a-f]{40}$(?!\n)"
Commit = Annotated[str, Meta(pattern=COMMIT_PATTERN, description="A git commit: its 40 hexadecimal digits.")]
# What a constrained value that is not an id should look like, in the words the editor is told.
# A name as a dataset writes it, for matching: no spaces (models-dev:openai/gpt-4o).
ALIAS_PATTERN = r"^[^\s]+$(?!\n)"
Alias = Annotated[str, Meta(min_length=1, max_length=120, pattern=ALIAS_PATTERN,
                            description="A name as a dataset writes it, without spaces.")]
PATTERNS = {GLOB_PATTERN: "a pattern of ids such as 'llama-4-*' (lowercase letters, digits, hyphens, *)",
            COMMIT_PATTERN: "a git commit written as its 40 hexadecimal digits (0-9, a-f)",
            ALIAS_PATTERN: "a name without spaces, as a dataset writes it"}


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


class ModelFilter(Strict, kw_only=True):
    """Which models of the catalogue something admits, in the catalogue's own terms (its page filters by
    the same words): every condition given must hold."""
    openness: Annotated[list[Openness], Meta(description="One of these openness classes (any when empty).")] = []
    has: Annotated[list[Flag], Meta(description="Every one of these facts of the catalogue: osi, commercial, "
                                                "no-user-cap, outputs, self-host, hosted, retired.")] = []
    input: Annotated[list[Modality], Meta(description="Takes in every one of these.")] = []
    output: Annotated[list[Modality], Meta(description="Gives out every one of these.")] = []


class PropertyValue(Strict, kw_only=True):
    id: Id
    label: Annotated[Text, Meta(description="The value as the helper names it, e.g. stays in your own cloud account.")]
    models: Annotated[ModelFilter | None, Meta(description=(
        "For the property that says which models an option uses: the catalogue's models this value admits. "
        "The helper's shortlist lists, for the recommended option, the models that one of its values admits."))] = None
    runs_on: Annotated[Literal["your-gpus", "provider"] | None, Meta(description=(
        "Where a model used this way runs: your-gpus (the shortlist's GPU-memory question applies) or "
        "provider (billed per token: the price ceiling applies)."))] = None


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
    """A model family: releases of one line of models by one developer (GPT-4o, Llama 4, Qwen, ...).
    Its releases are the models of models.yml that name it; what they take in and give out, how open
    they are and when they came out is theirs, shown for the family from them."""
    name: Text
    developer: Annotated[Id, Meta(description="Id from developers.yml.")]
    access: Annotated[list[Id], Meta(min_length=1, description="Ids from access_routes.yml.")]
    note: Annotated[Prose, Meta(description="What the family is and what sets it apart, as of `as_of`.")]
    match: Annotated[list[Glob], Meta(
        description="Model ids of models.yml that belong to the family, as patterns (* for any characters): "
                    "`make import` files each imported model under the family whose pattern fits it "
                    "most closely.")] = []
    as_of: Annotated[dt.date, Meta(description="Date the note describes; models change fast.")]


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


ChangeKind = Literal["new-model", "price-change", "retirement", "licence-change", "openness-change",
                     "law-change", "correction", "addition"]


class Change(Record, kw_only=True):
    """One change to the facts of the site, on the day it happened (a price, a retirement announced,
    a licence rewritten, a correction), for the What's new page, the records' history and the feeds.
    Its `date` is the change's own date, never the day of a build, so a rebuild changes no feed."""
    date: Annotated[dt.date, Meta(description="When the change happened or was announced (YYYY-MM-DD).")]
    kind: Annotated[ChangeKind, Meta(description="What changed: new-model, price-change, retirement "
                                                 "(announced), licence-change, openness-change, law-change, "
                                                 "correction, or addition (new content).")]
    concerns: Annotated[dict[Annotated[str, Meta(pattern=r"^[a-z_]+$(?!\n)")], Annotated[list[Id], Meta(min_length=1)]],
                        Meta(min_length=1, description="The records it is about, by data file: "
                                                       "{models: [gpt-4o], licences: [llama-3-community]}.")]
    title: Text
    summary: Annotated[Prose | None, Meta(description="What changed and why it matters, in a sentence or two.")] = None
    old: Annotated[Text | None, Meta(description="The value before (a price, a licence, a class), where it is one.")] = None
    new: Annotated[Text | None, Meta(description="The value after, where `old` is given.")] = None


Amount = Annotated[float, Meta(ge=0, le=MAX_NUMBER)]


class CalculatorInput(Record, kw_only=True):
    """One input of the break-even calculator, with its illustrative default, or (a price of a default
    model's offer, the open model's size) with none: the catalogue gives it (decision.FROM_CATALOGUE)."""
    label: Text
    group: Literal["workload", "closed", "host", "self-hosted"]
    unit: Annotated[Text, Meta(description="Shown after the field, e.g. requests, USD, %.")]
    default: Annotated[Amount | None, Meta(description="The value the page opens with; none for an input the "
                                                       "catalogue fills (a price, the model size).")] = None
    min: Amount
    max: Annotated[Amount | None, Meta(description="Largest value accepted; without it, the largest "
                                                   "number data may state.")] = None
    step: Annotated[float, Meta(ge=1e-6, le=MAX_NUMBER, description=(
        "Smallest change the field offers; none for an input the catalogue fills, which takes any "
        "value."))] | None = None
    help: Prose
    basis: Annotated[Prose | None, Meta(description="Where the default comes from; defaults are "
                                                    "illustrative. None where the catalogue fills it.")] = None
    as_of: Annotated[dt.date | None, Meta(description="Date the default describes; none where the "
                                                      "catalogue fills it (the offer has its own).")] = None


class DefaultModels(Strict, kw_only=True):
    """The models the calculator opens with, by id from models.yml: the cheapest offer of each gives
    the price inputs' defaults, the open model's parameters the model size."""
    closed: Annotated[Id, Meta(description="A closed model with a priced offer: the closed API's prices.")]
    open: Annotated[Id, Meta(description="An open-weight model with a priced offer and a parameter count: the "
                                          "API host's prices and the self-hosted model's size.")]


# --- the model catalogue: imported by `make import` (tools/importers/), curated where marked ------------

Count = Annotated[int, Meta(ge=0, le=int(MAX_NUMBER))]
Tokens = Annotated[int, Meta(ge=1, le=int(MAX_NUMBER), description="A number of tokens.")]
Price = Annotated[float, Meta(ge=0, le=1e6, description="US dollars per million tokens.")]
Status = Literal["active", "beta", "deprecated", "retired"]
# The facts of a model record that a dataset can give.
Fact = Literal["name", "developer", "released", "openness", "licence", "input", "output", "context",
               "max_output", "parameters", "knowledge", "status", "deprecated", "retired", "replacement",
               "weights-url", "price"]
# Field names of the records that editors keep across imports (`make import` copies them over).
CURATED = {"models": ("note", "show", "aliases", "reviewed"), "developers": ("name", "note", "aliases", "url", "reviewed"),
           "hosts": ("note", "access", "reviewed"), "offers": ("reviewed",), "openness": ("note", "reviewed"),
           "datasets": ("reviewed",)}
# The files `make import` writes (and rewrites at every import): their records come from the datasets,
# so an editor changes only the fields of CURATED there; a record added, renamed or removed by hand
# would be replaced by the next import. licences.yml is curated, but the import adds a `stub` record
# for a licence name no record covers.
IMPORTED = tuple(CURATED)
# Files that hold the catalogue's many records (written by a program, not by hand): the loader accepts
# them up to ten times the size of a hand-edited file, and tests that rewrite every text field sample them.
LARGE = (*IMPORTED, "licences")


class From(Strict, kw_only=True):
    """Where an imported record's facts come from: one file of one dataset, at the commit its link names."""
    dataset: Annotated[Id, Meta(description="Id from datasets.yml (and sources.yml).")]
    file: Annotated[Text, Meta(description="The file in the dataset's repository.")]
    url: Annotated[Url, Meta(description="That file at the imported commit: the evidence.")]
    facts: Annotated[list[Fact], Meta(description="The facts this file gave.")] = []


class Claim(Strict, kw_only=True):
    """What one dataset says of a fact where the datasets disagree (two datasets, or a dataset and
    itself): shown with its link, listed for editors by the conflicts reminder."""
    fact: Fact
    dataset: Annotated[Id, Meta(description="Id from datasets.yml.")]
    says: Annotated[Text, Meta(description="The value as that dataset gives it.")]
    url: Url
    used: Annotated[bool, Meta(description="Whether the record shows this value.")] = False


class Parameters(Strict, kw_only=True):
    total: Annotated[float, Meta(ge=1, le=1e15, description="Parameters in all.")] | None = None
    active: Annotated[float, Meta(ge=1, le=1e15, description="Parameters used per token (mixtures of "
                                                              "experts).")] | None = None
    basis: Annotated[Text, Meta(description="Where the numbers come from, e.g. the size in its name.")]


class Model(Record, kw_only=True):
    """One release of a model: a checkpoint or an API model, not a family."""
    name: Label
    family: Annotated[Id | None, Meta(description="Id from families.yml (by the family's `match`).")] = None
    developer: Annotated[Id, Meta(description="Id from developers.yml.")]
    released: Annotated[dt.date | None, Meta(description="First release (YYYY-MM-DD; the 1st of the month "
                                                         "where a source gives only the month).")] = None
    openness: Annotated[Openness, Meta(description=(
        "closed: reached only as a service; open-weights-restricted: weights published under a licence with "
        "restrictions; open-weights-osi: weights under an OSI-approved licence; open-source: that, and "
        "training code and data sources open as the OSAI index rates them."))]
    licence: Annotated[Id | None, Meta(description="Id from licences.yml; required for open weights.")] = None
    also_under: Annotated[list[Id], Meta(description="Further terms from licences.yml that apply too (a usage "
                                                     "policy).")] = []
    input: list[Modality] = []
    output: list[Modality] = []
    context: Annotated[Tokens | None, Meta(description="Context window, in tokens.")] = None
    max_output: Annotated[Tokens | None, Meta(description="Longest answer, in tokens.")] = None
    parameters: Parameters | None = None
    knowledge: Annotated[Text | None, Meta(description="Training data cut-off as the source gives it.")] = None
    status: Status = "active"
    deprecated: Annotated[dt.date | None, Meta(description="Date it was (or will be) deprecated.")] = None
    retired: Annotated[dt.date | None, Meta(description="Date it was (or will be) retired.")] = None
    replacement: Annotated[Text | None, Meta(description="The model its developer recommends instead, as "
                                                        "the source names it.")] = None
    weights_url: Annotated[Url | None, Meta(description="Where the weights are published.")] = None
    show: Annotated[bool, Meta(description="Curated: false keeps it off the catalogue page (it stays in "
                                           "the exports and the API).")] = True
    note: Annotated[Prose | None, Meta(description="Curated: an editor's note.")] = None
    aliases: Annotated[list[Text], Meta(
        description="Curated: other names the datasets give this release, so that `make import` joins their "
                    "facts to this record.")] = []
    claims: Annotated[list[Claim], Meta(description="Where the datasets disagree: what each says.")] = []
    provenance: Annotated[list[From], Meta(min_length=1)]
    as_of: Annotated[dt.date, Meta(description="Snapshot date of the newest dataset that gave its facts.")]


CardKind = Literal["model-card", "config", "repository", "paper", "docs"]


class Inherited(Strict, kw_only=True):
    """A fine-tune that states no figure of its own: the base model its developer names, and where."""
    base: Annotated[Text, Meta(description="The base model, as the fine-tune's developer names it.")]
    url: Annotated[Url, Meta(description="The fine-tune's own text that names the base.")]
    quote: Annotated[Text, Meta(description="Its words naming the base, verbatim.")]


class Card(Strict, kw_only=True):
    """Facts no dataset gives, read by an editor in the developer's own text (a model card, a
    configuration file, a repository, a paper): the build adds them to the model whose id the card has,
    and the model page cites the card. A fact a dataset gives stays the dataset's; the build reminds
    editors of the card, which is then no longer needed."""
    id: Annotated[Id, Meta(description="The model's id in models.yml.")]
    url: Annotated[Url, Meta(description="The developer's text that states the facts.")]
    kind: Annotated[CardKind, Meta(description="model-card, config, repository, paper or docs.")]
    quote: Annotated[Text, Meta(description="The words of that text that state the facts, verbatim (for a "
                                            "configuration file, its lines).")]
    context: Annotated[Tokens | None, Meta(description="Context window, in tokens, as the text gives it.")] = None
    max_output: Annotated[Tokens | None, Meta(description="Longest answer, in tokens.")] = None
    parameters: Parameters | None = None
    inherited: Annotated[Inherited | None, Meta(description="Where the text is the base model's.")] = None
    note: Annotated[Prose | None, Meta(description="How the text was read (e.g. \"4k\" taken as written).")] = None
    sources: Annotated[list[Id], Meta(description="Ids from sources.yml that state it too (optional).")] = []
    reviewed: Reviewed


# The facts a card may give, in the order the model page lists them.
CARD_FACTS = ("context", "max_output", "parameters")


class Score(Strict, kw_only=True):
    name: Label
    domain: Label | None = None
    score: Count
    of: Annotated[int, Meta(ge=1, le=1000, description="Indicators in it.")]


class Transparency(Strict, kw_only=True):
    """A developer's Foundation Model Transparency Index score."""
    index: Annotated[Text, Meta(description="Which edition, e.g. FMTI December 2025.")]
    score: Count
    of: Annotated[int, Meta(ge=1, le=1000)]
    domains: list[Score] = []
    subdomains: list[Score] = []
    report: Annotated[Url, Meta(description="The developer's scored transparency report.")]


class Developer(Record, kw_only=True):
    """An organisation that releases models."""
    name: Text
    url: Url | None = None
    aliases: Annotated[list[Text], Meta(description="Curated: names the datasets give it, so that imports "
                                                    "file their records under this developer.")] = []
    transparency_index: Annotated[Transparency | None, Meta(description="Its Foundation Model Transparency Index score, where the index rates it.")] = None
    note: Prose | None = None
    provenance: list[From] = []
    as_of: dt.date


class Host(Record, kw_only=True):
    """A service that runs models behind an API: the developer's own, a cloud, an inference provider."""
    name: Text
    url: Annotated[Url | None, Meta(description="Its list of models.")] = None
    access: Annotated[list[Id], Meta(description="Curated: ids from access_routes.yml it serves.")] = []
    note: Prose | None = None
    provenance: Annotated[list[From], Meta(min_length=1)]
    as_of: dt.date


class Offer(Record, kw_only=True):
    """One model at one host: what it costs per million tokens and how much it takes there."""
    model: Annotated[Id, Meta(description="Id from models.yml.")]
    host: Annotated[Id, Meta(description="Id from hosts.yml.")]
    name: Annotated[Text, Meta(description="The model as the host's API names it.")]
    input: Price | None = None
    output: Price | None = None
    cached_input: Price | None = None
    context: Tokens | None = None
    max_output: Tokens | None = None
    status: Status = "active"
    provenance: Annotated[list[From], Meta(min_length=1, max_length=1)]
    as_of: dt.date


OsaiClass = Literal["open", "partial", "closed", "not-rated"]


class Rating(Strict, kw_only=True):
    dimension: Annotated[Id, Meta(description="Id of a dimension in crosswalk.yml.")]
    rating: OsaiClass
    url: Annotated[Url | None, Meta(description="The index's evidence.")] = None
    notes: Annotated[Text | None, Meta(description="The index's notes, as it writes them.")] = None


class OsaiEntry(Strict, kw_only=True):
    """A model as the European Open Source AI Index rates it."""
    entry: Annotated[Text, Meta(description="The index's name for it.")]
    end_model: Text | None = None
    base_model: Text | None = None
    licence: Annotated[Text | None, Meta(description="Its end-model licence as the index writes it.")] = None
    dimensions: list[Rating]
    file: Text
    url: Url


class MofComponent(Strict, kw_only=True):
    component: Annotated[Id, Meta(description="Id of a component in crosswalk.yml (mof_components).")]
    licence: Annotated[Text | None, Meta(description="Its licence as the tool's file gives it.")] = None


class MofEntry(Strict, kw_only=True):
    """A model as the Model Openness Tool records it."""
    release: Text
    mof_class: Annotated[Literal["I", "II", "III", "none"] | None, Meta(
        description="The framework's class: the one the tool's file states, else the one the tool's own rules "
                    "give its components and their licences (sources.yml: mof-class-rules).")] = None
    components: list[MofComponent]
    file: Text
    url: Url


class OpennessRecord(Record, kw_only=True):
    """How open one model is, dimension by dimension, as the openness indexes rate it."""
    model: Annotated[Id, Meta(description="Id from models.yml.")]
    osai: OsaiEntry | None = None
    mof: MofEntry | None = None
    note: Prose | None = None
    as_of: dt.date


Osi = Literal["data-information", "code", "parameters"]


class CrosswalkRow(Record, kw_only=True):
    """One openness dimension of the European Open Source AI Index, and what answers it elsewhere."""
    name: Label
    group: Literal["availability", "documentation", "access"]
    mof: Annotated[list[Id], Meta(description="Ids of mof_components that record the same thing.")] = []
    osi: Annotated[list[Osi], Meta(description="The Open Source AI Definition's requirements it bears on.")] = []
    note: Prose


class MofComponentRow(Record, kw_only=True):
    """One of the Model Openness Framework's 17 components."""
    name: Label
    description: Annotated[Prose, Meta(description="As the tool's files describe it.")]


class OsiRequirement(Record, kw_only=True):
    """One of the three things the Open Source AI Definition asks to be available."""
    name: Label
    text: Prose


class Dataset(Record, kw_only=True):
    """A dataset the catalogue is imported from, at the snapshot imported; its id is its source's in
    sources.yml."""
    name: Text
    repository: Url
    commit: Commit
    date: Annotated[dt.date, Meta(description="Date of that commit.")]
    licence: Text
    licence_url: Url
    credit: Annotated[Prose, Meta(description="How its licence asks to be credited, said as we credit it.")]
    citation: Annotated[Text | None, Meta(description="The citation it asks for.")] = None
    files: Annotated[Count, Meta(description="Files read at this import.")]


# A licence's terms, each with its value, a summary and the licence's own words as evidence.
Checked = Literal["text", "quotation", "name", "no"]


class Evidence(Strict, kw_only=True):
    url: Url
    section: Text | None = None
    quote: Annotated[Prose | None, Meta(description="A few words of the text, verbatim (a link in it as the text has it).")] = None
    date: Annotated[Text | None, Meta(description="The date of the text read.")] = None
    primary: Annotated[bool, Meta(description="True: the licensor's own text (or a verbatim copy); false: "
                                              "someone's quotation.")] = True
    note: Text | None = None


class _Term(Strict, kw_only=True):
    summary: Prose
    checked: Annotated[Checked, Meta(description="text: read in the licence itself; quotation: only quoted "
                                                 "by others; name: follows from its name; no: not read.")]
    evidence: list[Evidence] = []


class CommercialUse(_Term, kw_only=True):
    value: Literal["allowed", "with-conditions", "not-allowed", "unknown"]


class Threshold(_Term, kw_only=True):
    value: Literal["none", "threshold", "unknown"]
    limit: Annotated[float, Meta(ge=0, le=MAX_NUMBER)] | None = None
    unit: Annotated[Literal["monthly-active-users", "usd-monthly-revenue", "usd-annual-revenue"] | None, Meta(
        description="What the limit counts.")] = None
    above: Annotated[Prose | None, Meta(description="What happens above the limit.")] = None


class Worded(_Term, kw_only=True):
    value: Annotated[Label, Meta(description="In a few words, e.g. notice-file, research-only.")]


class YesNo(_Term, kw_only=True):
    value: Literal["yes", "no", "unknown"]


class OutputsTerm(_Term, kw_only=True):
    value: Literal["allowed", "with-conditions", "restricted", "not-allowed", "not-addressed", "unknown"]


class LaterTerm(_Term, kw_only=True):
    value: Literal["yes", "partly", "termination-only", "no", "unknown"]


class OtherTerm(Worded, kw_only=True):
    pass


class Terms(Strict, kw_only=True):
    commercial_use: CommercialUse
    user_threshold: Threshold
    revenue_threshold: Threshold | None = None
    attribution: Annotated[Worded, Meta(description="Naming and attribution duties.")]
    acceptable_use_policy: YesNo
    outputs_to_train_models: Annotated[OutputsTerm, Meta(description="Whether outputs may train other models.")]
    licensor_may_restrict_later: LaterTerm
    field_of_use: Worded
    distribution: Worded
    other: list[OtherTerm] = []


class Assignment(Strict, kw_only=True):
    """Models this licence covers where no dataset names it, or names it wrongly."""
    models: Annotated[list[Glob], Meta(min_length=1, description="Model ids of models.yml, as patterns.")]
    url: Annotated[Url, Meta(description="Where the licensor says so (model card, repository).")]
    note: Prose | None = None


class Licence(Record, kw_only=True):
    """A licence (or a usage policy) that open weights are published under, with its terms as data."""
    name: Text
    kind: Literal["licence", "usage-policy"] = "licence"
    licensor: Text | None = None
    version: Text | None = None
    spdx: Annotated[Text | None, Meta(description="Its SPDX identifier, where the SPDX list has one.")] = None
    osi_approved: bool
    url: Annotated[Url | None, Meta(description="The licence text itself.")] = None
    policy_url: Annotated[Url | None, Meta(description="Its acceptable-use policy.")] = None
    checked: Annotated[Literal["text", "partly", "name", "no"], Meta(
        description="How much of the text was read: all of it, some clauses, its name only, none.")]
    checked_note: Text | None = None
    aliases: Annotated[list[Text], Meta(description="How the datasets write its name (lower case); `make "
                                                    "import` files models under this licence by them.")] = []
    assigned: list[Assignment] = []
    terms: Terms
    stub: Annotated[bool, Meta(description="True: `make import` added it for a licence name a dataset gives "
                                           "that no record covered; read the text, fill in the terms, "
                                           "then remove this.")] = False
    not_a_licence: Annotated[bool, Meta(description="True (a stub only): what the dataset gives is not a licence's "
                                                    "name (unknown, various, a guess), so there is no text to read "
                                                    "and the terms stay unknown; find the model's licence and add "
                                                    "its `assigned` rule. `make import` keeps it, and a stub's `note`.")] = False
    note: Prose | None = None


class NumberAnswer(Strict, kw_only=True):
    """A shortlist question answered with a number: what the number is compared with, and its range."""
    kind: Annotated[Literal["user-count", "context-tokens", "gpu-memory-gb", "input-price"], Meta(description=(
        "What the number is: user-count (monthly active users, against a licence's user threshold), "
        "context-tokens (the context window needed), gpu-memory-gb (the GPU memory you have, against the "
        "model's weights at the precisions of the memory table), input-price (the most you would pay per "
        "million input tokens, against the cheapest offer)."))]
    unit: Annotated[Text, Meta(description="Shown after the field, e.g. monthly active users.")]
    min: Amount
    max: Annotated[Amount, Meta(description="Largest number accepted; a larger one is refused with a message.")]
    step: Annotated[float, Meta(ge=1e-6, le=MAX_NUMBER, description="Smallest change the field offers.")]


class ShortlistAnswer(Strict, kw_only=True):
    id: Id
    label: Annotated[Text, Meta(description="The answer as a reader picks it.")]
    models: Annotated[ModelFilter | None, Meta(description="The models that meet this answer; without it, "
                                                           "the answer leaves every model in.")] = None


class ShortlistQuestion(Record, kw_only=True):
    """A question the helper asks to list the catalogue's models that fit (it never changes the
    recommended option): answered with one of its `answers`, or with a `number`; skipped when unanswered."""
    name: Text
    question: Text
    help: Annotated[Prose, Meta(description="What the answer is compared with and which models it leaves out.")]
    number: Annotated[NumberAnswer | None, Meta(description="Set for a question answered with a number.")] = None
    answers: Annotated[list[ShortlistAnswer], Meta(description="The choices of a question not answered with "
                                                               "a number (two or more).")] = []
    closed_models_pass: Annotated[bool, Meta(description=(
        "A closed model (used under its provider's terms, with no licence to its weights) meets this "
        "question's licence conditions: true where the providers' terms allow what the answer asks. "
        "Other conditions (modalities, context, price) still apply to it."))] = False


class ShortlistFile(Strict, kw_only=True):
    shortlist: Annotated[list[ShortlistQuestion], Meta(
        min_length=1, description="Asked in this order, after the decision model's questions.")]
    limit: Annotated[int, Meta(ge=1, le=50, description="How many models the shortlist shows; a link leads "
                                                        "to the rest in the catalogue.")]
    leave_out: Annotated[list[Flag], Meta(description="Facts of the catalogue a listed model never has, "
                                                      "e.g. retired.")] = []


class CalculatorFile(Strict, kw_only=True):
    default_models: DefaultModels
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


class ChangelogFile(Strict, kw_only=True):
    changelog: Annotated[list[Change], Meta(min_length=1)]
class CardsFile(Strict, kw_only=True):
    cards: list[Card] = []


class ModelsFile(Strict, kw_only=True):
    models: Annotated[list[Model], Meta(min_length=1)]


class DevelopersFile(Strict, kw_only=True):
    developers: Annotated[list[Developer], Meta(min_length=1)]


class HostsFile(Strict, kw_only=True):
    hosts: Annotated[list[Host], Meta(min_length=1)]


class OffersFile(Strict, kw_only=True):
    offers: Annotated[list[Offer], Meta(min_length=1)]


class OpennessFile(Strict, kw_only=True):
    openness: Annotated[list[OpennessRecord], Meta(min_length=1)]


class CrosswalkFile(Strict, kw_only=True):
    crosswalk: Annotated[list[CrosswalkRow], Meta(min_length=1, description="The index's dimensions.")]
    mof_components: Annotated[list[MofComponentRow], Meta(min_length=1)]
    osi_requirements: Annotated[list[OsiRequirement], Meta(min_length=1)]


class DatasetsFile(Strict, kw_only=True):
    datasets: Annotated[list[Dataset], Meta(min_length=1)]


class LicencesFile(Strict, kw_only=True):
    licences: Annotated[list[Licence], Meta(min_length=1)]


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
    "shortlist": ShortlistFile,
    "changelog": ChangelogFile,
    "datasets": DatasetsFile,
    "developers": DevelopersFile,
    "licences": LicencesFile,
    "models": ModelsFile,
    "cards": CardsFile,
    "hosts": HostsFile,
    "offers": OffersFile,
    "openness": OpennessFile,
    "crosswalk": CrosswalkFile,
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
    shortlist: ShortlistFile
    changelog: ChangelogFile
    datasets: DatasetsFile
    developers: DevelopersFile
    licences: LicencesFile
    models: ModelsFile
    cards: CardsFile
    hosts: HostsFile
    offers: OffersFile
    openness: OpennessFile
    crosswalk: CrosswalkFile
    by_id: dict = field(default_factory=dict)  # "options" -> {id: Option}, ...
    # ("options", id) -> the line its record starts on; ("options", id, "reviewed") -> its `reviewed`
    lines: dict = field(default_factory=dict)

    def get(self, kind: str, record_id: str):
        return self.by_id[kind][record_id]
