"""Words and colours the pages show for coded values, and the tables' column headings.

One place for them, shared by the HTML templates of the pages (a Jinja global `labels`) and by the
rows behind the Markdown, CSV and Confluence exports (publish/tables.py), so a heading is typed once.
Every map keyed by a value of the schema has exactly the schema's values as keys
(tests/test_presentation.py): a value added to models.py without its label fails there, and a value
the schema does not allow is a data problem, never a Jinja error.
"""
from __future__ import annotations

COLUMNS = {
    "comparison": ["Dimension", "Open-weight models", "Closed models", "Leans", "Detail"],
    "cheatsheet": ["Situation", "Recommended", "Defined by", "Why"],
    "changes": ["Date", "Kind", "Change", "Before", "Now", "About"],
    "families": ["Family", "Developer", "Openness", "Takes in / gives out", "Releases", "Ways in", "Note"],
    "open_parts": ["Part", "When it is open", "How often", "Examples"],
    "use_case_routes": ["Task", "Use", "Model", "Why"],
    "regulation_dates": ["Applies from", "What applies"],
    "memory": ["Model", "Parameters", "Active per token"],  # then one column per labels.PRECISION_BITS
}
# Columns only the exports carry (on the pages this is a row group, a citation or a date line).
CATEGORY, USE_CASE, SOURCES, REVIEWED, AS_OF = "Category", "Use case", "Sources", "Reviewed", "As of"

LEANS = {"open": "Open", "closed": "Closed", "depends": "Depends"}
OPENNESS = {"closed": "Closed", "open-weights-restricted": "Open weights, restrictive licence",
            "open-weights-osi": "Open weights, OSI-approved licence", "open-source": "Open source"}
# Which side of the site's two-way distinction each openness class is on (a colour on the pages).
OPENNESS_SIDE = {"closed": "closed", "open-weights-restricted": "open", "open-weights-osi": "open", "open-source": "open"}
STATUSES = {"active": "Active", "beta": "Beta", "deprecated": "Deprecated", "retired": "Retired"}
HOW_COMMON = {"common": "Common", "varies": "Varies", "rare": "Rare"}
OPTION_SIDES = {"open": "Open-weight", "closed": "Closed", "mixed": "Both", "any": "Either"}
ROUTE_SIDES = {"closed": "closed models", "open": "open-weight models", "both": "both kinds of model"}
NONE = "—"  # an empty cell
ANY = "Any"  # exports: a cheat-sheet situation that no answer defines
NEXT_QUESTION = "Next question"  # a guide answer that points to no option of its own

# An answer's part in the decision model (decision.part: what its `requires` and `prefers` do), as
# the guide and the helper name it.
PARTS = {"requires": "Rules out options", "prefers": "Weighs the options", "both": "Rules out and weighs options",
         "none": "Rules nothing out"}
# The calculator's input groups (models.CalculatorInput.group), in page order, with their headings.
CALCULATOR_GROUPS = {"workload": "Workload", "closed": "Closed model via API", "host": "Open model via an API host",
                     "self-hosted": "Self-hosting an open model"}
# The calculator's two model selects (decision.prices.SIDES), as their labels name them.
CALCULATOR_PICKS = {"closed": "Closed model", "open": "Open-weight model"}
# The calculator's routes (decision.ROUTES), as its results and chart name them.
ROUTES = {"closed": "Closed model via API", "host": "Open model via an API host", "self": "Open model, self-hosted"}

# Outcome colours (models.Tone) of the flowchart and its legend: fill, stroke. Dark text keeps them
# readable in the dark scheme too. Tones are named in data/options.yml.
TONES = {
    "green": ("#e8f5e9", "#2e7d32"),
    "orange": ("#fff3e0", "#e65100"),
    "blue": ("#e3f2fd", "#1565c0"),
    "grey": ("#f5f5f5", "#616161"),
    "purple": ("#f3e5f5", "#7b1fa2"),
    "teal": ("#e0f2f1", "#00695c"),
    "yellow": ("#fffde7", "#f57f17"),
    "pink": ("#fce4ec", "#ad1457"),
}
TONE_TEXT = "#1b1b1b"
# Flowchart outcome boxes: the tone's stroke colour at this opacity (8-digit hex), and no text colour,
# so the theme's own label colour stays readable on the light and on the dark scheme (and on wikis).
TONE_DIAGRAM_ALPHA = "33"


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def number_word(count: int) -> str:
    """A count as prose writes it: one to twenty in words, larger ones in digits."""
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else f"{count:,}"


# What a source is (models.Source.kind), as the Sources page groups them.
SOURCE_KINDS = {"law": "Laws and regulators' guidance", "regulator": "Laws and regulators' guidance",
                "licence": "Licence texts", "provider": "Providers' own pages", "dataset": "Datasets",
                "paper": "Papers", "software": "Projects' own documentation",
                "background-article": "Background articles", "estimate": "The editors' estimates"}
# The laws a rule of regulation.yml is about (models.Rule.law).
LAWS = {"eu-ai-act": "EU AI Act (Regulation (EU) 2024/1689)", "gdpr": "GDPR (Regulation (EU) 2016/679)",
        "hipaa": "HIPAA (United States)"}
