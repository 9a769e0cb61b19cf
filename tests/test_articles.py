"""The five source articles, fact by fact. tests/articles.yml lists every fact the articles give, each
with evidence (regular expressions) that the site's reader text must match; and no run of 12 or more
consecutive words of any article may appear in that text, since the site states the facts in its own
words. The checks read only what a reader sees on each page of the nav (the article body: no
navigation, scripts or styles), never record ids, counts or titles, so editors can add, rename or
remove records freely as long as every fact stays on the site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from tests import support
from tools import articles as fingerprints
from tools.articles import QUOTES, RUN, fingerprint, words

HERE = Path(__file__).resolve().parent
FACTS_FILE = HERE / "articles.yml"
FIELDS = {"article", "fact", "evidence", "page"}
REQUIRED = {"article", "fact", "evidence"}

# Elements whose text a reader never sees as text, and elements after which text starts afresh (so
# that "<td>Open</td><td>Closed</td>" reads "Open Closed", while inline markup joins as written).
HIDDEN = {"script", "style", "noscript"}
BLOCKS = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section",
          "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "text", "tspan",
          "foreignobject", "title", "desc", "button", "input", "select", "textarea"}


# --- the articles and the facts -----------------------------------------------------------------------

def load_facts() -> tuple[list, str | None]:
    """The entries of articles.yml, or [] and why the file cannot be read."""
    try:
        entries = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        return [], f"{FACTS_FILE.name}: {error}"
    if not isinstance(entries, list):
        return [], f"{FACTS_FILE.name}: must be a list of facts, got {type(entries).__name__}"
    return entries, None


FACTS, FACTS_ERROR = load_facts()


def usable(entry) -> bool:
    """Well enough formed to be checked against the site (the format test names what is wrong)."""
    return (isinstance(entry, dict) and REQUIRED <= set(entry) and isinstance(entry["evidence"], list)
            and all(isinstance(e, str) for e in entry["evidence"]))


def fact_id(entry) -> str:
    words = re.findall(r"[a-z0-9]+", str(entry.get("fact", "")).lower())[:8]
    return f"{str(entry.get('article', '?'))[:3]}-{'-'.join(words)}"


@pytest.fixture(scope="module")
def articles() -> dict[str, set[str]]:
    """Each article's fingerprints (tools/articles.py: a hash of each run of RUN words) by its file name."""
    return fingerprints.load()


# --- what a reader sees ---------------------------------------------------------------------------------

def reader_text(soup) -> str:
    """The visible text of a built page's article body, whitespace collapsed, quotes made straight."""
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if child.name in HIDDEN or "headerlink" in (child.get("class") or []):
                    continue
                block = child.name.lower() in BLOCKS
                parts.append(" " if block else "")
                walk(child)
                parts.append(" " if block else "")
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                parts.append(str(child))  # text, including a declarative shadow root's (the diagrams)

    article = soup.select_one("article")
    assert article is not None, "a page without an <article> body"
    walk(article)
    return " ".join("".join(parts).translate(QUOTES).split())


@pytest.fixture(scope="module")
def pages(html) -> dict[str, str]:
    """Reader text of every page in the nav, by URL path ("" for the home page)."""
    return {support.page_url(source): reader_text(html(support.page_url(source)))
            for source in support.nav_pages()}


# --- articles.yml is well formed --------------------------------------------------------------------------

def test_articles_yml_is_well_formed(articles):
    assert FACTS_ERROR is None, FACTS_ERROR
    urls = {support.page_url(source) for source in support.nav_pages()}
    problems = []
    seen = set()
    for number, entry in enumerate(FACTS, 1):
        where = f"{FACTS_FILE.name} entry {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with {sorted(REQUIRED)}, got {entry!r}")
            continue
        where += f" ({str(entry.get('fact', ''))[:60]!r})"
        problems += [f"{where}: missing '{key}'" for key in sorted(REQUIRED - set(entry))]
        problems += [f"{where}: unknown field '{key}'; expected one of {sorted(FIELDS)}"
                     for key in sorted(set(entry) - FIELDS)]
        if "article" in entry and entry["article"] not in articles:
            problems.append(f"{where}: article {entry['article']!r} is not among the articles of tests/articles.fingerprints")
        fact = entry.get("fact")
        if not isinstance(fact, str) or not fact.strip() or "\n" in fact.strip():
            problems.append(f"{where}: 'fact' must be one plain sentence on one line")
        elif fact.strip().casefold() in seen:
            problems.append(f"{where}: the same fact is listed twice")
        else:
            seen.add(fact.strip().casefold())
        evidence = entry.get("evidence")
        if not isinstance(evidence, list) or not evidence:
            problems.append(f"{where}: 'evidence' must be a list of at least one regular expression")
            evidence = []
        for pattern in evidence:
            if not isinstance(pattern, str) or not pattern.strip():
                problems.append(f"{where}: evidence {pattern!r} is not a regular expression")
                continue
            try:
                compiled = re.compile(pattern, re.I)
            except re.error as error:
                problems.append(f"{where}: evidence {pattern!r} does not compile: {error}")
                continue
            if compiled.search(""):
                problems.append(f"{where}: evidence {pattern!r} matches empty text, so it proves nothing")
        if "page" in entry and entry["page"] not in urls:
            problems.append(f"{where}: page {entry['page']!r} is not a page of the nav; expected one of "
                            f"{sorted(urls)}")
    assert not problems, "\n".join(problems)


