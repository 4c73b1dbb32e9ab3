"""The chart contract, checked when a chart is declared: a chart honours every parameter
of its page, or says that it ignores it.

A page's controls all change the view, so a chart on that page that silently ignores one
(e.g. the report year `aar`) shows the same picture whatever the reader chose. What a
chart reads is found in its code, without running it: the query parameters its SQL files
name (bound from the view state), and the parameter names its shaping function, its
query bindings and the module functions they call look up (`state["aar"]`,
`s.get("fra")`). Reading is over-approximated (any such lookup counts), so the check
never refuses a chart that does read a parameter; it refuses one that cannot.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from functools import cache
from types import FunctionType
from typing import Any

import queries


class ContractError(ValueError):
    """A chart declared against the contract (raised at import, so it cannot ship)."""


@cache
def _module_tree(module_name: str) -> ast.Module | None:
    module = sys.modules.get(module_name)
    if module is None:
        return None
    try:
        return ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return None


def _function_nodes(module_name: str) -> dict[str, ast.AST]:
    tree = _module_tree(module_name)
    if tree is None:
        return {}
    return {
        node.name: node
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def _names_in(node: ast.AST) -> tuple[set[str], set[str]]:
    """(string keys looked up, names of functions called) inside `node`."""
    keys: set[str] = set()
    calls: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Subscript):
            index = child.slice
            if isinstance(index, ast.Constant) and isinstance(index.value, str):
                keys.add(index.value)
        elif isinstance(child, ast.Call):
            if isinstance(child.func, ast.Name):
                calls.add(child.func.id)
            if (
                isinstance(child.func, ast.Attribute)
                and child.func.attr == "get"
                and child.args
                and isinstance(child.args[0], ast.Constant)
                and isinstance(child.args[0].value, str)
            ):
                keys.add(child.args[0].value)
        elif isinstance(child, ast.Name):
            calls.add(child.id)  # functions passed along (e.g. as a binding) count too
    return keys, calls


_KEY = re.compile(
    r"""\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]|\.get\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']"""
)


def _source_node(func: Callable[..., Any]) -> ast.AST | None:
    """The function's code as a tree; a lambda's source is the line(s) it stands on, which
    may not parse alone (then its keys are read from the text, see `reads`)."""
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return None


def _text_keys(func: Callable[..., Any]) -> set[str]:
    try:
        text = inspect.getsource(func)
    except (OSError, TypeError):
        return set()
    return {a or b for a, b in _KEY.findall(text)}


def reads(funcs: Iterable[Callable[..., Any]]) -> set[str]:
    """Every string key the functions (and the module functions they use) look up."""
    found: set[str] = set()
    seen: set[tuple[str, str]] = set()
    todo: list[tuple[str, ast.AST]] = []
    for func in funcs:
        if not isinstance(func, FunctionType):
            continue
        node = _source_node(func)
        if node is not None:
            todo.append((func.__module__, node))
        else:
            found |= _text_keys(func)
    while todo:
        module_name, node = todo.pop()
        keys, calls = _names_in(node)
        found |= keys
        local = _function_nodes(module_name)
        for name in calls:
            if name in local and (module_name, name) not in seen:
                seen.add((module_name, name))
                todo.append((module_name, local[name]))
    return found


def sql_parameters(name: str | Callable[..., Any]) -> set[str]:
    """The named parameters of a query file (all of them for a name chosen at run time)."""
    if callable(name):
        return set()
    return set(queries.parameters(name))


def check(
    chart_id: str,
    page: str,
    params: Iterable[str],
    read: set[str],
    ignores: Iterable[str],
) -> None:
    """Refuse a chart that neither reads nor declares as ignored a parameter of its page."""
    ignored = set(ignores)
    names = [p for p in params if p != "lang"]  # the language is the words', not the data's
    unknown = sorted(ignored - set(names))
    if unknown:
        raise ContractError(
            f"chart {chart_id!r} ignores {unknown}, which are not parameters of page {page!r}"
        )
    missing = [p for p in names if p not in read and p not in ignored]
    if missing:
        raise ContractError(
            f"chart {chart_id!r} neither reads nor ignores {missing} of page {page!r}: read "
            f"them (state[{missing[0]!r}], or a query parameter ${missing[0]}) or declare "
            f"ignores={tuple(missing)!r} in @chart and say why in a comment"
        )