# What part of a law a statement of regulation.yml is about (models.Rule.topic), in the order the
# Regulation page shows them.
LAW_TOPICS = {"dates": "When each part applies", "obligations": "Duties of model providers",
              "open-source": "The open-source exemption", "modification": "Fine-tuning and modifying a model",
              "contracts": "Contracts with providers", "transfers": "Transfers outside the EEA"}

# --- the catalogue's own pages: /models/, /models/<id>/, /licences/<id>/, /models/compare/ ----------------

# The catalogue table's columns, in page order: (key the script sorts and filters by, heading).
CATALOGUE = {"model": "Model", "developer": "Developer", "openness": "Openness", "licence": "Licence",
             "released": "Released", "context": "Context", "modalities": "Takes in / gives out",
             "input": "Input price", "output": "Output price", "transparency": "Developer transparency",
             "status": "Lifecycle"}
MODALITIES = {"text": "text", "image": "image", "audio": "audio", "video": "video", "pdf": "PDF"}
PRICE_UNIT = "US$ per million tokens"
# A licence's terms (models.Terms), as its page and a model's page name them, in that order.
TERMS = {"commercial_use": "Commercial use", "user_threshold": "User threshold",
         "revenue_threshold": "Revenue threshold", "attribution": "Attribution and naming",
         "acceptable_use_policy": "Acceptable-use policy", "outputs_to_train_models": "Outputs to train other models",
         "licensor_may_restrict_later": "Licensor may restrict use later", "field_of_use": "Field of use",
         "distribution": "Distribution"}
# Each term value in words (for the worded terms, the value itself is shown).
COMMERCIAL_USE = {"allowed": "Allowed", "with-conditions": "Allowed, with conditions", "not-allowed": "Not allowed",
                  "unknown": "Unknown"}
THRESHOLD = {"none": "None", "threshold": "Above a limit, terms change", "unknown": "Unknown"}
THRESHOLD_UNITS = {"monthly-active-users": "monthly active users", "usd-monthly-revenue": "US$ monthly revenue",
                   "usd-annual-revenue": "US$ annual revenue"}
YES_NO = {"yes": "Yes", "no": "No", "unknown": "Unknown"}
OUTPUTS = {"allowed": "Allowed", "with-conditions": "Allowed, with conditions", "restricted": "Restricted",
           "not-allowed": "Not allowed", "not-addressed": "Not addressed", "unknown": "Unknown"}
LATER = {"yes": "Yes", "partly": "Partly", "termination-only": "Only by ending the licence on breach", "no": "No",
         "unknown": "Unknown"}
# A licence's page sorts its terms into what you may do, must do and must not do (or must check).
# What a card (cards.yml) is, and the facts it gives, as the model page names them.
CARD_KINDS = {"model-card": "model card", "config": "configuration file", "repository": "repository",
              "paper": "paper", "docs": "documentation"}
CARD_FACTS = {"context": "context window", "max_output": "longest answer", "parameters": "parameters"}
VERDICTS = {"may": "You may", "must": "You must", "must-not": "You must not, or must check first"}
LICENCE_CHECKED = {"text": "Read in full", "partly": "Some clauses read", "name": "Only its name known",
                   "no": "Not read"}
OSAI_CLASSES = {"open": "Open", "partial": "Partial", "closed": "Closed", "not-rated": "Not rated"}
OSAI_GROUPS = {"availability": "Availability", "documentation": "Documentation", "access": "Access"}
OSI_REQUIREMENTS = {"data-information": "Data information", "code": "Code", "parameters": "Parameters"}
MOF_CLASSES = {"I": "Class I (open science)", "II": "Class II (open tooling)", "III": "Class III (open model)",
               "none": "No class"}
# The catalogue's filters that are yes/no questions: (key, label).
CATALOGUE_CHECKS = {"osi": "OSI-approved licence", "commercial": "Commercial use allowed",
                    "no-user-cap": "No user threshold", "outputs": "Outputs may train other models",
                    "self-host": "Can self-host (weights published)", "hosted": "Reachable through a host",
                    "retired": "Retired or deprecated only"}
# The same facts (models.Flag) as a description of models, for prose: "models ... are left out".
FLAG_WORDS = {"osi": "under an OSI-approved licence", "commercial": "whose licence allows commercial use",
              "no-user-cap": "whose licence sets no user threshold",
              "outputs": "whose licence lets outputs train other models", "self-host": "with published weights",
              "hosted": "that a host serves", "retired": "retired or deprecated"}
COMPARE_MAX = 4  # models side by side on /models/compare/
# Rows of the catalogue table shown at once once the script runs (the rest behind "Show all"): laying
# out hundreds of rows at each filter is what a phone-class CPU cannot do within 50 ms.
CATALOGUE_ROWS = 50

# What kind of change an entry of changelog.yml records (models.Change.kind), in the order the What's
# new page offers them as filters; each names its feed too.
CHANGE_KINDS = {"new-model": "New model", "price-change": "Price change", "retirement": "Retirement announced",
                "licence-change": "Licence change", "openness-change": "Openness change",
                "law-change": "Change in the law", "correction": "Correction", "addition": "New on this site"}
# Month names for the What's new page's headings (not the locale's: the site is in English).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# How many of the latest changes the home page shows.
RECENT_CHANGES = 5

# The precisions the memory table shows a model's weights at, in bits per parameter (a byte is 8 bits).
PRECISION_BITS = (16, 8, 4)
