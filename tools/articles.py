"""The five background articles, as the tests need them without their text: `make articles` (run it when
the articles change) writes tests/articles.fingerprints, a hash of every run of 12 consecutive words
of each article (lowercase, punctuation dropped). tests/test_articles.py finds a copied run on the site
by its hash, so the suite never needs the articles themselves (shared/seeds/), and the repository holds
none of their wording.

    python -m tools.articles [SEEDS_DIR]      (default: shared/seeds/ beside the project)
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from tools.project import CHECKOUT, ROOT

RUN = 12  # consecutive words of an article that count as copied
FINGERPRINTS = CHECKOUT / "tests" / "articles.fingerprints"
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2011": "-",
                        "\u00ad": None})


def words(text: str) -> list[str]:
    """Text as the copy check compares it: lowercase, apostrophes dropped (so "don't" stays one word),
    every other punctuation mark a space, whitespace collapsed."""
    text = text.lower().translate(QUOTES).replace("'", "")
    return re.sub(r"[^\w\s]|_", " ", text).split()


def fingerprint(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:20]


def fingerprints(text: str) -> list[str]:
    found = words(text)
    return sorted({fingerprint(found[i:i + RUN]) for i in range(len(found) - RUN + 1)})


def load() -> dict[str, set[str]]:
    """Article file name -> the fingerprints of its runs."""
    return {name: set(prints) for name, prints in json.loads(FINGERPRINTS.read_text(encoding="utf-8")).items()}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    if not texts:
        sys.exit(f"no articles (*.txt) in {folder}")
    FINGERPRINTS.write_text(json.dumps({name: fingerprints(text) for name, text in texts.items()}, indent=0)
                            + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINTS.relative_to(ROOT)}: {len(texts)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
