"""Every built page through the Nu Html Checker (vnu.jar, from npm's vnu-jar, installed by `make test`
into tools/node_modules): zero errors, except the few that Material's own theme markup produces and
that no template of ours can avoid; each of those is listed below with its reason."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import ROOT

VNU = ROOT / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (part of the message, part of the offending markup): errors from mkdocs-material 9.8.1's templates.
MATERIAL = [
    # partials/nav-item.html writes tabindex="{{ tabindex }}", empty for section labels when the
    # navigation.sections feature is on; browsers treat it as absent.
    ("for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    # base.html puts autocomplete="off" on its drawer and search toggles, which are checkboxes; it
    # stops Firefox restoring their state on reload.
    ("Attribute “autocomplete” is only allowed", 'class="md-toggle"'),
    # partials/toc.html labels the table of contents for the toggle "__toc", which nav-item.html
    # writes only for a page in the nav: the generated model and licence pages are not (there are
    # hundreds); the label then toggles nothing.
    ("The value of the “for” attribute of the “label” element", 'for="__toc"'),
]


def _from_material(message: dict) -> bool:
    extract = message.get("extract", "")
    return any(text in message["message"] and markup in extract for text, markup in MATERIAL)


def check(site) -> list[dict]:
    """All of vnu's messages on every HTML file under `site`."""
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker: apt-get install default-jre-headless (.ci/run does)"
    assert VNU.is_file(), "vnu.jar is missing: run `make test` (it installs tools/ with npm ci)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html",
                             "--exit-zero-always", str(site)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or result.stdout)["messages"]


def errors_of_ours(messages: list[dict], site) -> list[str]:
    return [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
            for m in messages if m["type"] == "error" and not _from_material(m)]


@pytest.fixture(scope="module")
def vnu_messages(built_site) -> list[dict]:
    return check(built_site)


def test_checker_saw_every_page(vnu_messages, built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 20
    assert not [m for m in vnu_messages if m["type"] == "non-document-error"], "the checker could not read a page"


def test_every_page_is_valid_html(vnu_messages, built_site):
    errors = errors_of_ours(vnu_messages, built_site)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:30])


def test_material_filters_are_still_needed(vnu_messages):
    """A filter that no longer matches anything is removed, so none hides a new error of ours."""
    for text, markup in MATERIAL:
        assert any(text in m["message"] and markup in m.get("extract", "") for m in vnu_messages), text
