"""The Model Openness Framework's class of a release (Class III Open Model, II Open Tooling, I Open
Science, or none), worked out from a Model Openness Tool file as the tool itself works it out: a port of
its evaluator, at the commit of the snapshot read (lfai/model_openness_tool 8b5d30e, 2026-05-11).

- The rules: https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/src/ModelEvaluator.php
  (evaluate, resolveLicense, getProgress, getClassification, handleTechnicalReportOmission).
- Each component's class, whether its class requires it, and its type (code, data or document):
  https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/config/install/mof.settings.yml
- Which licences are open: https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/src/LicenseHandler.php
  (isOpenSourceLicense), over the SPDX list in
  https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/licenses.json and
  https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/mof-licenses.json
  (loaded in that order by LicenseImporter.php, the second overriding the first).
- How a file's components and licences become the model the evaluator reads:
  https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/src/ModelUpdater.php

What the tool does, and so what this does:

1. Every component the file lists is included. Its licence is the component's own `license` (the word
   `unlicensed`, or an empty one, meaning none); where the component gives none, the release's global
   licence for the component's type (`release.license.code`, `.data` or `.document`); else the
   release's `distribution` licence; else none.
2. A licence is open when its SPDX id, exactly as written, is OSI-approved or FSF-libre in the tool's
   SPDX list, or one of its open data licences (CC0, CC-BY, CC-BY-SA, CDLA, ODC, ODbL, GFDL-1.3, OGL),
   or OpenMDW-1.0. A licence that is open but not of the component's type (an open code licence on a
   dataset) still counts; the tool only warns. No licence is not open.
3. Class III needs every component the framework requires of Class III, each included under an open
   licence; Class II needs those and Class II's required ones; Class I those and Class I's. Optional
   components (sample model outputs, supporting libraries and tools, model metadata) never count.
   The class is the highest one met, counting from III down: a release that misses one Class III
   component is in no class, however much else it opens.
4. An included research paper stands in for a technical report that is missing or not open (the
   paper, with its licence, then counts for Classes III and II too).

Checked against the tool's own expected results for its test files (Test_Data/expected_results.json
at the same commit, a copy in tests/fixtures/reference/model-openness-tool/): tests/test_import.py."""
from __future__ import annotations

from dataclasses import dataclass

COMMIT = "8b5d30e90a7c62d7d6ece48b91e69ff495920a4d"
RULES_URL = "https://github.com/lfai/model_openness_tool/blob/8b5d30e90a7c62d7d6ece48b91e69ff495920a4d/web/modules/mof/src/ModelEvaluator.php"


@dataclass(frozen=True)
class Component:
    cid: int           # the tool's component id (mof.settings.yml)
    name: str          # as the tool's files name it
    mof_class: int     # 1, 2 or 3: the class that lists it
    required: bool     # False: optional in that class, never counted
    kind: str          # "code", "data" or "document": the global licence it falls back on


# mof.settings.yml, in its order.
COMPONENTS = (
    Component(15, "Datasets", 1, True, "data"),
    Component(16, "Data preprocessing code", 1, True, "code"),
    Component(9, "Model architecture", 3, True, "code"),
    Component(10, "Model parameters (Final)", 3, True, "data"),
    Component(17, "Model metadata", 1, False, "data"),
    Component(24, "Model parameters (Intermediate)", 1, True, "data"),
    Component(7, "Training code", 2, True, "code"),
    Component(8, "Inference code", 2, True, "code"),
    Component(18, "Evaluation code", 2, True, "code"),
    Component(19, "Evaluation data", 2, True, "data"),
    Component(12, "Evaluation results", 3, True, "document"),
    Component(22, "Supporting libraries and tools", 2, False, "code"),
    Component(13, "Model card", 3, True, "document"),
    Component(14, "Data card", 3, True, "document"),
    Component(11, "Technical report", 3, True, "document"),
    Component(21, "Research paper", 1, True, "document"),
    Component(20, "Sample model outputs", 3, False, "document"),
)
BY_NAME = {c.name: c for c in COMPONENTS}
BY_ID = {c.cid: c for c in COMPONENTS}
TECHNICAL_REPORT, RESEARCH_PAPER = 11, 21
CLASSES = {3: "III", 2: "II", 1: "I", 0: "none"}

