"""The shape of the code: no import cycles, no project import inside a function, one registry of kinds, a true ARCHITECTURE.md."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from conftest import MINI, REPO
from tracker.check.validate import validate
from tracker.core import kinds
from tracker.exports import json_api as export_json
from tracker.exports import jsonld
from tracker.model.records import Record, build
from tracker.render import pages

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
    assert "tracker.render.pages.base" in graph["tracker.render.pages.downloads"]  # the graph sees the imports
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


def documented_packages() -> dict[str, tuple[int, set[str]]]:
    """Package -> (layer, the packages it may import), from the table "Packages, from the bottom up" in ARCHITECTURE.md."""
    table = {}
    for line in (REPO / "ARCHITECTURE.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            [path] = re.findall(r"`scripts/tracker/(\w+)/`", cells[1])
            allowed = set() if cells[3] == "nothing of the project" else set(re.findall(r"`(\w+)`", cells[3]))
            table[path] = (int(cells[0]), allowed)
    return table


def package_of(module: str) -> str | None:
    """tracker.check.rules.basics -> check; None for tracker itself and for what is not in the package (the command files)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "tracker" and len(parts) > 1 else None


def crossings(graph: dict[str, set[str]], table: dict[str, tuple[int, set[str]]]) -> list[str]:
    """Every import from one package into another that its row does not allow."""
    found = []
    for module, targets in sorted(graph.items()):
        mine = package_of(module)
        if mine is None or mine not in table:
            continue
        for target in sorted(targets):
            theirs = package_of(target)
            if theirs is not None and theirs != mine and theirs not in table[mine][1]:
                found.append(f"{module} ({mine}) imports {target} ({theirs})")
    return found


def test_architecture_md_has_a_row_per_package_in_order_each_importing_only_packages_above_it():
    table = documented_packages()
    on_disk = sorted(p.parent.name for p in (SCRIPTS / "tracker").glob("*/__init__.py"))
    assert sorted(table) == on_disk
    assert [layer for layer, _ in table.values()] == list(range(len(table)))  # one row per layer, bottom up
    order = list(table)
    for package, (layer, allowed) in table.items():
        assert allowed <= set(order[:layer]), f"{package} may import a package below it in the table: {allowed - set(order[:layer])}"


def test_every_module_sits_in_a_package_and_imports_only_what_its_row_allows():
    table = documented_packages()
    graph, _ = import_graph()
    loose = sorted(m for m in graph if m.startswith("tracker.") and package_of(m) not in table)
    assert loose == []  # a module directly in scripts/tracker/ belongs to no layer
    assert crossings(graph, table) == []


def test_the_command_files_import_only_their_command():
    graph, _ = import_graph()
    files = {m: targets for m, targets in graph.items() if not m.startswith("tracker")}
    assert files and all(targets <= {"tracker", "tracker.cli", f"tracker.cli.{m}"} for m, targets in files.items()), files


def test_the_package_rule_catches_an_import_it_does_not_allow():
    table = {"core": (0, set()), "load": (1, {"core"}), "model": (2, {"core", "load"})}
    graph = {"tracker.core.dates": {"tracker.model.records"}, "tracker.model.records": {"tracker.core.dates", "tracker.model.paths"}}
    assert crossings(graph, table) == ["tracker.core.dates (core) imports tracker.model.records (model)"]


def test_only_the_site_package_knows_mkdocs_or_material():
    knowing = sorted(
        p.relative_to(REPO).as_posix() for p in (SCRIPTS / "tracker").rglob("*.py") if re.search(r"import mkdocs|from mkdocs|material", p.read_text("utf-8"))
    )
    assert knowing and all(p.startswith("scripts/tracker/site/") for p in knowing), knowing


def test_pyproject_lists_every_package_and_maps_only_tracker():
    """The editable install maps the one name `tracker` (so scripts/*.py never become top-level
    modules); a sub-package missing from `packages` would be left out of a regular install."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert config["package-dir"] == {"tracker": "scripts/tracker"}
    on_disk = sorted(module_name(p.parent) for p in (SCRIPTS / "tracker").rglob("__init__.py"))
    assert sorted(config["packages"]) == on_disk
