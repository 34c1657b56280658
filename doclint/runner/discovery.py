"""Turn command-line paths into the list of files to check."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from doclint.core.errors import DoclintError

ALWAYS_SKIPPED = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox",
                  ".doclint_cache"}


def discover(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Yield files in a stable order: explicit files as given, directories walked sorted.

    A file named explicitly is checked whatever its suffix, unless excluded; inside
    directories only files matching ``include`` are taken.
    """
    for raw in paths:
        path = Path(raw)
        if _excluded(path, exclude):
            continue
        if path.is_dir():
            yield from _walk(path, include, exclude)
        elif path.exists():
            yield raw
        else:
            raise DoclintError(f"{raw}: no such file or directory")


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ALWAYS_SKIPPED
                             and not _excluded(Path(directory, d), exclude))
        for name in sorted(filenames):
            path = Path(directory, name)
            if _included(name, include) and not _excluded(path, exclude):
                yield str(path)


def _included(name: str, include: Sequence[str]) -> bool:
    # Any case, as readers pick by suffix in any case: Windows archives are full of .TXT files.
    return any(fnmatch.fnmatchcase(name.lower(), g.lower()) for g in include)


def _excluded(path: Path, exclude: Sequence[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(path.name, g)
               or fnmatch.fnmatch(posix, f"*/{g}") for g in exclude)