# SPDX ids the tool's licence list marks OSI-approved or FSF-libre (licenses.json, then mof-licenses.json).
OSI_OR_FSF = frozenset({
    "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AGPL-1.0", "AGPL-3.0",
    "AGPL-3.0-only", "AGPL-3.0-or-later", "APL-1.0", "APSL-1.0", "APSL-1.1", "APSL-1.2", "APSL-2.0",
    "Apache-1.0", "Apache-1.1", "Apache-2.0", "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-1.0-cl8",
    "Artistic-2.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-FreeBSD", "BSD-2-Clause-NetBSD",
    "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-3-Clause-LBNL", "BSD-4-Clause",
    "BSL-1.0", "BitTorrent-1.1", "BlueOak-1.0.0", "CAL-1.0", "CAL-1.0-Combined-Work-Exception", "CATOSL-1.1",
    "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CECILL-2.0", "CECILL-2.1", "CECILL-B", "CECILL-C",
    "CERN-OHL-P-2.0", "CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "CNRI-Python", "CPAL-1.0", "CPL-1.0", "CUA-OPL-1.0",
    "ClArtistic", "Condor-1.1", "ECL-1.0", "ECL-2.0", "EFL-1.0", "EFL-2.0", "EPL-1.0", "EPL-2.0",
    "EUDatagrid", "EUPL-1.1", "EUPL-1.2", "Entessa", "FSFAP", "FTL", "Fair", "Frameworx-1.0", "GFDL-1.1",
    "GFDL-1.1-only", "GFDL-1.1-or-later", "GFDL-1.2", "GFDL-1.2-only", "GFDL-1.2-or-later", "GFDL-1.3",
    "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-2.0", "GPL-2.0+", "GPL-2.0-only", "GPL-2.0-or-later",
    "GPL-3.0", "GPL-3.0+", "GPL-3.0-only", "GPL-3.0-or-later", "GPL-3.0-with-GCC-exception", "HPND", "ICU",
    "IJG", "IPA", "IPL-1.0", "ISC", "Imlib2", "Intel", "Jam", "LGPL-2.0", "LGPL-2.0+", "LGPL-2.0-only",
    "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1+", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0",
    "LGPL-3.0+", "LGPL-3.0-only", "LGPL-3.0-or-later", "LPL-1.0", "LPL-1.02", "LPPL-1.2", "LPPL-1.3a",
    "LPPL-1.3c", "LiLiQ-P-1.1", "LiLiQ-R-1.1", "LiLiQ-Rplus-1.1", "MIT", "MIT-0", "MIT-Modern-Variant",
    "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MirOS", "Motosoto",
    "MulanPSL-2.0", "Multics", "NASA-1.3", "NCSA", "NGPL", "NOSL", "NPL-1.0", "NPL-1.1", "NPOSL-3.0", "NTP",
    "Naumen", "Nokia", "Nunit", "OCLC-2.0", "ODbL-1.0", "OFL-1.0", "OFL-1.1", "OFL-1.1-RFN", "OFL-1.1-no-RFN",
    "OGTSL", "OLDAP-2.3", "OLDAP-2.7", "OLDAP-2.8", "OLFL-1.3", "OSET-PL-2.1", "OSL-1.0", "OSL-1.1",
    "OSL-2.0", "OSL-2.1", "OSL-3.0", "OpenSSL", "PHP-3.0", "PHP-3.01", "PostgreSQL", "Python-2.0", "QPL-1.0",
    "RPL-1.1", "RPL-1.5", "RPSL-1.0", "RSCPL", "Ruby", "SGI-B-2.0", "SISSL", "SMLNJ", "SPL-1.0", "SimPL-2.0",
    "Sleepycat", "StandardML-NJ", "UCL-1.0", "UPL-1.0", "Unicode-3.0", "Unicode-DFS-2016", "Unlicense",
    "VSL-1.0", "Vim", "W3C", "WTFPL", "Watcom-1.0", "X11", "XFree86-1.1", "Xnet", "YPL-1.1", "ZPL-2.0",
    "ZPL-2.1", "Zend-2.0", "Zimbra-1.3", "Zlib", "eCos-2.0", "gnuplot", "iMatix", "wxWindows", "xinetd"
})
# LicenseHandler::OPEN_DATA_LICENSES and ::OPEN_LICENSES.
OPEN_DATA = frozenset({
    "CC0-1.0", "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-2.5-AU", "CC-BY-3.0", "CC-BY-3.0-AT",
    "CC-BY-3.0-AU", "CC-BY-3.0-DE", "CC-BY-3.0-IGO", "CC-BY-3.0-NL", "CC-BY-3.0-US", "CC-BY-4.0",
    "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.0-UK", "CC-BY-SA-2.1-JP", "CC-BY-SA-2.5", "CC-BY-SA-3.0",
    "CC-BY-SA-3.0-AT", "CC-BY-SA-4.0", "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0",
    "ODC-PDDL-1.0", "ODC-By-1.0", "ODbL-1.0", "GFDL-1.3", "OGL-Canada-2.0", "OGL-UK-2.0", "OGL-UK-3.0"
})
OPEN_OTHER = frozenset({"OpenMDW-1.0"})
OPEN = OSI_OR_FSF | OPEN_DATA | OPEN_OTHER


