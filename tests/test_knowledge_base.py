"""The whole knowledge base: every topic of the five source articles has its page or section, every
dataset is complete and shown, glossary terms appear as tooltips, and nothing is left unrendered."""
from __future__ import annotations

import pytest

from macros.models import FILES
from tests import support

# topic -> (page, CSS selector that must match, text that must appear in the page)
TOPICS = {
    "core distinction": ("", "h2#the-core-distinction", "open-weight"),
    "two analogies": ("", "h2#two-analogies", "restaurant"),
    "control vs convenience": ("", "h2#control-against-convenience", "convenience"),
    "four lenses": ("", "h2#four-lenses-for-comparing", "Task fit"),
    "questions to ask": ("", "h2#questions-to-ask-before-choosing", "governance"),
    "key takeaways": ("", "h2#key-takeaways", "hybrid"),
    "open weights vs open source": ("what-open-means/", "table#open-parts", "open-weight"),
    "comparison table": ("compare/", "table#comparison", "Cost at high volume"),
    "reasons for open": ("why-teams-choose/", "#open-customisation", "medicine"),
    "reasons for closed": ("why-teams-choose/", "#better-when-closed", "Managed"),
    "transparency and trust": ("deep-dives/transparency/", "h1", "audit"),
    "security and privacy": ("deep-dives/security-privacy/", "h1", "governance"),
    "safety debate": ("deep-dives/safety-debate/", "h1", "disinformation"),
    "cost and break-even": ("deep-dives/cost/", "h1", "break-even"),
    "vendor lock-in": ("deep-dives/vendor-lock-in/", "h1", "abstraction"),
    "performance gap": ("deep-dives/performance/", "h1", "DeepSeek-R1"),
    "model examples": ("models/", "table#families", "Stability AI"),
    "use cases": ("use-cases/", "#financial-services-hybrid", "HIPAA"),
    "how to access": ("access/", "#local-runner", "ollama run deepseek-r1"),
    "automation flow": ("access/", "#automation", "n8n"),
    "landscape": ("landscape/", "#gap-closing", "January 2025"),
    "distillation": ("landscape/", "#distillation", "70B"),
    "regulation": ("landscape/", "#regulation", "EU AI Act"),
    "hybrid future": ("landscape/", "#hybrid-future", "hybrid"),
    "faq": ("faq/", "#open-vs-closed-difference", "replace"),
    "glossary": ("glossary/", "dl.ovc-glossary", "Distillation"),
    "freshness": ("freshness/", "table#reviews", "overdue"),
    "decision flowchart": ("hybrid-routing/", ".ovc-diagram template", "Sensitive data?"),
    "cheat sheet": ("cheat-sheet/", "table#cheatsheet", "Prototyping quickly"),
}
# Every model family, use case and access route the issue names.
REQUIRED = {
    "families": {"gpt-4", "gpt-4o", "gpt-5", "o1", "claude", "claude-opus-4", "gemini", "gemini-2-5-pro",
                 "gemini-flash", "llama-3", "llama-4", "mistral", "deepseek-r1"},
    "use_cases": {"startup-chatbot", "hospital-hipaa", "research-lab", "enterprise-hybrid",
                  "financial-services-hybrid"},
    "access_routes": {"chat", "automation", "sdk", "local-runner", "api-host", "self-host", "fine-tune"},
    "open_parts": {"weights", "training-code", "papers-architecture", "datasets", "commercial-use"},
    "trends": {"gap-closing", "distillation", "regulation", "hybrid-future"},
}
GLOSSARY_MUST = {"open weights", "fine-tuning", "distillation", "inference", "token", "SLA", "PII",
                 "data residency", "vendor lock-in", "RAG"}


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_has_its_page_or_section(html, topic):
    page, selector, text = TOPICS[topic]
    soup = html(page)
    assert soup.select_one(selector), f"{topic}: nothing matches {selector!r} on /{page}"
    assert text.casefold() in soup.get_text().casefold(), f"{topic}: {text!r} missing on /{page}"


@pytest.mark.parametrize("kind", REQUIRED)
def test_required_records_exist(site, kind):
    ids = set(site.by_id[kind])
    missing = {i for i in REQUIRED[kind] if i not in ids}
    if kind == "families":  # ids may be spelled differently; names must be there
        names = " ".join(f.name.casefold() for f in site.families.families)
        missing = {i for i in missing if i.replace("-", " ").replace("2 5", "2.5") not in names}
    assert not missing


