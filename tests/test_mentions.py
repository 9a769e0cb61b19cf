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
