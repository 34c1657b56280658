"""The progress bar: on stderr only, on a terminal or when asked, with totals and an ETA."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

from runhelp import Doclint, documents, write_zip

from doclint.core.diagnostic import FileInfo, FileResult
from doclint.runner.progress import Progress
from doclint.runner.worker import Outcome


def outcome(size: int, cached: bool = False) -> Outcome:
    return Outcome(FileResult(FileInfo("x.txt")), {}, size, cached)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_never_on_stdout(docs: Path, doclint: Doclint) -> None:
    write_zip(Path("docs.zip"), documents(docs))
    for fmt in ("json", "jsonl", "sarif"):
        run = doclint("check", "--progress", "--format", fmt, "docs", "docs.zip")
        assert "doclint [" not in run.out and "files/s" not in run.out
        if fmt == "jsonl":
            assert all(json.loads(line) for line in run.out.splitlines())
        else:
            json.loads(run.out)
        assert run.err_lines[-1].startswith("doclint [####################] 14/14 files ")


def test_no_progress_without_a_terminal_or_with_no_progress(docs: Path, doclint: Doclint) -> None:
    assert doclint("check", "docs").err == ""  # CliRunner's stderr is not a terminal
    assert doclint("check", "--no-progress", "docs").err == ""


def test_progress_is_off_for_stdin(doclint: Doclint) -> None:
    assert doclint("check", "--progress", "-", input="正文。\n").err == ""


def test_the_line_shows_files_mb_rate_and_eta() -> None:
    clock = Clock()
    progress = Progress(io.StringIO(), live=False, clock=clock)
    progress.start()
    progress.total_files, progress.total_bytes = 4, 4_000_000
    for _ in range(2):
        clock.now += 1
        progress.advance(outcome(1_000_000, cached=True))
    assert progress.line() == ("doclint [##########..........] 2/4 files 2.0/4.0 MB  1.0 MB/s"
                               "  1.0 files/s  ETA 0:02  0:02  (2 cached)")


def test_before_totals_are_known_there_is_no_bar_and_no_eta() -> None:
    clock = Clock()
    progress = Progress(io.StringIO(), live=False, clock=clock)
    progress.start()
    clock.now += 3700
    progress.advance(outcome(5_000_000))
    assert progress.line() == "doclint 1 files 5.0 MB  0.0 MB/s  0.0 files/s  1:01:40"


def test_totals_are_counted_in_the_background() -> None:
    progress = Progress(io.StringIO(), live=False, totals=lambda: iter([10, 20, 30]))
    progress.start()
    # Wait for the counting thread itself, not for a while: no timing under load.
    import threading

    for thread in threading.enumerate():
        if thread.name == "doclint-progress-count":
            thread.join()
    assert (progress.total_files, progress.total_bytes) == (3, 60)


def test_a_terminal_bar_is_redrawn_in_place_and_messages_do_not_tear_it() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream, live=True, clock=clock)
    progress.start()
    clock.now += 1
    progress.advance(outcome(10))
    progress.echo("doclint: a.txt: cannot read: No such file or directory")
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\rdoclint 1 files")
    message = "doclint: a.txt: cannot read: No such file or directory"
    assert f"\r\x1b[K{message}\n\rdoclint 1 files" in text
    assert text.endswith("\x1b[K\n")


def test_a_log_gets_a_line_now_and_then() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream, live=False, clock=clock)
    progress.start()
    for _ in range(30):
        clock.now += 1
        progress.advance(outcome(10))
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 7 and all("\r" not in line for line in lines)  # every 5 s, and the end


def test_clear_takes_the_bar_off_and_the_next_result_draws_it_again() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream, live=True, clock=clock)
    progress.start()
    clock.now += 1
    progress.advance(outcome(10))
    progress.clear()
    assert stream.getvalue().endswith("\x1b[K\r\x1b[K")
    progress.advance(outcome(10))  # at once, whatever the interval
    assert stream.getvalue().rsplit("\r\x1b[K", 1)[1].startswith("\rdoclint 2 files")


def test_the_last_line_has_the_totals_even_when_the_walk_is_slower_than_the_run() -> None:
    stream = io.StringIO()
    never = threading.Event()

    def slow_totals():  # the walk has not finished when the run ends
        never.wait(5)
        yield 1

    progress = Progress(stream, live=False, totals=slow_totals, clock=Clock())
    progress.start()
    for _ in range(3):
        progress.advance(outcome(10))
    progress.close()
    never.set()
    assert stream.getvalue().splitlines()[-1].startswith("doclint [####################] 3/3 files")
