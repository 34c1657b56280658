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
from doclint.runner.cache import PackedFacts, ResultCache, fingerprint, open_cache, usage
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


def unpacked(outcome: Outcome) -> dict[str, object]:
    """An outcome's archive-rule facts (a cached one keeps them pickled until needed)."""
    facts = outcome.facts
    return facts.unpack() if isinstance(facts, PackedFacts) else facts


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
    assert [unpacked(o) for o in first] == [unpacked(o) for o in second]
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


def segments(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("seg-*"))


def entries(cache_dir: Path) -> int:
    return sum(count for _name, count, _size in usage(cache_dir))


def test_a_damaged_entry_is_a_miss_and_is_rewritten(docs: Path, tmp_path: Path) -> None:
    only = Config(select=["P101"])  # no archive rule: no archive entry beside the two
    check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    assert entries(tmp_path / "c") == 2 and len(segments(tmp_path / "c")) == 1
    segment = segments(tmp_path / "c")[0]
    blob = segment.read_bytes()
    segment.write_bytes(blob[:40] + b"garbage" + blob[47:-7])  # both records damaged
    outcomes, _ = check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    assert hits(outcomes) == [False, False]
    outcomes, _ = check(["docs/2019/economy.txt", "docs/2020/economy.txt"], tmp_path / "c", only)
    assert hits(outcomes) == [True, True]
    assert not [p for p in (tmp_path / "c").rglob(".tmp-*")]  # writes leave no temporaries


def test_a_damaged_index_is_a_miss(docs: Path, tmp_path: Path) -> None:
    only = Config(select=["P101"])
    check(["docs/2019/economy.txt"], tmp_path / "c", only)
    index = next((tmp_path / "c").rglob("index"))
    index.write_bytes(index.read_bytes()[:-3])
    outcomes, _ = check(["docs/2019/economy.txt"], tmp_path / "c", only)
    assert hits(outcomes) == [False]
    assert hits(check(["docs/2019/economy.txt"], tmp_path / "c", only)[0]) == [True]


def test_a_foreign_pickle_is_a_miss(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, "f" * 64)
    assert store.store("ab" * 32, ("not", "a result"))
    assert store.get("ab" * 32) is None
    store.commit()
    assert ResultCache(tmp_path, "f" * 64).get("ab" * 32) is None
    assert ResultCache(tmp_path, "f" * 64).load("ab" * 32) == ("not", "a result")


def test_crashed_results_and_stdin_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "c"
    run = doclint("check", "--preview", "--cache-dir", str(cache), "-", input="今年是XX年。\n")
    assert run.code == 1
    assert entries(cache) == 0


