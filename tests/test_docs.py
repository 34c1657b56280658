"""The committed rule docs are what the rules generate (run gendocs when this fails)."""

from __future__ import annotations

from pathlib import Path

from doclint.tools.gendocs import generate

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_rule_docs_are_current(update_golden: bool) -> None:
    pages = generate(DOCS)
    if update_golden:
        DOCS.mkdir(parents=True, exist_ok=True)
        for stale in DOCS.glob("*.md"):
            if stale.name not in pages:
                stale.unlink()
        for name, content in pages.items():
            (DOCS / name).write_text(content, encoding="utf-8")
    committed = {p.name: p.read_bytes().decode("utf-8") for p in DOCS.glob("*.md")}
    assert sorted(committed) == sorted(pages), "run: python -m doclint.tools.gendocs docs/rules"
    for name, content in pages.items():
        assert committed[name] == content, f"docs/rules/{name} is stale: run gendocs"
