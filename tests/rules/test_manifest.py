"""The built-in rules' manifest and the rules imported only when a document needs them
(issue 13, item 3). No timing here: what is imported, and that nothing else changes."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, ClassVar

import pytest

from doclint.core import buildcache
from doclint.core.catalogue import RuleEntry, default_anchors
from doclint.core.config import Config
from doclint.core.diagnostic import Category, Message
from doclint.core.document import Document
from doclint.core.rule import Option, Rule
from doclint.rules import FAMILIES, doclint_rules, manifest
from doclint.runner.engine import Engine

ROOT = Path(__file__).resolve().parents[2]


def test_the_manifest_describes_every_built_in_rule_as_its_class_does() -> None:
    stored = manifest.builtin_entries()  # built into the test's empty cache, then loaded
    assert stored is not None
    loaded = manifest.builtin_entries()
    assert loaded is not None
    classes = doclint_rules()
    assert [e.describe() for e in loaded] == [e.describe() for e in stored]
    assert [e.describe() for e in loaded] == [RuleEntry.of(c).describe() for c in classes]
    for entry, rule in zip(loaded, classes, strict=True):
        assert entry.load() is rule


def test_every_source_of_a_rule_class_is_in_the_manifests_key() -> None:
    """Editing a rule's module, anything it imports, or a data file builds it again."""
    sources = set(buildcache._module_files("doclint"))
    for rule in doclint_rules():
        assert inspect.getsourcefile(rule) in sources, rule
    data = {Path(p).name for p in manifest.data_files()}
    assert {"era_markers.yaml", "divisions.tsv", "patterns.yaml"} <= data


def test_a_stale_manifest_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "table.yaml"
    table.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(manifest, "data_files", lambda: [str(table)])
    builds: list[int] = []
    real_build = manifest.build

    def counting() -> list[dict[str, Any]]:
        builds.append(1)
        return real_build()

    monkeypatch.setattr(manifest, "build", counting)
    first = manifest.builtin_entries()
    assert manifest.builtin_entries() is not None
    assert len(builds) == 1
    table.write_text("a: 2\n", encoding="utf-8")  # same size: the content decides
    again = manifest.builtin_entries()
    assert len(builds) == 2
    assert first is not None and again is not None
    assert [e.describe() for e in again] == [e.describe() for e in first]


def test_a_family_that_fails_to_import_is_not_kept(monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr("doclint.rules.FAMILIES", (*FAMILIES, "doclint.rules.nonexistent"))
    assert manifest.builtin_entries() is None
    assert not list(buildcache.folder().glob("rule-manifest-*"))
    engine = Engine(Config())  # the rules are listed by the hook, as before the manifest
    assert len(engine.catalogue) == len(Engine(Config()).registry)


def test_a_family_package_imports_no_rule_module_until_asked() -> None:
    code = textwrap.dedent("""
        import sys
        import doclint.rules.numbers as numbers
        print(sorted(m for m in sys.modules if m.startswith("doclint.rules.numbers.")))
        print(numbers.MixedPercentSign.code, len(numbers.RULES))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines() == ["[]", "N301 15"]


PROBE = textwrap.dedent("""
    import json, sys
    from doclint.cli.main import cli
    try:
        cli.main(["check", "--no-cache", "--format", "jsonl", *sys.argv[1:]], prog_name="doclint")
    except SystemExit:
        pass
    print(json.dumps(sorted(m for m in sys.modules if m.startswith("doclint.rules."))))
""")


def _imported(*args: str) -> tuple[list[str], set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          check=False)
    *findings, modules = done.stdout.splitlines()
    return findings, set(json.loads(modules))


ANCHORED = {  # module: a text holding one of its rule's anchors
    "doclint.rules.numbers.annual_growth": "年均增长5%。",
    "doclint.rules.numbers.mixed_percent": "增长5％。",
    "doclint.rules.style.mixed_forms": "附件：名单",
}
PREVIEW_ONLY = "doclint.rules.structure.escapes"  # T406, a preview rule


def test_a_rule_whose_anchors_are_absent_is_not_imported(tmp_path: Path) -> None:
    assert manifest.builtin_entries() is not None  # the first run after an edit builds it
    plain = tmp_path / "one.txt"
    plain.write_text("2024年工作总结\n今年我们完成了全年各项目标任务，群众满意度持续提升。\n",
                     encoding="utf-8")
    _findings, modules = _imported(str(plain))
    assert not modules & set(ANCHORED)
    assert PREVIEW_ONLY not in modules
    assert "doclint.rules.years.repeated_year" in modules  # no anchors: always runs
    for module, text in ANCHORED.items():
        doc = tmp_path / f"{module}.txt"
        doc.write_text(f"2024年工作总结\n{text}\n", encoding="utf-8")
        assert module in _imported(str(doc))[1]
    assert PREVIEW_ONLY in _imported("--preview", str(plain))[1]


GATING = textwrap.dedent("""
    import sys
    from pathlib import Path
    from doclint.core.config import Config
    from doclint.core.linter import lint_document
    from doclint.runner.engine import Engine
    engine = Engine(Config(preview=True))
    for path in sorted(Path(sys.argv[1]).glob("*.txt")):
        lazily = engine.lint_file(str(path))[0].diagnostics
        doc = engine.read(str(path), path.read_bytes())
        rules, _archive = engine.rules_for(str(path))
        eagerly = lint_document(doc, rules, engine.maskers_for(str(path)))[0]
        assert lazily == tuple(eagerly), path
        print(path.name, len(lazily))
""")


def test_gating_before_the_import_gives_the_findings_of_gating_after_it() -> None:
    # NOTE: in a fresh interpreter: patterns compiled here would be compiled in the test
    # process, which tests/runner/test_collector.py expects pool workers to compile.
    done = subprocess.run([sys.executable, "-c", GATING, str(ROOT / "examples" / "docs")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 4
    assert sum(int(line.split()[1]) for line in done.stdout.splitlines()) > 0


class _OptionalAnchor(Rule):
    """A rule whose anchor is an option."""

    code = "Z901"
    name = "test.optional-anchor"
    category = Category.PLACEHOLDER
    summary = Message("测试", "test")
    options: ClassVar[dict[str, Option]] = {"word": Option(str, "甲", "the anchor")}

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.anchors = (self.config["word"],)

    def check(self, doc: Document) -> list[Any]:
        return []


def test_anchors_set_by_an_instance_are_read_from_the_instance() -> None:
    assert default_anchors(_OptionalAnchor) is None
    entry = RuleEntry.of(_OptionalAnchor)
    assert entry.anchors is None and entry.loaded
    engine = Engine(Config(rules={"Z901": {"word": "乙"}}), defer_rules=True)
    assert engine._anchors(entry) == ("乙",)
