"""Nothing lost under ``--fix`` (issue 14, item 4).

- A file that changes on disk after it was checked, or while its fixes are computed, is not
  overwritten: it is reported and left as the other writer left it.
- ``--fix`` follows no symlink out of the checked tree; a symlink inside it stays a link.
- A ``doclint check --fix`` killed with SIGKILL at any point of a write leaves every file
  either as it was or fully fixed, never partial. The child process blocks at a known point
  (a patched write seam) and tells the test through a pipe; nothing here waits on a clock.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from runhelp import Doclint

from doclint.core import fixes
from doclint.runner import session

TEXT = "经研究,现将有关事项通知如下。\n"
FIXED = "经研究，现将有关事项通知如下。\n"
FIX = ["check", "--no-cache", "--jobs", "1", "--select", "BD004", "--no-source", "--fix"]


# --- a file changed by someone else --------------------------------------------------------


def test_a_file_changed_after_it_was_checked_is_not_overwritten(
        here: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch) -> None:
    (here / "a.txt").write_text(TEXT, encoding="utf-8")
    (here / "b.txt").write_text(TEXT, encoding="utf-8")
    edited = "经研究,现将有关事项通知如下（编辑器里改过）。\n"
    read = session.read_regular

    def read_after_an_edit(path: str, limit: int | None = None) -> bytes:
        if os.path.basename(path) == "a.txt":  # an editor saves between check and fix
            Path(path).write_text(edited, encoding="utf-8")
        return read(path, limit)

    monkeypatch.setattr(session, "read_regular", read_after_an_edit)
    run = doclint(*FIX, "a.txt", "b.txt")
    assert (here / "a.txt").read_text(encoding="utf-8") == edited
    assert (here / "b.txt").read_text(encoding="utf-8") == FIXED
    assert run.err_lines == [
        "doclint: a.txt: 1 fix not applied: it changed on disk after it was checked; "
        "not overwritten (check it again)",
        "doclint: b.txt: applied 1 fix",
    ]
    assert run.out.splitlines()[0].startswith("a.txt:1:4: BD004 ")
    assert run.code == 1


def test_a_file_changed_while_it_is_fixed_is_not_overwritten(
        here: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch) -> None:
    (here / "a.txt").write_text(TEXT, encoding="utf-8")
    edited = "编辑器保存的新内容。\n"
    fill = fixes._fill

    def fill_while_an_editor_saves(handle, data: bytes) -> None:  # type: ignore[no-untyped-def]
        (here / "a.txt").write_text(edited, encoding="utf-8")
        fill(handle, data)

    monkeypatch.setattr(fixes, "_fill", fill_while_an_editor_saves)
    run = doclint(*FIX, "a.txt")
    assert (here / "a.txt").read_text(encoding="utf-8") == edited
    assert run.err_lines == ["doclint: a.txt: 1 fix not applied: it changed on disk while it "
                             "was being fixed; not overwritten"]
    assert sorted(p.name for p in here.iterdir()) == ["a.txt"]  # the temporary file is gone
    assert run.out.splitlines()[-1] == "修复了 0 个问题。"  # nothing counted as fixed


def test_a_file_deleted_while_it_is_fixed_is_not_recreated(
        here: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch) -> None:
    (here / "a.txt").write_text(TEXT, encoding="utf-8")
    fill = fixes._fill

    def fill_while_deleted(handle, data: bytes) -> None:  # type: ignore[no-untyped-def]
        (here / "a.txt").unlink()
        fill(handle, data)

    monkeypatch.setattr(fixes, "_fill", fill_while_deleted)
    run = doclint(*FIX, "a.txt")
    assert list(here.iterdir()) == []
    assert run.err_lines[-1].startswith("doclint: a.txt: 1 fix not applied: ")


# --- symlinks ------------------------------------------------------------------------------


def test_fix_follows_no_symlink_out_of_the_checked_tree(here: Path, doclint: Doclint) -> None:
    outside = here / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    (here / "outer").mkdir()
    (here / "outer" / "deep.txt").write_text(TEXT, encoding="utf-8")
    checked = here / "checked"
    checked.mkdir()
    (checked / "real.txt").write_text(TEXT, encoding="utf-8")
    (checked / "alias.txt").symlink_to("real.txt")
    (checked / "escape.txt").symlink_to("../outside.txt")
    (checked / "absolute.txt").symlink_to(outside)
    (checked / "folder").symlink_to("../outer", target_is_directory=True)
    run = doclint(*FIX, "checked")  # a folder symlink is not walked
    assert outside.read_text(encoding="utf-8") == TEXT
    assert (here / "outer" / "deep.txt").read_text(encoding="utf-8") == TEXT
    assert (checked / "real.txt").read_text(encoding="utf-8") == FIXED
    for link in ("alias.txt", "escape.txt", "absolute.txt", "folder"):
        assert (checked / link).is_symlink(), link
    refused = sorted(line for line in run.err_lines if "outside the checked tree" in line)
    assert refused == [
        f"doclint: checked/absolute.txt: 1 fix not applied: it is, or lies behind, a symlink "
        f"to {outside}, outside the checked tree",
        f"doclint: checked/escape.txt: 1 fix not applied: it is, or lies behind, a symlink "
        f"to {outside}, outside the checked tree",
    ]
    assert "folder" not in run.out + run.err


def test_a_symlink_named_on_the_command_line_is_fixed_only_inside_its_folder(
        here: Path, doclint: Doclint) -> None:
    (here / "docs").mkdir()
    (here / "docs" / "real.txt").write_text(TEXT, encoding="utf-8")
    (here / "docs" / "link.txt").symlink_to("real.txt")
    (here / "up.txt").symlink_to("docs/real.txt")  # its folder holds docs/
    (here / "docs" / "back.txt").symlink_to("../other.txt")
    (here / "other.txt").write_text(TEXT, encoding="utf-8")
    run = doclint(*FIX, "docs/link.txt", "docs/back.txt")
    assert (here / "docs" / "real.txt").read_text(encoding="utf-8") == FIXED
    assert (here / "other.txt").read_text(encoding="utf-8") == TEXT
    assert (here / "docs" / "link.txt").is_symlink()
    assert run.err_lines == [
        "doclint: docs/link.txt: applied 1 fix",
        f"doclint: docs/back.txt: 1 fix not applied: it is, or lies behind, a symlink to "
        f"{here / 'other.txt'}, outside the checked tree",
    ]


# --- kill -9 in the middle of --fix --------------------------------------------------------

CHILD = r"""
import os, signal, sys
from doclint.core import fixes
from doclint.cli.main import cli

