"""The shape of the code: no import cycles, no project import inside a function, one registry of kinds, a true ARCHITECTURE.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import MINI, REPO
from tracker import export_json, jsonld, kinds, pages
from tracker.model import Record, build
from tracker.validate import validate

SCRIPTS = REPO / "scripts"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SCRIPTS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SCRIPTS.rglob("*.py"))}


def imported(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, known: set[str]) -> list[str]:
    """The project modules an import statement loads (a package's __init__ too, unless it contains the importer)."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            package = importer.split(".") if is_package else importer.split(".")[:-1]
            base = package[: len(package) - (node.level - 1)]
            stem = ".".join([*base, *([node.module] if node.module else [])])
        else:
            stem = node.module or ""
        targets = [f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in known else stem for alias in node.names]
    found = []
    for target in targets:
        parts = target.split(".")
        for i in range(1, len(parts) + 1):
            name = ".".join(parts[:i])
            if name in known and not (importer == name or importer.startswith(name + ".")):
                found.append(name)
    return found


def import_graph() -> tuple[dict[str, set[str]], list[str]]:
    """Module-level imports between project modules, and every project import made inside a function or class."""
    modules = project_modules()
    known = set(modules)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    nested: list[str] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = imported(node, name, is_package, known)
            if not targets:
                continue
            if _at_module_level(tree, node):
                graph[name].update(targets)
            else:
                nested.append(f"{path.relative_to(REPO)}:{node.lineno}: imports {', '.join(targets)} inside a function or class")
    return graph, nested


def _at_module_level(tree: ast.Module, target: ast.AST) -> bool:
    """True when the import is not inside a def, lambda or class (an import under a module-level `if` or `try` counts as module level)."""

    def visit(node: ast.AST, nested: bool) -> bool | None:
        if node is target:
            return not nested
        inner = nested or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef)
        for child in ast.iter_child_nodes(node):
            found = visit(child, inner)
            if found is not None:
                return found
        return None

    return bool(visit(tree, False))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph.get(v, ()):
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_the_checker_finds_a_cycle_and_a_nested_import(tmp_path):
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    tree = ast.parse("import os\ndef f():\n    from . import render\n")
    inner = next(n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))
    assert not _at_module_level(tree, inner)


def test_no_import_cycles_among_project_modules():
    graph, _ = import_graph()
    assert "tracker.pages.base" in graph["tracker.exports"]  # the graph sees relative imports
    assert cycles(graph) == []


def test_no_project_module_is_imported_inside_a_function():
    _, nested = import_graph()
    assert nested == []


def test_every_kind_registered_every_handler():
    assert kinds.missing() == []
    assert [k.folder for k in kinds.ALL] == list(kinds.FOLDERS)


def test_an_unknown_kind_is_an_error_not_a_source():
    model = build(validate(MINI).dataset)
    stray = Record("stray", "leaflets", "data/leaflets/stray.yaml", {})
    with pytest.raises(kinds.UnknownKind):
        jsonld.for_record(model, "https://example.org/", stray)
    with pytest.raises(kinds.UnknownKind):
        pages.search.facets(model, stray)
    with pytest.raises(kinds.UnknownKind):
        export_json.list_item(export_json.Refs(model, ""), stray)


def test_architecture_md_names_only_modules_that_exist():
    text = (REPO / "ARCHITECTURE.md").read_text("utf-8")
    named = set(re.findall(r"`((?:scripts|tests|schema|data|benchmarks)/[\w./-]+)`", text))
    assert len(named) > 20
    missing = sorted(p for p in named if not (REPO / p.rstrip("/")).exists())
    assert missing == []


def documented_layers() -> dict[str, int]:
    """Module name -> layer, from the table "Modules, from the bottom up" in ARCHITECTURE.md."""
    layers = {}
    for line in (REPO / "ARCHITECTURE.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].isdigit():
            for path in re.findall(r"`(scripts/[\w./-]+\.py)`", cells[1]):
                layers[module_name(SCRIPTS.parent / path)] = int(cells[0])
    return layers


def test_architecture_md_places_every_module_in_a_layer_and_nothing_imports_upwards():
    layers = documented_layers()
    graph, _ = import_graph()
    unplaced = sorted(m for m in graph if m not in layers and m != "tracker")
    assert unplaced == []
    upwards = sorted(
        f"{m} (layer {layers[m]}) imports {t} (layer {layers[t]})"
        for m, targets in graph.items()
        if m in layers
        for t in targets
        if t in layers and layers[t] > layers[m]
    )
    assert upwards == []
