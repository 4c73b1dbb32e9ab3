"""The shape of the code: imports flow one way, with no cycles.

Read with Python's `ast`, so the check sees every import a module makes, at module
level and inside functions, without running any of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGES = ("dashboard", "queries")
#: Layers in data-flow order (build -> store -> queries -> figures -> charts -> web): a
#: module may import its own layer or an earlier one. Figure builders are pure, so the
#: chart definitions call them, never the other way round.
LAYERS = (
    ("dashboard", "dashboard.settings", "dashboard.dimensions", "dashboard.words"),
    ("dashboard.build",),
    ("dashboard.store", "queries", "dashboard.state", "dashboard.export", "dashboard.coverage"),
    ("dashboard.figures", "dashboard.images"),
    ("dashboard.charts",),
    ("dashboard.web",),
    ("dashboard.cli", "dashboard.__main__"),
)
#: Outside the CLI, imports inside functions need a reason (and a comment saying it).
MAX_FUNCTION_IMPORTS = 3


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def imports_of(name: str, path: Path, known: set[str]) -> list[tuple[str, ast.stmt, bool]]:
    """(imported project module, statement, inside a function) for every import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, ast.stmt, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in known:
                        found.append((alias.name, child, in_function))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    if target in known:
                        found.append((target, child, in_function))
                    elif base in known:
                        found.append((base, child, in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    known = set(modules)
    return {
        name: {target for target, _, _ in imports_of(name, path, known) if target != name}
        for name, path in modules.items()
    }


def layer(name: str) -> int:
    for index, prefixes in enumerate(LAYERS):
        if any(name == p or (p != "dashboard" and name.startswith(p + ".")) for p in prefixes):
            return index
    raise AssertionError(f"{name} belongs to no layer: add it to LAYERS")


def test_every_module_has_a_layer():
    for name in project_modules():
        layer(name)


def test_no_import_cycles():
    edges = graph()
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def walk(node: str) -> None:
        if node in done:
            return
        if node in visiting:
            cycles.append([*visiting[visiting.index(node) :], node])
            return
        visiting.append(node)
        for target in sorted(edges[node]):
            walk(target)
        visiting.pop()
        done.add(node)

    for node in sorted(edges):
        walk(node)
    assert cycles == []


def test_imports_flow_one_way():
    """A module never imports a later layer (web never flows back into charts or build)."""
    wrong = [
        f"{name} -> {target}"
        for name, targets in graph().items()
        for target in targets
        if layer(target) > layer(name)
    ]
    assert wrong == []


def test_function_level_imports_are_few_and_commented():
    inside = []
    for name, path in project_modules().items():
        if name.startswith("dashboard.cli"):
            continue  # the CLI imports lazily so `--help` starts fast
        lines = path.read_text(encoding="utf-8").splitlines()
        nodes = {
            id(child): child
            for node in ast.walk(ast.parse("\n".join(lines)))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            for child in ast.walk(node)
            if isinstance(child, (ast.Import, ast.ImportFrom))
        }
        for child in nodes.values():
            previous = lines[child.lineno - 2].strip()
            commented = "#" in lines[child.lineno - 1] or previous.startswith("#")
            inside.append((f"{name}:{child.lineno}", commented))
    assert len(inside) <= MAX_FUNCTION_IMPORTS, inside
    assert [where for where, commented in inside if not commented] == []


def test_the_walk_sees_imports():
    """The checks above are only as good as the import reader: it must see real edges."""
    edges = graph()
    assert "dashboard.charts.registry" in edges["dashboard.charts.trend"]
    assert "dashboard.web.factory" in edges
    assert "dashboard.build.warehouse" in edges["dashboard.web.factory"]
