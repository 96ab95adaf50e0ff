"""The floors of the code: core at the bottom, the domain apps above it, alliance_portal on top.

`lint-imports` (the layers contract in pyproject.toml) checks module-level and function-level
imports alike; these tests keep it in the suite and refuse imports hidden inside functions.
"""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "core",
    "languages",
    "themes",
    "accounts",
    "cities",
    "notifications",
    "methods",
    "projects",
    "questions",
    "events",
    "funding",
    "alliance_portal",
]


def _modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _imported_apps(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    else:
        return set()
    return {name.split(".")[0] for name in names} & set(APPS)


def test_layers_contract_is_kept():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(  # noqa: S603 - our own lint command, no outside input
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("app", APPS)
def test_no_cross_app_import_inside_a_function(app):
    hidden = []
    for path in _modules(app):
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                others = _imported_apps(node) - {app}
                if others:
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {others}")
    assert hidden == []


def test_core_imports_no_portal_app():
    found = []
    for path in _modules("core"):
        for node in ast.walk(ast.parse(path.read_text())):
            others = _imported_apps(node) - {"core"}
            if others:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {others}")
    assert found == []