def test_no_cache_and_cache_dir(docs: Path, doclint: Doclint, tmp_path: Path) -> None:
    doclint("check", "--no-cache", "docs")
    doclint("check", "--cache-dir", "mine", "docs")
    assert (Path("mine") / "CACHEDIR.TAG").is_file()
    # 7 documents and the archive rules' diagnostics
    assert entries(Path("mine")) == 8
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


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers see a clock an hour ahead: files written by the test count as settled."""
    import time

    from doclint.runner import worker

    ahead = time.time_ns() + 3600 * 10**9

    class Clock:
        @staticmethod
        def time_ns() -> int:
            return ahead

    monkeypatch.setattr(worker, "time", Clock)


def unread(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file a worker reads."""
    from doclint.runner import worker

    read: list[str] = []
    real = worker.read_regular_stat

    def spy(path: str, limit: int | None = None) -> object:
        read.append(str(path))
        return real(path, limit)

    monkeypatch.setattr(worker, "read_regular_stat", spy)
    return read


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unchanged_file_is_a_hit_by_its_stat_alone(
        jobs: int, docs: Path, tmp_path: Path, later: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = check(["docs"], tmp_path / "c", jobs=jobs)
    read = unread(monkeypatch)
    second, _ = check(["docs"], tmp_path / "c", jobs=jobs)
    assert all(hits(second)) and read == []  # nothing read, nothing hashed
    assert [o.result for o in first] == [o.result for o in second]


def test_a_recently_written_file_is_hashed_again(docs: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Same size, same mtime, other content, within the timestamp granularity: never stale."""
    target = docs / "2020" / "industry.txt"
    target.write_text("今年是2020年。\n", encoding="utf-8")
    check(["docs"], tmp_path / "c")  # the real clock: every file was written just now
    before = target.stat()
    target.write_text("今年是20XX年。\n", encoding="utf-8")  # same number of bytes
    import os

    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    read = unread(monkeypatch)
    outcomes, _ = check(["docs"], tmp_path / "c")
    assert len(read) == 7  # none of them trusted by its stat: all read and hashed
    last = outcomes[-1]
    assert last.result.path == "docs/2020/industry.txt" and not last.cached
    assert [d.code for d in last.result.diagnostics] == ["P101"]


def test_a_file_replaced_with_its_old_size_and_mtime_misses(docs: Path, tmp_path: Path,
                                                            later: None) -> None:
    """An editor's save (write a new file, rename it over the old) with the mtime put back."""
    import os

    target = docs / "2020" / "industry.txt"
    target.write_text("今年是2020年。\n", encoding="utf-8")
    check(["docs"], tmp_path / "c")
    before = target.stat()
    fresh = docs / "new.tmp"
    fresh.write_text("今年是20XX年。\n", encoding="utf-8")
    os.utime(fresh, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(fresh, target)
    outcomes, _ = check(["docs"], tmp_path / "c")
    assert [o.result.path for o in outcomes if not o.cached] == ["docs/2020/industry.txt"]
    assert [d.code for d in outcomes[-1].result.diagnostics] == ["P101"]


def test_a_touched_file_is_confirmed_by_its_hash(docs: Path, tmp_path: Path, later: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    check(["docs"], tmp_path / "c")
    os.utime(docs / "2019" / "economy.txt", ns=(0, 10**18))
    read = unread(monkeypatch)
    outcomes, _ = check(["docs"], tmp_path / "c")
    assert all(hits(outcomes)) and len(read) == 1  # read and hashed, then served
    read.clear()
    assert all(hits(check(["docs"], tmp_path / "c")[0])) and read == []  # its new stat is known


@pytest.mark.parametrize("change", [{"ignore": ["P101"]}, {"rules": {"A101": {"min_chars": 5}}}])
def test_a_config_change_misses_by_stat_too(change: dict[str, object], docs: Path,
                                            tmp_path: Path, later: None) -> None:
    check(["docs"], tmp_path / "c")
    assert all(hits(check(["docs"], tmp_path / "c")[0]))
    outcomes, _ = check(["docs"], tmp_path / "c", Config(**{"preview": True, **change}))  # type: ignore[arg-type]
    assert not any(hits(outcomes))


PACK = """\
name: cache-test
prefix: CT
rules:
  - code: CT001
    type: existence
    category: punctuation
    severity: warning
    message: {zh: "出现“{match}”。", en: "“{match}”."}
    tokens: ['%s']
    examples:
      bad: ["%s"]
      good: ["无"]
"""


def test_a_rule_pack_change_misses(docs: Path, tmp_path: Path, later: None) -> None:
    mine = tmp_path / "pack.yaml"
    mine.write_text(PACK % ("经济", "经济"), encoding="utf-8")
    config = Config(preview=True, rule_packs=[str(mine)])
    first, _ = check(["docs"], tmp_path / "c", config)
    assert all(hits(check(["docs"], tmp_path / "c", config)[0]))
    mine.write_text(PACK % ("工业", "工业"), encoding="utf-8")
    outcomes, _ = check(["docs"], tmp_path / "c", config)
    assert not any(hits(outcomes))
    assert [o.result for o in outcomes] != [o.result for o in first]


def test_concurrent_runs_keep_each_other_s_index_entries(docs: Path, tmp_path: Path) -> None:
    only = Config(select=["P101"])
    engine = Engine(only)
    stamp = fingerprint(engine, None)
    one, two = ResultCache(tmp_path / "c", stamp), ResultCache(tmp_path / "c", stamp)
    one.get("0" * 64), two.get("0" * 64)  # both read the (empty) index first
    one.store("1" * 64, "one")
    two.store("2" * 64, "two")
    one.commit()
    two.commit()
    fresh = ResultCache(tmp_path / "c", stamp)
    assert (fresh.load("1" * 64), fresh.load("2" * 64)) == ("one", "two")


PROBE = """\
import sys
from doclint.cli.main import cli
try:
    cli.main(sys.argv[1:], prog_name="doclint")
except SystemExit as exit:
    code = exit.code
print("rules imported:", any(m.startswith("doclint.rules.") for m in sys.modules), code,
      file=sys.stderr)
"""


def test_a_run_served_from_the_cache_imports_no_rule(docs: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        # NOTE: --jobs 1: the files were just written, so hits come by hash, and a pool would
        # import the rules before it starts, for its workers to inherit.
        return subprocess.run([sys.executable, "-c", PROBE, "check", "--jobs", "1",
                               "--cache-dir", str(tmp_path / "c"), *args],
                              capture_output=True, text=True, check=False)

    first, second = run("--format", "json", "docs"), run("--format", "json", "docs")
    assert first.stderr.endswith("rules imported: True 1\n")
    assert second.stderr.endswith("rules imported: False 1\n")
    assert first.stdout == second.stdout
    text, statistics = run("docs"), run("--statistics", "docs")  # rules looked up lazily
    assert text.stdout == run("--no-cache", "docs").stdout
    assert statistics.stdout == run("--no-cache", "--statistics", "docs").stdout
    Path("docs/new.txt").write_text("今年是20XX年。\n", encoding="utf-8")
    third = run("--format", "json", "docs")
    assert third.stderr.endswith("rules imported: True 1\n")