@pytest.mark.parametrize("kind, page, selector", [
    ("families", "models/", "table#families tbody tr[id]"),
    ("open_parts", "what-open-means/", "table#open-parts tbody tr[id]"),
    ("faq", "faq/", "h2[id]"),
    ("trends", "landscape/", "h2[id]"),
    ("use_cases", "use-cases/", "h2[id]"),
    ("access_routes", "access/", "h2[id]"),
    ("glossary", "glossary/", "dl.ovc-glossary dt[id]"),
])
def test_every_record_is_shown(html, site, kind, page, selector):
    shown = {el["id"] for el in html(page).select(selector)}
    assert set(site.by_id[kind]) <= shown


def test_reasons_and_better_when_cover_both_sides(html, site):
    soup = html("why-teams-choose/")
    for reason in site.reasons.reasons:
        assert soup.select_one(f"#{reason.id}"), reason.id
    assert {r.side for r in site.reasons.reasons if r.kind == "better-when"} == {"open", "closed"}


def test_faq_has_seed_003s_questions_and_more(site):
    assert len(site.faq.faq) >= 9


def test_glossary_has_the_core_terms(site):
    terms = {t.term for t in site.glossary.glossary} | {a for t in site.glossary.glossary for a in t.aliases}
    assert {t.casefold() for t in GLOSSARY_MUST} <= {t.casefold() for t in terms}


def test_every_glossary_term_is_a_tooltip_somewhere(built_site, site):
    from bs4 import BeautifulSoup
    shown = set()
    for page in support.nav_pages():
        soup = BeautifulSoup((built_site / support.page_url(page) / "index.html").read_text(), "html.parser")
        shown |= {abbr.get_text() for abbr in soup.select("article abbr[title]")}
    unused = [t.id for t in site.glossary.glossary if not ({t.term, *t.aliases} & shown)]
    assert not unused, f"glossary terms used on no page: {unused}"


def test_freshness_lists_every_record(html, site):
    rows = html("freshness/").select("table#reviews tbody tr")
    assert len(rows) == sum(len(getattr(getattr(site, name), name)) for name in FILES)


def test_access_steps_are_numbered_in_order(html, site):
    page = html("access/")
    for route in (r for r in site.access_routes.access_routes if r.steps):
        heading = page.select_one(f"h2#{route.id}")
        steps, following = heading.find_next("ol"), heading.find_next("h2")
        assert steps is not None and (following is None or steps in following.find_all_previous("ol")), route.id
        assert [" ".join(li.get_text().split()) for li in steps.find_all("li")] == route.steps, route.id


def test_use_cases_and_cheat_sheet_link_to_the_options_they_use(html, site):
    anchors = {dt["id"] for dt in html("cheat-sheet/").select("dl.ovc-options dt[id]")}
    assert anchors == {f"option-{o}" for o in site.by_id["options"]}
    for case in site.use_cases.use_cases:
        links = {a["href"].split("#")[1] for a in html("use-cases/").select(f"h2#{case.id} ~ .ovc-table table a[href*='#option-']")}
        assert {f"option-{r.option}" for r in case.routes} <= links, case.id
    for row in site.cheatsheet.cheatsheet:
        links = [a["href"] for a in html("cheat-sheet/").select(f"tr#{row.id} a[href^='#option-']")]
        assert links == [f"#option-{o}" for o in row.recommend]


def test_overdue_reviews_are_listed_and_warned_about_without_failing_the_build(tmp_path, site):
    import datetime as dt
    from macros.data import freshness
    later = dt.date(2030, 1, 1)
    assert len(freshness.overdue(site, later, 365)) == len(freshness.reviews(site, later))
    assert freshness.overdue(site, dt.date(2026, 11, 21), 365) == []
    config = support.copy_project(tmp_path) / "mkdocs.yml"
    config.write_text(config.read_text().replace("review_max_age_days: 365", "review_max_age_days: -1"))
    result = support.build(tmp_path / "site", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "data/dimensions.yml: transparency: last reviewed" in result.stderr
