"""doclint.core is the bottom layer: it imports nothing from the rest of doclint."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "doclint" / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against doclint.core
                base = "doclint.core" if node.level == 1 else "doclint"
                found.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                found.add(node.module)
        elif isinstance(node, ast.Call) and _call_name(node) in ("import_module", "__import__"):
            if node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value))
    return found


def _call_name(call: ast.Call) -> str:
    return getattr(call.func, "attr", getattr(call.func, "id", ""))


def test_core_imports_nothing_else_from_doclint() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 10
    offending = {
        f"{path.relative_to(CORE)}: {module}"
        for path in files
        for module in imported_modules(path)
        if (module == "doclint" or module.startswith("doclint."))
        and not (module == "doclint.core" or module.startswith("doclint.core."))
    }
    assert not offending, sorted(offending)


def test_the_checker_sees_violations(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import doclint.report\nfrom doclint.plugins import x\nfrom . import y\n"
                      "importlib.import_module('doclint.runner')\n", encoding="utf-8")
    assert imported_modules(sample) == {"doclint.report", "doclint.plugins", "doclint.core",
                                        "doclint.runner"}
