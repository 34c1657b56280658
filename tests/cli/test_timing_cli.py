"""``doclint check --timing``: each rule's time on standard error, whatever the workers, the
cache or the input; the report on standard output stays as it is.

Only what ran and how many documents were timed is asserted, never a time.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import Doclint

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["speech-anonymised.txt", "report-numbers.txt", "compilation.txt"]
RULES = "P101,N301,T601,Y201"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in EXAMPLES:
        shutil.copy(ROOT / "examples" / "docs" / name, tmp_path / name)
    return tmp_path


def timed_rules(err: str) -> tuple[list[str], int]:
    """The codes of the rule rows of a ``--timing`` table, in order, and how many more rules
    its "more rules" line sums."""
    lines = err.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("doclint: time per rule"))
    rows = []
    for line in lines[start + 2:]:
        label = line.split()[0]
        if not label[:1].isupper() or not label[1:].isalnum():
            more = int(label) if line.split()[1:3] == ["more", "rules"] else 0
            return rows, more
        rows.append(label)
    raise AssertionError(err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_rule_that_ran_is_timed(folder: Path, doclint: Doclint, jobs: str) -> None:
    run = doclint("check", "--timing", "--no-cache", "--lang", "en", "--jobs", jobs,
                  "--select", RULES, "--format", "json", str(folder))
    assert f"over {len(EXAMPLES)} documents checked" in run.err
    rows, more = timed_rules(run.err)
    # (with the rules that mask page chrome and boilerplate for them: they run too, marked)
    assert {"N301", "P101", "T601", "Y201"} <= set(rows) and more == 0
    marked = {line.split()[0] for line in run.err_lines if line.split()[1:2] == ["*"]}
    assert marked == set(rows) - {"N301", "P101", "T601", "Y201"} != set()
    assert "archive rules (main process)" in run.err
    json.loads(run.out)  # the report itself is untouched


def test_the_same_rules_are_timed_with_one_worker_or_two(folder: Path,
                                                          doclint: Doclint) -> None:
    runs = [doclint("check", "--timing", "--no-cache", "--lang", "en", "--jobs", jobs,
                    "--preview", "--select", "ALL", str(folder)) for jobs in ("1", "2")]
    (serial, more_serial), (parallel, more_parallel) = map(timed_rules, (r.err for r in runs))
    assert len(serial) == len(parallel) == 15  # the slowest by name, in an order times decide
    assert more_serial == more_parallel > 50
    assert runs[0].out == runs[1].out


def test_documents_from_the_cache_are_not_timed(folder: Path, tmp_path: Path,
                                                doclint: Doclint) -> None:
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = doclint("check", "--timing", "--lang", "en", *cache, str(folder))
    again = doclint("check", "--timing", "--lang", "en", *cache, str(folder))
    assert f"over {len(EXAMPLES)} documents checked (" in first.err
    assert again.err_lines[-1] == (f"doclint: no document was timed: {len(EXAMPLES)} came "
                                   "from the cache (time them with --no-cache).")
    assert first.out == again.out


def test_standard_input_is_timed(doclint: Doclint) -> None:
    run = doclint("check", "--timing", "--lang", "en", "-", input="2024年工作总结\n".encode())
    assert "over 1 document checked" in run.err
    assert "all rules" in run.err


def test_without_the_option_no_time_is_printed(folder: Path, doclint: Doclint) -> None:
    run = doclint("check", "--no-cache", "--lang", "en", str(folder))
    assert "time per rule" not in run.err


def test_standard_input_checked_in_windows_is_timed(doclint: Doclint,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from doclint.runner import windows

    monkeypatch.setattr(windows, "WINDOW_BYTES", 200)  # so that a few lines go in windows
    text = "".join(f"第{n}条 本办法自2024年1月1日起施行，同比增长5%。\n" for n in range(1, 30))
    run = doclint("check", "--timing", "--lang", "en", "-", input=text.encode())
    assert "over 1 document checked" in run.err
