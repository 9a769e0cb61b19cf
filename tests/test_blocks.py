"""Generated HTML goes into pages after Markdown (macros/slots.py): what Markdown used to do to it,
links to pages, glossary tooltips and MkDocs' anchor check, still happens, and text stays literal."""
from __future__ import annotations

import pytest

from macros.render import glossary, slots
from tests import support
from tests.test_errors import edit

GLOSSARY = glossary.Glossary({"LLM": "Large language model", "Open weights": "Weights you can download",
                            "R&D": "Research and development", "vendor's API": "An API by a \"vendor\""})


def test_links_to_page_sources_become_urls_and_the_rest_is_left_alone():
    seen = []

    def url_for(path, rest):
        seen.append((path, rest))
        return "../" + path.removesuffix(".md") + "/" + rest

    html = ('<a href="sources.md#s1">1</a> <a href="helper.md?a=b">h</a> <a href="deep/x.md">x</a> '
            '<a href="#local">l</a> <a href="https://example.org/a.md">e</a> <a href="../exports/t.csv">c</a>')
    out = slots.links(html, url_for)
    assert seen == [("sources.md", "#s1"), ("helper.md", "?a=b"), ("deep/x.md", "")]
    assert ('href="../sources/#s1"' in out and 'href="../helper/?a=b"' in out and 'href="../deep/x/"' in out
            and 'href="#local"' in out and 'href="https://example.org/a.md"' in out
            and 'href="../exports/t.csv"' in out)


def test_terms_become_tooltips_in_text_only_whole_words_longest_first():
    html = ('<p title="LLM">An LLM, LLMs and Open weights; R&amp;D at the vendor&#39;s API.</p>'
            '<code>LLM</code><script>var LLM = 1;</script><a href="#x">LLM</a><p>after LLM</p>')
    out = glossary.abbreviate(html, GLOSSARY)
    assert out.count('<abbr title="Large language model">LLM</abbr>') == 2  # "LLMs" is another word
    assert 'title="LLM"' in out  # attributes are not text
    assert '<abbr title="Weights you can download">Open weights</abbr>' in out
    assert '<abbr title="Research and development">R&amp;D</abbr>' in out
    assert '<abbr title="An API by a &#34;vendor&#34;">vendor&#39;s API</abbr>' in out
    assert "<code>LLM</code>" in out and "var LLM = 1;" in out and '<a href="#x">LLM</a>' in out


def test_without_terms_the_html_is_unchanged():
    html = "<table><tr><td>nothing to explain</td></tr></table>"
    assert glossary.abbreviate(html, GLOSSARY) == html
    assert glossary.abbreviate(html, glossary.Glossary({})) == html


def test_slots_are_filled_in_order_and_lose_a_paragraph_around_them():
    page = f"<h1 id=\"t\">T</h1>\n{slots.slot(0)}\n<p>{slots.slot(1)}</p>"
    filled, brought = slots.fill(page, ['<table id="a"></table>', "<ul></ul>"])
    assert filled == '<h1 id="t">T</h1>\n<table id="a"></table>\n<ul></ul>'
    assert brought == {"a"}  # the ids the blocks add (MkDocs' anchor check is told of them)


def test_an_id_used_by_a_heading_and_by_generated_html_is_an_error():
    with pytest.raises(ValueError, match="id used twice on the page: faq"):
        slots.fill(f'<h1 id="faq">FAQ</h1>{slots.slot(0)}', ['<dl id="faq"></dl>'])


def test_marked_html_in_markdown_is_kept_apart():
    kept = []

    def keep(html):
        kept.append(html)
        return slots.slot(len(kept) - 1)

    markdown = f"## A\n\n{slots.HTML_START}\n<table>1</table>\n{slots.HTML_END}\n\ntext\n\n" \
               f"{slots.HTML_START}\n<table>2</table>\n{slots.HTML_END}\n"
    assert slots.extract(markdown, keep) == f"## A\n\n{slots.slot(0)}\n\ntext\n\n{slots.slot(1)}\n"
    assert kept == ["<table>1</table>", "<table>2</table>"]


def test_a_broken_anchor_in_generated_html_fails_the_strict_build(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "macros" / "render" / "templates" / "cheatsheet_table.html.j2", 'href="#option-{{ id }}"',
         'href="cheat-sheet.md#no-such-{{ id }}"')
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "contains a link 'cheat-sheet.md#no-such-" in result.stderr


def test_a_link_to_a_missing_page_in_generated_html_fails_the_build(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "macros" / "render" / "templates" / "_cite.html.j2", '<a href="sources.md#', '<a href="source.md#')
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "generated HTML links to 'source.md', which is not a page of the site" in result.stderr
    assert "Traceback" not in result.stderr


def test_of_terms_sharing_a_beginning_the_longest_that_fits_wins():
    terms = glossary.Glossary({"GPU": "g", "GPU hour": "gh", "GPUs": "gs", "Open": "o", "Open model": "om"})
    out = glossary.abbreviate("<p>GPU hours, one GPU hour, two GPUs, an Open model, Open data, a GPU.</p>", terms)
    assert out == ('<p><abbr title="g">GPU</abbr> hours, one <abbr title="gh">GPU hour</abbr>, two <abbr title="gs">GPUs</abbr>, '
                   'an <abbr title="om">Open model</abbr>, <abbr title="o">Open</abbr> data, '
                   'a <abbr title="g">GPU</abbr>.</p>')


def test_a_pages_blocks_get_tooltips_and_links():
    out = slots.prepare(['<p>An LLM.</p>', '<a href="faq.md#q">q</a>', "<p>LLM</p>"],
                         lambda path, rest: "../faq/" + rest, GLOSSARY)
    assert out == ['<p>An <abbr title="Large language model">LLM</abbr>.</p>', '<a href="../faq/#q">q</a>',
                   '<p><abbr title="Large language model">LLM</abbr></p>']
    assert slots.prepare([], lambda path, rest: "", GLOSSARY) == []


def test_the_glossary_finds_the_terms_of_plain_markdown_text_too():
    """The page's Markdown gets the definitions of exactly these terms (macros/render/glossary.py)."""
    text = "An LLM's R&D budget; no LLMs here, and an Open weight (singular) is not the term."
    assert GLOSSARY.terms_in(text) == {"LLM", "R&D"}


def test_what_an_html_template_wrote_is_placed_whole_and_markdown_is_not(site):
    from macros.render import pages as render
    assert isinstance(render.comparison_table(site), slots.Html)
    assert isinstance(render.decision_helper(site), slots.Html)
    assert not isinstance(render.faq_list(site), slots.Html)  # headings stay Markdown
    assert not isinstance(render.flowchart(site), slots.Html)  # a mermaid fence
    assert not isinstance(render.comparison_table(site) + "", slots.Html)
