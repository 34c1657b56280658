"""The result cache: hits, misses, what invalidates it, damaged entries, what it holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from runhelp import Doclint, documents, write_zip

from doclint import Category, Document, Examples, Finding, Message, Rule, Severity, Span, hookimpl
from doclint.core.config import Config
from doclint.plugins.manager import get_plugin_manager
from doclint.runner.batch import BatchResult, RunPlan, run_batch
from doclint.runner.cache import ResultCache, fingerprint, open_cache
from doclint.runner.engine import Engine
from doclint.runner.inputs import Inputs
from doclint.runner.worker import Outcome


def check(paths: list[str], cache_dir: Path, config: Config | None = None,
          jobs: int = 1) -> tuple[list[Outcome], BatchResult]:
    """One cached run through the runner's API; the outcomes in order and the batch."""
    # P101, the rule these runs look for, is a preview rule.
    engine = Engine(config or Config(preview=True))
    stamp = fingerprint(engine, None)
    open_cache(cache_dir, stamp)
    outcomes: list[Outcome] = []
    inputs = Inputs(paths, engine.config.include, engine.config.exclude)
    batch = run_batch(engine, inputs.tasks(), RunPlan(jobs, cache_dir=str(cache_dir),
                                                      fingerprint=stamp),
                      on_outcome=outcomes.append, keep=lambda _r: True)
    return outcomes, batch


def hits(outcomes: list[Outcome]) -> list[bool]:
    return [o.cached for o in outcomes]


def test_a_second_run_is_served_from_the_cache_with_the_same_results(
        docs: Path, tmp_path: Path) -> None:
    write_zip(Path("docs.zip"), documents(docs))
    first, batch1 = check(["docs", "docs.zip"], tmp_path / "c")
    second, batch2 = check(["docs", "docs.zip"], tmp_path / "c", jobs=2)
    assert not any(hits(first)) and all(hits(second)) and len(second) == 14
    assert [o.result for o in first] == [o.result for o in second]
    assert [o.result.lines for o in first] == [o.result.lines for o in second]  # snippets
    assert [o.facts for o in first] == [o.facts for o in second]
    assert batch1.archive == batch2.archive and batch1.archive_lines == batch2.archive_lines


def test_the_cli_output_is_the_same_from_the_cache(docs: Path, doclint: Doclint) -> None:
    runs = [doclint("check", "--progress", "--format", fmt, "docs")
            for fmt in ("text", "text", "json", "json")]
    assert runs[0].out == runs[1].out and runs[2].json() == runs[3].json()
    assert "cached" not in runs[0].err_lines[-1]
    assert runs[1].err_lines[-1].endswith("(7 cached)")
    # Without the cache, the last line ends with the elapsed time (0:00, or more on a loaded
    # machine: only its shape is checked), not with a count of cached files.
    last = doclint("check", "--no-cache", "--progress", "docs").err_lines[-1]
    assert re.fullmatch(r"doclint \[#{20}\] 7/7 files .*  \d+:\d\d", last), last


def test_a_changed_document_misses_and_only_that_one(docs: Path, tmp_path: Path) -> None:
    check(["docs"], tmp_path / "c")
    (docs / "2020" / "industry.txt").write_text("今年是XX年。\n", encoding="utf-8")
    outcomes, _ = check(["docs"], tmp_path / "c")
    assert [o.result.path for o in outcomes if not o.cached] == ["docs/2020/industry.txt"]
    assert [d.code for d in outcomes[-1].result.diagnostics] == ["P101"]


def test_the_same_content_under_another_path_misses(docs: Path, tmp_path: Path) -> None:
    check(["docs/2019/economy.txt"], tmp_path / "c")
    Path("moved.txt").write_bytes((docs / "2019" / "economy.txt").read_bytes())
    outcomes, _ = check(["moved.txt"], tmp_path / "c")
    assert hits(outcomes) == [False]
    assert {d.path for d in outcomes[0].result.diagnostics} == {"moved.txt"}


@pytest.mark.parametrize("change", [
    {"select": ["P"]},
    {"ignore": ["P101"]},
    {"rules": {"A101": {"min_chars": 5}}},
    {"year": 2019},
    {"preview": False},  # a run without the preview rules is another selection
])
def test_a_config_change_misses(change: dict[str, object], docs: Path, tmp_path: Path) -> None:
    check(["docs"], tmp_path / "c")
    outcomes, _ = check(["docs"], tmp_path / "c", Config(**{"preview": True, **change}))  # type: ignore[arg-type]
    assert not any(hits(outcomes))


