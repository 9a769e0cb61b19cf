"""Models and families named in prose link to their pages (render/mentions.py), tested as a pure
function on made-up names: whole names only, the first mention, never in headings or links, never
to the page itself, every text escaped."""
from __future__ import annotations

from macros.render import glossary
from macros.render.mentions import Mentions, link


def _mentions(**names):
    return Mentions({text: target for name, target in names.items() for text in glossary._spellings(name)})


def _link(page, mentions, own="other.md"):
    return link(page, mentions, lambda target: "/" + target, own)


def test_the_first_whole_mention_links_and_longer_names_are_not_cut():
    m = Mentions({"Model-4": "models/model-4.md", "Model-4o": "models/model-4o.md", "Fam 3": "models.md#fam-3"})
    page, linked = _link("<p>Model-4o beats Model-4, Model-4 again; Fam 3.1 and Fam 3.</p>", m)
    assert page.count('href="/models/model-4.md"') == 1 and page.count('href="/models/model-4o.md"') == 1
    assert '<a class="ovc-mention" href="/models.md#fam-3">Fam 3</a>.' in page, "a sentence's full stop is no version"
    assert "Fam 3.1" in page and linked == ["models/model-4o.md", "models/model-4.md", "models.md#fam-3"]


def test_headings_links_code_and_the_page_itself_are_left_alone():
    m = Mentions({"Model-4": "models/model-4.md"})
    for skipped in ("<h2>Model-4</h2>", '<a href="x">Model-4</a>', "<code>Model-4</code>"):
        assert _link(skipped, m) == (skipped, [])
    assert _link("<p>Model-4</p>", m, own="models/model-4.md") == ("<p>Model-4</p>", [])


def test_a_hostile_name_is_matched_as_the_escaped_text_it_is_and_its_target_escaped():
    name = '<script>x</script> & "q"'
    m = Mentions({text: 'models/a"b.md' for text in glossary._spellings(name)})
    page, _ = _link("<p>see &lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; here</p>", m)
    assert "<script>" not in page and 'href="/models/a&#34;b.md"' in page


def test_one_walk_links_names_and_marks_terms_as_two_walks_one_after_the_other_would():
    """reading.finish links names and marks glossary terms in one walk over the page: the same page
    as linking first and marking the result, a term inside a name's link left unmarked."""
    from macros.render import reading
    terms = glossary.Glossary.from_words({"LLM": "Large language model", "weights": "The parameters"})
    m = Mentions({"LLM Model-4": "models/model-4.md", "Model-5": "models/model-5.md"})
    page = ("<h1>Title</h1><p>An LLM: LLM Model-4 has weights; Model-5 too, LLM again.</p>"
            '<h2 id="next">Next</h2><p>weights and LLM Model-4 and <code>LLM</code> <a href="x">LLM</a></p>'
            "<table><tr><th>LLM</th></tr><tr><td>Model-5 LLM</td></tr></table>")
    one = reading.finish(page, glossary=terms, sources={}, sources_href="s/", glossary_href="g/",
                         mentions=m, href=lambda target: "/" + target, own="other.md")
    linked, targets = _link(page, m)
    two, used = glossary.mark(linked, terms)
    assert one.html.startswith(two) and one.linked == targets and one.defined == [e.id for e in used]
    assert '<a class="ovc-mention" href="/models/model-4.md">LLM Model-4</a>' in one.html
    assert one.html.count('popovertarget="ovc-def-llm">LLM</button>') == 2, "once in each section"