def is_open(licence: str | None) -> bool:
    """LicenseHandler::isOpenSourceLicense: the SPDX id exactly as written (no licence is not open)."""
    return licence is not None and licence in OPEN


def required(mof_class: int) -> list[int]:
    """The ids of the components the class itself requires (not those of the classes above it)."""
    return [c.cid for c in COMPONENTS if c.mof_class == mof_class and c.required]


def resolve_licences(release: dict) -> dict[int, str | None]:
    """Each included component (by id) and the licence that applies to it (None: none), as
    ModelUpdater::processComponentLicenses and ModelEvaluator::resolveLicense give it. A component
    name the tool does not know is left out."""
    glob = release.get("license") if isinstance(release.get("license"), dict) else {}

    def global_name(key: str) -> str | None:
        value = glob.get(key)
        name = value.get("name") if isinstance(value, dict) else None
        return str(name) if name not in (None, "", 0, "0", False) else None

    out: dict[int, str | None] = {}
    for item in release.get("components") or []:
        if not isinstance(item, dict) or item.get("name") not in BY_NAME:
            continue
        component = BY_NAME[item["name"]]
        own = item.get("license")
        if own is not None:  # isset(): a licence written, even "unlicensed" or empty, is the component's
            out[component.cid] = None if own in ("unlicensed", "") else str(own)
        else:
            out[component.cid] = global_name(component.kind) or global_name("distribution")
    return out


def progress(release: dict) -> dict[int, float]:
    """ModelEvaluator::getProgress for classes 3, 2 and 1: the share (0 to 100) of what the class needs
    that is included under an open licence; 0 when a class above it is not met."""
    licences = resolve_licences(release)
    opened: dict[int, set[int]] = {}   # class -> the required components counted for it
    present: dict[int, set[int]] = {}  # class -> the required components included, open or not
    need: list[int] = []
    for cls in (3, 2, 1):
        need = [*need, *required(cls)]
        opened[cls] = {cid for cid in need if cid in licences and is_open(licences[cid])}
        present[cls] = {cid for cid in need if cid in licences}
    # handleTechnicalReportOmission: the paper stands in for a report that is not counted for Class III.
    if TECHNICAL_REPORT not in opened[3] and RESEARCH_PAPER in present[1]:
        for cls in (3, 2):
            if RESEARCH_PAPER in opened[1]:
                opened[cls].add(RESEARCH_PAPER)
    out = {}
    for cls in (3, 2, 1):
        total = included = 0
        met = True
        for level in range(3, cls - 1, -1):
            total += len(required(level))
            included = len(opened[level])
            if included < total:
                met = level == cls
                break
        if not met:
            out[cls] = 0.0
            continue
        if cls == 1 and TECHNICAL_REPORT not in opened[1] and RESEARCH_PAPER in opened[1]:
            total -= 1
        out[cls] = min(included / total * 100, 100.0)
    return out


def classify(release: dict) -> str:
    """ModelEvaluator::getClassification: the lowest class (I below II below III) whose progress is
    100, as "III", "II", "I", or "none"."""
    done = progress(release)
    reached = 0
    for cls in (3, 2, 1):
        if done[cls] == 100.0:
            reached = cls
    return CLASSES[reached]


def stated(data: dict) -> str | None:
    """The class a file states itself (`classification.class`, as the tool's API writes it), if any."""
    value = (data.get("classification") or {}).get("class") if isinstance(data.get("classification"), dict) else None
    try:
        return CLASSES.get(int(value)) if value is not None else None
    except (TypeError, ValueError):
        return None
