"""The shape of the code: macros/ is a line of stages, each importing only the ones before it; only the
MkDocs glue imports MkDocs; nothing imports the tests; and no module imports itself back through
others. An AST walk over macros/, tools/ and bench/ that names each offending import, deferred
imports inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tools.project import ROOT

# The stages of macros/, in import order (README, "Where things live"). `macros/__init__.py` hands
# mkdocs-macros its define_env, so it counts as the glue.
STAGES = ("models", "decision", "data", "render", "publish", "plugin")
# Only the glue may import these: MkDocs itself and what runs inside it.
MKDOCS = {"mkdocs", "mkdocs_macros", "material", "mermaid2", "watchdog"}
FOLDERS = ("macros", "tools", "bench")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, relative ones resolved; `from pkg import mod`
    counts as importing pkg.mod when that is a module of the tree."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = module_name(path, root)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                is_module = any((root / sub.replace(".", "/")).with_suffix(s).exists() for s in (".py",)) \
                    or (root / sub.replace(".", "/") / "__init__.py").exists()
                found.append((node.lineno, sub if is_module else target))
    return found


def stage_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "macros":
        return None
    if len(parts) == 1:
        return STAGES.index("plugin")
    return STAGES.index(parts[1]) if parts[1] in STAGES else None


def violations(root: Path) -> list[str]:
    """Every broken rule in the Python files of macros/, tools/ and bench/ under `root`."""
    found, graph = [], {}
    files = [p for folder in FOLDERS for p in sorted((root / folder).rglob("*.py"))
             if "node_modules" not in p.parts]
    for path in files:
        own = module_name(path, root)
        where = path.relative_to(root).as_posix()
        mine = stage_of(own)
        edges = graph.setdefault(own, set())
        for line, target in imports(path, root):
            top = target.split(".")[0]
            if top == "tests":
                found.append(f"{where}:{line}: imports {target}; nothing may import the tests")
            if top in MKDOCS and not (own.startswith("macros.plugin") or own == "macros"):
                found.append(f"{where}:{line}: imports {target}; only macros/plugin/ may import MkDocs")
            if top == "macros":
                theirs = stage_of(target)
                if own.split(".")[0] != "macros" and theirs == STAGES.index("plugin"):
                    found.append(f"{where}:{line}: imports {target}; tools and the bench use the stages, "
                                 "not the MkDocs glue")
                if mine is not None and theirs is not None and theirs > mine:
                    found.append(f"{where}:{line}: imports {target}; stage {STAGES[theirs]} comes after "
                                 f"{STAGES[mine]}, which may import only {', '.join(STAGES[:mine + 1])}")
            if top == "bench" and own.split(".")[0] == "tools":
                found.append(f"{where}:{line}: imports {target}; tools may not import the bench")
            if top in FOLDERS and target != own:
                edges.add(target)
    found += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph)]
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules that import each other."""
    known = {m: {t for t in targets if t in graph} for m, targets in graph.items()}
    state, out = {}, []

    def visit(node, path):
        state[node] = "open"
        for target in sorted(known[node]):
            if state.get(target) == "open":
                out.append([*path[path.index(target):], node, target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, node])
        state[node] = "done"

    for node in sorted(known):
        if node not in state:
            visit(node, [])
    return out


def test_the_stages_import_only_what_comes_before_them():
    assert violations(ROOT) == []


def test_every_stage_is_a_package_of_macros():
    for stage in STAGES:
        assert (ROOT / "macros" / f"{stage}.py").is_file() or (ROOT / "macros" / stage / "__init__.py").is_file()


@pytest.mark.parametrize("file, line, expected", [
    ("macros/data/checks.py", "from ..render import labels", "stage render comes after data"),
    ("macros/render/pages.py", "import mkdocs.plugins", "only macros/plugin/ may import MkDocs"),
    ("macros/decision/model.py", "def f():\n    from ..data import load_site", "stage data comes after decision"),
    ("tools/project.py", "from tests import support", "nothing may import the tests"),
    ("tools/project.py", "from bench import common", "tools may not import the bench"),
    ("bench/common.py", "from macros.plugin import hooks", "not the MkDocs glue"),
    ("macros/render/escape.py", "from . import pages", "import cycle"),
])
def test_a_forbidden_import_is_named(tmp_path, file, line, expected):
    """The walk fails, naming the file and line, when a forbidden import is added to a copy."""
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            if "node_modules" not in path.parts:
                target = tmp_path / path.relative_to(ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / file).write_text((tmp_path / file).read_text(encoding="utf-8") + "\n" + line + "\n",
                                 encoding="utf-8")
    found = violations(tmp_path)
    assert any(expected in f for f in found), found
    if "cycle" not in expected:
        assert [f for f in found if not f.startswith("import cycle")] == [
            f for f in found if f.startswith(f"{file}:") and expected in f], found