tell, point, nth = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
calls = {"fill": 0, "commit": 0}
fill, commit = fixes._fill, fixes._commit


def block():
    os.write(tell, point.encode())  # the test kills us now
    while True:
        signal.pause()


def fill_then_block(handle, data):
    calls["fill"] += 1
    if point == "fill" and calls["fill"] == nth:
        handle.write(data[: len(data) // 2])  # half of the new bytes are in the temporary file
        handle.flush()
        os.fsync(handle.fileno())
        block()
    fill(handle, data)


def commit_then_block(temp, target):
    calls["commit"] += 1
    if point == "commit" and calls["commit"] == nth:
        block()  # the temporary file is complete, the rename not done
    commit(temp, target)
    if point == "after" and calls["commit"] == nth:
        block()  # renamed, the run not finished


fixes._fill, fixes._commit = fill_then_block, commit_then_block
sys.argv = ["doclint", *sys.argv[4:]]
cli()
"""

# Long enough that half a write is a real half (one half-width comma among full-width ones:
# a document written in half-width throughout is its source's style, not reported); GBK with
# CRLF and UTF-8 with a BOM to see that encoding and line ends survive.
LONG, LONG_FIXED = TEXT + FIXED * 2000, FIXED * 2001
DOCS = {
    "a.txt": LONG.encode("utf-8"),
    "b.txt": LONG.replace("\n", "\r\n").encode("gbk"),
    "c.txt": LONG.encode("utf-8-sig"),
}
NEW = {
    "a.txt": LONG_FIXED.encode("utf-8"),
    "b.txt": LONG_FIXED.replace("\n", "\r\n").encode("gbk"),
    "c.txt": LONG_FIXED.encode("utf-8-sig"),
}


@pytest.mark.parametrize(("point", "nth", "fixed"), [
    ("fill", 1, set()),  # killed mid-write of a.txt
    ("fill", 2, {"a.txt"}),  # of b.txt, after a.txt was done
    ("commit", 3, {"a.txt", "b.txt"}),  # c.txt written in full, not yet renamed
    ("after", 2, {"a.txt", "b.txt"}),  # b.txt renamed, the run killed before c.txt
])
def test_a_kill_9_during_fix_leaves_each_file_old_or_new(here: Path, point: str, nth: int,
                                                        fixed: set[str]) -> None:
    for name, data in DOCS.items():
        (here / name).write_bytes(data)
    read, tell = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tell), point, str(nth), *FIX, "."],
        pass_fds=(tell,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(tell)
    try:
        said = os.read(read, 16)  # blocks until the child is at the point (or has ended)
        if said != point.encode():
            child.wait()
            pytest.fail(f"the child never reached {point}: {child.stderr.read().decode()}")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        os.close(read)
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stderr.close()  # type: ignore[union-attr]
    for name in DOCS:
        expected = NEW[name] if name in fixed else DOCS[name]
        assert (here / name).read_bytes() == expected, name
    # What a killed run can leave is its temporary file, never read as a document.
    left = sorted(p.name for p in here.iterdir() if p.name not in DOCS)
    assert all(n.startswith(".") and n.endswith(".doclint") for n in left), left
    assert len(left) == (0 if point == "after" else 1)
