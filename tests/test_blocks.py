"""Generated HTML goes into pages after Markdown (macros/slots.py): what Markdown used to do to it,
links to pages and MkDocs' anchor check, still happens, and text stays literal; then the whole page,
its own text and the generated HTML alike, gets its glossary terms marked (render/glossary.py)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.render import glossary, slots
from tests import support
from tests.test_errors import edit

GLOSSARY = glossary.Glossary.from_words({"LLM": "Large language model", "Open weights": "Weights you can download",
                                         "R&D": "Research and development", "vendor's API": "An API by a \"vendor\""})


def marked(html: str, terms: glossary.Glossary = GLOSSARY) -> list[str]:
    """The terms marked in `html`, in order."""
    return [b.get_text() for b in BeautifulSoup(glossary.mark(html, terms)[0], "html.parser").select("button.ovc-term")]


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


def test_terms_are_marked_in_text_only_whole_words_longest_first():
    html = ('<p title="LLM">LLMs, Open weights; R&amp;D at the vendor&#39;s API.</p>'
            '<code>LLM</code><script>var LLM = 1;</script><a href="#x">LLM</a><p>and an LLM</p>')
    out, used = glossary.mark(html, GLOSSARY)
    assert marked(html) == ["Open weights", "R&D", "vendor's API", "LLM"]  # "LLMs" is another word
    assert 'title="LLM"' in out and "<code>LLM</code>" in out and "var LLM = 1;" in out and '<a href="#x">LLM</a>' in out
    assert [e.term for e in used] == ["Open weights", "R&D", "vendor's API", "LLM"]
    assert marked("<p>the vendor's API, as Markdown writes it</p>") == ["vendor's API"]


def test_a_term_is_marked_once_per_section_and_never_in_headings_labels_or_table_headers():
    html = ('<h1 id="t">LLM</h1><p>An LLM and an LLM.</p><table><caption>LLM</caption><tr><th>LLM</th></tr>'
            '<tr><td>LLM</td></tr></table><h2 id="a">About LLM</h2><p>LLM</p><form><fieldset><legend>LLM</legend>'
            '<label>LLM <input></label><button>LLM</button></fieldset></form><details><summary>LLM</summary></details>'
            '<dl><dt>LLM</dt><dd>LLM</dd></dl><h3 id="b">B</h3><p>More LLM</p>')
    soup = BeautifulSoup(glossary.mark(html, GLOSSARY)[0], "html.parser")
    sections = [[b.get_text() for b in p.find_all("button", class_="ovc-term")] for p in soup.select("p, td, dd")]
    assert sections == [["LLM"], [], ["LLM"], [], ["LLM"]]  # h1's section: the paragraph; h2's; h3's
    assert not soup.select(":is(h1, h2, h3, th, caption, legend, label, summary, dt, button:not(.ovc-term)) .ovc-term")


def test_the_spellings_of_one_term_count_as_one_and_its_own_entry_is_left_alone():
    terms = glossary.Glossary([glossary.Entry("gpu", "GPU", "g", ("GPU", "GPUs"))])
    assert marked("<p>GPUs, a GPU.</p><h2>x</h2><p>a GPU, GPUs</p>", terms) == ["GPUs", "GPU"]
    assert marked('<h2 id="gpu">GPU</h2><p>A GPU is</p><h2 id="next">Next</h2><p>GPU</p>', terms) == ["GPU"]


def test_of_terms_sharing_a_beginning_the_longest_that_fits_wins():
    terms = glossary.Glossary.from_words({"GPU": "g", "GPU hour": "gh", "GPUs": "gs", "Open": "o", "Open model": "om"})
    assert marked("<p>GPU hours, one GPU hour, two GPUs, an Open model, Open data, a GPU.</p>", terms) == [
        "GPU", "GPU hour", "GPUs", "Open model", "Open"]


def test_each_definition_is_written_once_escaped_with_a_link_to_its_entry_and_left_out_of_search():
    terms = glossary.Glossary([glossary.Entry("x", "X<y>", 'A "quoted" <b>definition</b>', ("LLM", "LLMs"))])
    out, used = glossary.mark("<p>LLM</p><h2>b</h2><p>LLMs</p>", terms)
    soup = BeautifulSoup(out + glossary.popovers(used, "../glossary/"), "html.parser")
    [popover] = soup.select("[popover]")
    assert popover["id"] == "ovc-def-x" and popover.has_attr("data-search-exclude")
    assert [b["popovertarget"] for b in soup.select("button.ovc-term")] == ["ovc-def-x", "ovc-def-x"]
    assert popover.get_text(" ", strip=True).startswith('X<y> : A "quoted" <b>definition</b>')
    assert not popover.find("b") and popover.find("a")["href"] == "../glossary/#x"
    assert glossary.popovers([], "../glossary/") == ""


def test_without_terms_the_html_is_unchanged():
    html = "<table><tr><td>nothing to explain</td></tr></table>"
    assert glossary.mark(html, GLOSSARY) == (html, [])
    assert glossary.mark("<p>LLM</p>", glossary.Glossary([])) == ("<p>LLM</p>", [])


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
    edit(project / "macros" / "render" / "templates" / "families_table.html.j2", '<a href="access.md#', '<a href="acces.md#')
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "generated HTML links to 'acces.md', which is not a page of the site" in result.stderr
    assert "Traceback" not in result.stderr


def test_what_an_html_template_wrote_is_placed_whole_and_markdown_is_not(site):
    from macros.render import pages as render
    assert isinstance(render.comparison_table(site), slots.Html)
    assert isinstance(render.decision_helper(site), slots.Html)
    assert not isinstance(render.faq_list(site), slots.Html)  # headings stay Markdown
    assert not isinstance(render.flowchart(site), slots.Html)  # a mermaid fence
    assert not isinstance(render.comparison_table(site) + "", slots.Html)
