"""A module-level name bound twice silently replaces the first pattern or function everywhere the module uses it."""

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(path for folder in ("agent", "catalog", "eval", "ui") for path in (ROOT / folder).glob("*.py"))


def _bound_names(tree: ast.Module) -> Counter:
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_binds_a_top_level_name_twice(path):
    names = _bound_names(ast.parse(path.read_text(encoding="utf-8")))
    assert [name for name, count in names.items() if count > 1] == []


def test_a_name_bound_twice_is_found():
    assert _bound_names(ast.parse("PATTERN = 1\nPATTERN = 2\ndef f(): pass\n"))["PATTERN"] == 2
