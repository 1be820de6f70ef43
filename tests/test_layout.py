"""The package layout stays readable: imports flow one way, no module reaches into another's
private names, `core` keeps its loose basics few, and the application layer stays free of Qt.

The code is read with `ast`, imports inside functions included: an import moved into a
function to dodge a cycle is still a cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tsbackup_gui"
CORE = PACKAGE / "core"

#: `core`'s packages from the bottom up: each may import only the loose basics and those before it.
CORE_ORDER = ["children", "store", "restic", "fourd", "install", "primary", "guard", "drives", "offsite", "platform",
              "schedule", "status", "reports", "restore", "check", "setup", "run"]
#: The layers above `core`, bottom up; `render` and the front-ends never sit below `app`.
LAYERS = ["core", "app", "render", "clicmd", "cli", "ui", "__main__"]
MAX_LOOSE = 8


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]):
    """(imported module, imported name or None, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in known:
                    yield full, None, node.lineno
                else:
                    yield base, alias.name, node.lineno


def owner(module: str, known: dict[str, Path]) -> str | None:
    while module and module not in known:
        module = module.rpartition(".")[0]
    return module or None


def graph():
    known = modules()
    edges: dict[str, set[str]] = defaultdict(set)
    private = []
    for name, path in known.items():
        for target, imported, line in imports(name, path, known):
            mod = owner(target, known)
            if mod is None or mod == name:
                continue
            edges[name].add(mod)
            if imported and imported.startswith("_") and not imported.startswith("__"):
                private.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {imported} from {mod}")
    return known, edges, private


def cycles(nodes, edges) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str) -> tuple[int, int]:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    if top == "core":
        inner = parts[2] if len(parts) > 2 else ""
        return LAYERS.index("core"), (CORE_ORDER.index(inner) + 1 if inner in CORE_ORDER else 0)
    if top in LAYERS:
        return LAYERS.index(top), 0
    return -1, 0  # tsbackup_gui/__init__.py: the version, imported by anyone


def test_the_rules_see_the_whole_package():
    known, edges, _private = graph()
    assert len(known) > 150 and sum(len(v) for v in edges.values()) > 500
    assert cycles(["a", "b", "c"], {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    known, edges, _private = graph()
    assert cycles(known, edges) == []


def test_no_private_names_across_modules():
    _known, _edges, private = graph()
    assert private == []


def test_imports_flow_down_the_layers():
    """core's packages in `CORE_ORDER`, then app, render, the command and the windows."""
    known, edges, _private = graph()
    upward = []
    for source, targets in edges.items():
        for target in targets:
            if layer_of(target)[0] < 0:
                continue
            if layer_of(target) > layer_of(source):
                upward.append(f"{source} -> {target}")
    assert sorted(upward) == []


def test_core_keeps_its_basics_few_and_every_package_says_what_it_owns():
    loose = sorted(p.stem for p in CORE.glob("*.py") if p.name != "__init__.py")
    assert 0 < len(loose) <= MAX_LOOSE, loose
    packages = sorted(p.name for p in CORE.iterdir() if (p / "__init__.py").exists())
    assert sorted(packages) == sorted(CORE_ORDER)
    for name in packages:
        doc = ast.get_docstring(ast.parse((CORE / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc, f"core/{name}/__init__.py must say what it owns and may import"


def test_core_and_app_never_import_qt_or_the_front_ends():
    known, _edges, _private = graph()
    offenders = []
    for name, path in known.items():
        if not name.startswith(("tsbackup_gui.core", "tsbackup_gui.app")):
            continue
        for target, _imported, line in imports(name, path, known):
            if target.startswith(("PySide6", "shiboken6", "tsbackup_gui.ui", "tsbackup_gui.clicmd",
                                  "tsbackup_gui.render", "tsbackup_gui.cli")):
                offenders.append(f"{name}:{line} {target}")
    assert offenders == []


#: Use cases that only the application layer starts: a front-end that calls one of these directly
#: assembles the use case a second time.
APP_ONLY = {
    "tsbackup_gui.core.run.backup": {"run_backup"},
    "tsbackup_gui.core.status.model": {"compute_status"},
    "tsbackup_gui.core.status.facts": {"gather"},
    "tsbackup_gui.core.restore.into_folder": {"restore_from_primary", "restore_from_snapshot", "check_target"},
    "tsbackup_gui.core.restore.put_back": {"put_back"},
    "tsbackup_gui.core.check.monthly": {"run_check"},
    "tsbackup_gui.core.check.drill": {"run_drill"},
    "tsbackup_gui.core.setup.configure": {"configure"},
    "tsbackup_gui.core.setup.forget": {"forget_setup"},
    "tsbackup_gui.core.reports.dispatch": {"due_check", "after_run", "send_note", "use_translator"},
    "tsbackup_gui.core.schedule.pause": {"pause", "resume"},
    "tsbackup_gui.core.offsite.password_change": {"change_password"},
    "tsbackup_gui.core.reports.diagnostics": {"write_bundle"},
}


def test_front_ends_start_use_cases_only_through_the_application_layer():
    known, _edges, _private = graph()
    offenders = []
    for name, path in known.items():
        if not name.startswith(("tsbackup_gui.ui", "tsbackup_gui.clicmd", "tsbackup_gui.cli")):
            continue
        for target, imported, line in imports(name, path, known):
            if imported in APP_ONLY.get(target, ()):
                offenders.append(f"{name}:{line} {target}.{imported}")
            if target in ("tsbackup_gui.core.schedule.tick", "tsbackup_gui.core.reports.dispatch") and imported is None:
                offenders.append(f"{name}:{line} {target}")
    assert offenders == []
