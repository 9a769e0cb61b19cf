"""Words the tables show: column headings and the labels of coded values.

One place for them, shared by the HTML templates of the pages (a Jinja global `labels`) and by the
rows behind the Markdown, CSV and Confluence exports (macros/tables.py), so a heading is typed once.
"""
from __future__ import annotations

COLUMNS = {
    "comparison": ["Dimension", "Open-weight models", "Closed models", "Leans", "Detail"],
    "cheatsheet": ["Situation", "Recommended", "Defined by", "Why"],
    "families": ["Model", "Vendor", "Openness", "Modality", "Ways in", "Note"],
    "open_parts": ["Part", "When it is open", "How often", "Examples"],
    "use_case_routes": ["Task", "Use", "Model", "Why"],
}
# Columns only the exports carry (on the pages this is a row group, a citation or a date line).
CATEGORY, USE_CASE, SOURCES, REVIEWED, AS_OF = "Category", "Use case", "Sources", "Reviewed", "As of"

LEANS = {"open": "Open", "closed": "Closed", "depends": "Depends"}
OPENNESS = {"closed": "Closed", "open-weight": "Open-weight"}
HOW_COMMON = {"common": "Common", "varies": "Varies", "rare": "Rare"}
OPTION_SIDES = {"open": "Open-weight", "closed": "Closed", "mixed": "Both", "any": "Either"}
ROUTE_SIDES = {"closed": "closed models", "open": "open-weight models"}
NONE = "—"  # an empty cell
ANY = "Any"  # exports: a cheat-sheet situation that no answer defines
NEXT_QUESTION = "Next question"  # a guide answer that recommends nothing yet