def test_every_article_has_its_facts(articles):
    covered = {entry.get("article") for entry in FACTS if isinstance(entry, dict)}
    missing = sorted(set(articles) - covered)
    assert not missing, f"{FACTS_FILE.name} lists no fact of: {', '.join(missing)}"


# --- every fact is on the site ------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", [e for e in FACTS if usable(e)], ids=fact_id)
def test_fact_is_on_the_site(pages, entry):
    evidence = [re.compile(pattern, re.I) for pattern in entry["evidence"]]
    candidates = [entry["page"]] if "page" in entry else list(pages)
    missing = {url: [e.pattern for e in evidence if not e.search(pages.get(url, ""))] for url in candidates}
    if any(not gaps for gaps in missing.values()):
        return
    best = min(candidates, key=lambda url: len(missing[url]))
    where = f"/{best}" if "page" in entry else f"any one page (closest: /{best})"
    nowhere = [p for p in missing[best] if all(p in gaps for gaps in missing.values())]
    detail = "".join(f"\n  missing: {p}" + ("" if p in nowhere or "page" in entry else "   (found on other pages)")
                     for p in missing[best])
    pytest.fail(f"{entry['article']}: fact not on {where}: {entry['fact']}{detail}", pytrace=False)


# --- nothing is copied --------------------------------------------------------------------------------------

def copied_runs(text: str, prints: dict[str, set[str]]) -> list[tuple[str, set[str]]]:
    """Every run of RUN or more consecutive words of `text` that also stands in an article, as
    (the run, the articles it is in); `prints` holds each article's fingerprints."""
    found = words(text)
    runs: list[list] = []  # [start, end, articles]
    for i in range(len(found) - RUN + 1):
        run = fingerprint(found[i:i + RUN])
        sources = {name for name, known in prints.items() if run in known}
        if not sources:
            continue
        if runs and i <= runs[-1][1]:
            runs[-1][1], runs[-1][2] = i + RUN, runs[-1][2] | sources
        else:
            runs.append([i, i + RUN, set(sources)])
    return [(" ".join(found[start:end]), sources) for start, end, sources in runs]


def test_no_run_of_twelve_words_is_copied_from_an_article(articles, pages):
    copies = [f"/{url}: from {', '.join(sorted(sources))}: \"{run}\""
              for url, text in pages.items() for run, sources in copied_runs(text, articles)]
    assert not copies, (f"{len(copies)} run(s) of {RUN} or more words copied from the articles; say it "
                        "in the site's own words:\n" + "\n".join(copies))


def test_the_copy_check_finds_a_copied_run_and_only_that():
    prints = {"a.txt": set(fingerprints.fingerprints(
        "One two three four five six seven eight nine ten eleven twelve thirteen."))}
    assert copied_runs("Intro: ONE two, three four five six seven eight nine ten eleven twelve "
                       "thirteen! End.", prints) == [
        ("one two three four five six seven eight nine ten eleven twelve thirteen", {"a.txt"})]
    assert copied_runs("one two three four five six seven eight nine ten eleven", prints) == []


def test_the_fingerprints_are_those_of_the_articles_when_they_are_at_hand():
    """Where shared/seeds/ is beside the project, the committed fingerprints are its articles'
    (else run `python -m tools.articles`); the suite itself never needs them."""
    folder = support.ROOT.parent / "shared" / "seeds"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))} if folder.is_dir() else {}
    if not texts:
        pytest.skip("the articles are not beside this checkout")
    assert {name: set(fingerprints.fingerprints(text)) for name, text in texts.items()} == fingerprints.load()


def test_reader_text_keeps_cells_apart_and_leaves_out_scripts():
    from bs4 import BeautifulSoup
    soup = BeautifulSoup("<nav>Menu</nav><article><h2>Open<a class='headerlink'>¶</a></h2><table><tr>"
                         "<td>Open</td><td>Closed</td></tr></table><p>It’s <b>cheap</b>er</p>"
                         "<script>var x = 1</script><style>p{}</style><!-- note --></article>",
                         "html.parser")
    assert reader_text(soup) == "Open Open Closed It's cheaper"
