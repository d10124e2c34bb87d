"""The folder tree is the architecture: imports only ever run downwards.

The layers, lowest first, are those of the README's "Development" section. The prompt's fast path
depends on `base/` and `fast/` needing nothing but the standard library; that is checked in a
fresh interpreter, where an import that only happens at call time shows too if it runs at import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kl_wahl"
LAYERS = ["base", "fast", "i18n", "core", "store", "results", "output", "cli"]
# fast/ and i18n/ stand side by side: neither may import the other.
RANK = {"base": 0, "fast": 1, "i18n": 1, "core": 2, "store": 3, "results": 4, "output": 5, "cli": 6}
TOP = {"__init__", "__main__", "entry"}


def _layer(module: str) -> str:
    """'kl_wahl.store.load' -> 'store'; top-level modules are their own layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute kl_wahl module) for every import in `path`, function-level ones included."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    package = list(rel.parts[:-1])  # for a package's __init__ too: its own package
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
            if node.module is None:
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kl_wahl"):
            found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("kl_wahl")]
    return found


def test_top_level_has_only_the_console_script() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules == TOP
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders - {"data"} == set(LAYERS)  # data/ exists only in a wheel


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_runs_back_up(layer: str) -> None:
    wrong = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, target in _imports(path):
            other = _layer(target)
            if other == layer or target in ("kl_wahl", "kl_wahl.__version__"):
                continue
            if other not in RANK or RANK[other] >= RANK[layer]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert wrong == []


@pytest.mark.parametrize("layer", ["base", "fast"])
def test_prompt_layers_need_only_the_standard_library(layer: str) -> None:
    names = sorted(
        f"kl_wahl.{layer}.{p.stem}" for p in (PACKAGE / layer).glob("*.py") if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"for name in {names!r}:\n"
        "    __import__(name)\n"
        "new = sorted(set(sys.modules) - before)\n"
        "print('\\n'.join(new))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = done.stdout.split()
    outside = [
        m
        for m in loaded
        if not m.startswith("kl_wahl")
        and m.split(".")[0] not in sys.stdlib_module_names
        and not m.startswith("_")
    ]
    ours = [m for m in loaded if m.startswith("kl_wahl.") and _layer(m) not in ("base", layer)]
    assert outside == []
    assert ours == []


def test_every_environment_variable_is_named_in_one_module() -> None:
    """No module reads an environment variable by a literal name: each one it reads is a
    constant of base/environ.py, where all of them are listed and explained."""
    import ast

    from kl_wahl.base import environ

    named = (
        {v for k, v in vars(environ).items() if k.isupper() and isinstance(v, str)}
        | {n for v in vars(environ).values() if isinstance(v, tuple) for n in v}
        | set(environ.XDG_ENV.values())
    )
    literal = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "environ.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) in ("get", "getenv")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.isupper()
                and "env" in ast.unparse(node.func)
            ):
                literal.append(f"{path.name}: {node.args[0].value}")
    assert literal == []
    assert {"KL_WAHL_LANG", "KL_WAHL_NOW", "NO_COLOR", "FORCE_COLOR", "COLUMNS"} <= named