def test_a_severity_change_misses(docs: Path, tmp_path: Path) -> None:
    from doclint.core.diagnostic import Severity as Level

    check(["docs"], tmp_path / "c")
    outcomes, _ = check(["docs"], tmp_path / "c", Config(preview=True, severity={"P101": Level.INFO}))
    assert not any(hits(outcomes))
    assert {d.severity for o in outcomes for d in o.result.diagnostics if d.code == "P101"} == {
        Level.INFO}


class ExtraRule(Rule):
    """测试用：标出“讲话”。"""

    code = "XR101"
    name = "runnertest.speech"
    category = Category.OTHER
    severity = Severity.INFO
    summary = Message("出现“讲话”。", "“讲话” appears.")
    message = Message("出现“讲话”。", "“讲话” appears.")
    examples = Examples(bad=("讲话",), good=("报告",))
    options: ClassVar[dict[str, object]] = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        at = doc.text.find("讲话")
        if at >= 0:
            yield self.report(Span(at, at + 2))


class ExtraPlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [ExtraRule]


def test_a_rule_set_change_misses(docs: Path, tmp_path: Path) -> None:
    check(["docs"], tmp_path / "c")
    get_plugin_manager().register(ExtraPlugin())
    outcomes, _ = check(["docs"], tmp_path / "c", Config(preview=True, extend_select=["XR101"]))
    assert not any(hits(outcomes))
    assert "XR101" in {d.code for o in outcomes for d in o.result.diagnostics}


def test_files_named_by_the_config_are_hashed(tmp_path: Path) -> None:
    markers = tmp_path / "markers.yaml"
    markers.write_text("markers: []\n", encoding="utf-8")
    before = fingerprint(Engine(Config(era_markers=[str(markers)])), None)
    markers.write_text("[]\n", encoding="utf-8")
    assert fingerprint(Engine(Config(era_markers=[str(markers)])), None) != before
    assert fingerprint(Engine(Config()), "gbk") != fingerprint(Engine(Config()), None)


def test_a_damaged_entry_is_a_miss_and_is_rewritten(docs: Path, tmp_path: Path) -> None:
    only = Config(select=["P101"])  # no archive rule: no archive entry beside the two
    check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    entries = sorted(p for p in (tmp_path / "c").rglob("*")
                     if p.is_file() and len(p.name) == 62)
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:-7] + b"garbage")
    entries[1].write_bytes(b"")
    outcomes, _ = check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    assert hits(outcomes) == [False, False]
    outcomes, _ = check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    assert hits(outcomes) == [True, True]
    assert not [p for p in (tmp_path / "c").rglob(".tmp-*")]  # writes leave no temporaries


def test_a_foreign_pickle_is_a_miss(tmp_path: Path) -> None:
    import hashlib
    import pickle

    from doclint.runner import cache as module

    store = ResultCache(tmp_path, "f" * 64)
    body = pickle.dumps(("not", "a result"))
    target = store._file("ab" * 32)
    target.parent.mkdir(parents=True)
    target.write_bytes(module._MAGIC + hashlib.sha256(body).digest() + body)
    assert store.get("ab" * 32) is None


def test_crashed_results_and_stdin_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "c"
    run = doclint("check", "--preview", "--cache-dir", str(cache), "-", input="今年是XX年。\n")
    assert run.code == 1
    assert not [p for p in cache.rglob("*") if p.is_file() and len(p.name) == 62]


def test_no_cache_and_cache_dir(docs: Path, doclint: Doclint, tmp_path: Path) -> None:
    doclint("check", "--no-cache", "docs")
    doclint("check", "--cache-dir", "mine", "docs")
    assert (Path("mine") / "CACHEDIR.TAG").is_file()
    # 7 documents and the archive rules' diagnostics
    assert len([p for p in Path("mine").rglob("*") if p.is_file() and len(p.name) == 62]) == 8
    Path("doclint.yaml").write_text("cache-dir: fromconfig\n", encoding="utf-8")
    doclint("check", "docs")
    assert (Path("fromconfig") / "CACHEDIR.TAG").is_file()
    info = doclint("cache", "info")
    assert info.code == 0 and "8 entries" in info.out
    assert doclint("cache", "clear").out.endswith("cleared\n")
    assert doclint("cache", "info").out.endswith("0 rule set/config fingerprint(s)\n")
    Path("plain").mkdir()
    assert doclint("cache", "clear", "--cache-dir", "plain").code == 2


def test_an_unusable_cache_dir_is_one_line_and_the_run_goes_on(docs: Path,
                                                                doclint: Doclint) -> None:
    Path("afile").write_text("x", encoding="utf-8")
    run = doclint("check", "--cache-dir", "afile/sub", "--select", "P101", "docs")
    assert run.code == 1
    assert run.err_lines[0].startswith("doclint: cache off: cannot use afile/sub: ")
