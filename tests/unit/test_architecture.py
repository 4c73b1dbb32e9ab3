"""The shape of the code: imports flow one way, with no cycles.

Read with Python's `ast`, so the check sees every import a module makes, at module
level and inside functions, without running any of them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.paths import ROOT
from tests.processes import last_line

PACKAGES = ("dashboard", "queries")
#: Layers in data-flow order (build -> store -> queries -> figures -> charts -> web): a
#: module may import its own layer or an earlier one. Figure builders are pure, so the
#: chart definitions call them, never the other way round.
LAYERS = (
    (
        "dashboard",
        "dashboard.settings",
        "dashboard.dimensions",
        "dashboard.dataformat",
        "dashboard.words",
        "dashboard.bounded",
    ),
    ("dashboard.build",),
    ("dashboard.store", "queries", "dashboard.state", "dashboard.export", "dashboard.coverage"),
    ("dashboard.figures", "dashboard.printing"),
    ("dashboard.charts",),
    ("dashboard.web",),
    ("dashboard.startup", "dashboard.cli", "dashboard.__main__"),
)
#: What serves requests; it reads the built warehouse and never imports the builder.
SERVING_PATH = ("dashboard.charts", "dashboard.web")
#: The longest chain of imports inside web/ (a module importing nothing of web/ is floor 1).
MAX_WEB_FLOORS = 6
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


def test_no_module_name_is_used_twice():
    """A name says one thing: `images.py` twice, or `mote.py` in two packages, misleads.

    The one exception is a page's name, shared by its chart module and its page module.
    """
    pages = {p.stem for p in (ROOT / "dashboard" / "web" / "pages").glob("*.py")}
    seen: dict[str, list[str]] = {}
    for name in project_modules():
        short = name.rpartition(".")[2]
        if name.count(".") and not name.endswith("__main__"):
            seen.setdefault(short, []).append(name)
    twice = {
        short: names
        for short, names in seen.items()
        if len(names) > 1
        and not (
            short in pages
            and sorted(names) == [f"dashboard.charts.{short}", f"dashboard.web.pages.{short}"]
        )
    }
    assert twice == {}


def test_the_serving_path_never_imports_the_builder():
    wrong = [
        f"{name} -> {target}"
        for name, targets in graph().items()
        if name.startswith(SERVING_PATH)
        for target in targets
        if target.startswith("dashboard.build")
    ]
    assert wrong == []


def floors(edges: dict[str, set[str]], prefix: str) -> dict[str, int]:
    """Each module's floor among the modules under `prefix` (1 + the highest it imports)."""
    inside = {
        name: {t for t in targets if t.startswith(prefix)}
        for name, targets in edges.items()
        if name.startswith(prefix)
    }
    found: dict[str, int] = {}

    def floor(name: str) -> int:
        if name not in found:
            found[name] = 1 + max((floor(t) for t in inside.get(name, ()) if t != name), default=0)
        return found[name]

    for name in inside:
        floor(name)
    return found


def test_web_has_few_import_floors():
    found = floors(graph(), "dashboard.web.")
    top = max(found.values())
    chain = sorted(found.items(), key=lambda item: -item[1])[:8]
    assert top <= MAX_WEB_FLOORS, chain


def test_floors_are_counted_along_the_longest_chain():
    edges = {"w.a": set(), "w.b": {"w.a"}, "w.c": {"w.b", "w.a"}, "x.d": {"w.c"}}
    assert floors(edges, "w.") == {"w.a": 1, "w.b": 2, "w.c": 3}


def test_the_walk_sees_imports():
    """The checks above are only as good as the import reader: it must see real edges."""
    edges = graph()
    assert "dashboard.charts.registry" in edges["dashboard.charts.trend"]
    assert "dashboard.web.factory" in edges
    assert "dashboard.build.warehouse" in edges["dashboard.startup"]
    assert "dashboard.web.layout.components" in edges["dashboard.web.layout.page"]


#: A year in code or words: 1950–2099, not part of a longer number or a size ("1920 × 1280").
YEAR = re.compile(r"(?<![\d×x.,])(?:19[5-9]\d|20\d\d)(?![\d×x]|\s*[×x]\s*\d|\s*px)")
#: Catalog texts that may name a year because it is an example of a format, not a fact.
YEAR_EXAMPLES = ("api.param.periode", "om_dataene.step")


def _docstrings(tree: ast.AST) -> set[int]:
    """Ids of the docstring constants (what a module, class or function says of itself)."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def test_no_year_is_typed_in_the_charts_or_the_words():
    """What years exist is the warehouse's to say (coverage, events, territory changes):
    a year typed into a chart or a sentence goes stale with the next year of data."""
    typed = []
    for path in sorted(
        [
            *(ROOT / "dashboard" / "charts").glob("*.py"),
            *(ROOT / "dashboard" / "words").glob("*.py"),
        ]
    ):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        example_values: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and str(key.value).startswith(YEAR_EXAMPLES):
                        example_values |= {id(n) for n in ast.walk(value)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or id(node) in skip | example_values:
                continue
            text = str(node.value)
            if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                text = str(node.value) if 1950 <= node.value <= 2099 else ""
            if isinstance(node.value, (str, int, float)) and YEAR.search(text):
                typed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:80]}")
    assert typed == []


def test_starting_the_server_imports_no_scipy(warehouse_path):
    """Start time is a goal (issue 19): scipy.stats alone takes ~0.7 s to import, and only
    a build computes the rates' intervals with it (`dashboard/build/rates.py`). Started on
    a built warehouse (no build due), as a server starts on a released one."""
    found = last_line(
        "import sys, app; print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))",
        SLT_WAREHOUSE=str(warehouse_path),
        SLT_AUTO_BUILD="0",
    )
    assert found == "[]"
