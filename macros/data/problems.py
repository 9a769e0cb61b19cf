"""Problems found in data/, and the one-line form editors see them in.

Every check reports a Problem; the build collects all of them and fails once with DataError,
whose text is one line per problem: `data/<file>.yml:<line>: <record>.<field>: <what and how to fix>`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path as the editor knows it, e.g. "data/dimensions.yml"
    line: int  # 1-based; 1 when the problem concerns the whole file
    where: str  # "<record id>.<field>", or a short word such as "syntax" or "file"
    message: str

    def __str__(self) -> str:
        # Always one line, and `where` one word, whatever keys or values the data holds.
        where = re.sub(r"[\s:]+", "_", self.where)[:80] or "file"
        line = f"{self.file}:{self.line}: {where}: {' '.join(self.message.split())}"
        # Printable whatever the data held: half a character (a lone surrogate) as its escape.
        return line.encode("utf-8", "backslashreplace").decode("utf-8")


class DataError(Exception):
    """All problems of one load, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"data/ has {count} problem{'s' if count != 1 else ''}; the site was not built:"
        return "\n".join([head, *map(str, self.problems)])
