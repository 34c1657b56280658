"""The folder whose ignore files apply to a checked path: resolved once per folder, the same
folder ``locate`` gives (a symlinked file's is its target's folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from doclint.runner.suppressions import Suppressor, locate


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "linked").symlink_to("real", target_is_directory=True)
    (tmp_path / "real" / "alias.txt").symlink_to("../other/b.txt")
    (tmp_path / "real" / "inner").mkdir()
    (tmp_path / "up").symlink_to("real/inner", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", [
    "real/a.txt",            # a plain file
    "linked/a.txt",          # in a symlinked folder: the folder as resolved
    "real/alias.txt",        # a symlink itself: its target's folder
    "linked/alias.txt",      # both
    "up/../a.txt",           # ".." after a symlinked folder goes up from its target
    "a.txt",                 # no folder written: the working directory
    "-",                     # standard input stands in the working directory
])
def test_the_folder_is_the_one_locate_gives(tree: Path, path: str) -> None:
    suppressor = Suppressor(engine=None)
    expected = locate(path)[0].parent
    assert suppressor._folder(path) == expected
    assert suppressor._folder(os.path.join(str(tree), path)) == \
        locate(os.path.join(str(tree), path))[0].parent


def test_a_folder_is_resolved_once(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    suppressor = Suppressor(engine=None)
    calls: list[Path] = []
    resolve = Path.resolve

    def counted(self: Path, strict: bool = False) -> Path:
        calls.append(self)
        return resolve(self, strict)

    monkeypatch.setattr(Path, "resolve", counted)
    for name in ("a.txt", "a.txt", "inner"):
        suppressor._folder(f"linked/{name}")
    assert calls == [Path("linked")]
