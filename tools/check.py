"""`make check`: validation alone, for editors and a pre-commit hook. Reads and checks all of data/
exactly as the build does, prints each located problem (`data/<file>.yml:<line>: <record>.<field>:
<what and how to fix it>`) and nothing else, and exits 1 if there is any; silent and 0 when the data
is valid. Much faster than a build (make bench measures it): no MkDocs, no pages."""
from __future__ import annotations

import sys

from macros.data import DataError, load_site
from tools.project import ROOT


def main() -> int:
    try:
        load_site(ROOT / "data")
    except DataError as error:
        for problem in error.problems:
            print(problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
