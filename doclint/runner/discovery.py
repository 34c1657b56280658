"""Turn command-line paths into the list of files to check: files, directories and globs."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from doclint.core.errors import DoclintError
from doclint.core.lazyregex import lazy_re

ALWAYS_SKIPPED = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox",
                  ".doclint_cache"}
_MAGIC = lazy_re(r"[*?\[]")


def discover(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Yield files in a stable order: explicit files as given, directories walked sorted.

    A file named explicitly is checked whatever its suffix, unless excluded; inside
    directories only files matching ``include`` are taken. A path that does not exist but
    holds ``*``, ``?`` or ``[`` is a glob (``docs/**/*.txt``): its matches are taken like
    explicitly named files, in the order of a sorted walk.
    """
    for raw in paths:
        path = Path(raw)
        if excluded(path, exclude):
            continue
        if path.is_dir():
            yield from walk(path, include, exclude)
        elif path.exists():
            yield raw
        elif is_glob(raw):
            found = False
            for match in expand_glob(raw, exclude):
                found = True
                yield match
            if not found:
                raise DoclintError(f"{raw}: no file matches this pattern")
        else:
            raise DoclintError(f"{raw}: no such file or directory")


def is_glob(raw: str) -> bool:
    return bool(_MAGIC.search(raw)) and not Path(raw).exists()


def expand_glob(pattern: str, exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files matching ``pattern`` (``**`` spans directories), found by a sorted, lazy walk."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    while parts and not _MAGIC.search(parts[0]):
        fixed.append(parts.pop(0))
    if not parts:  # the magic was in a name that exists after all
        return
    root = "/".join(fixed) if fixed else "."
    if fixed == [""]:
        root = "/"
    matcher = re.compile(_glob_regex(parts))
    depth = None if "**" in parts else len(parts)
    for directory, dirnames, filenames in os.walk(root):
        relative = os.path.relpath(directory, root)
        level = 0 if relative == "." else relative.count(os.sep) + 1
        if depth is not None and level >= depth - 1:
            dirnames[:] = []
        dirnames[:] = sorted(d for d in dirnames if d not in ALWAYS_SKIPPED
                             and not excluded(Path(directory, d), exclude))
        for name in sorted(filenames):
            inner = name if relative == "." else f"{relative.replace(os.sep, '/')}/{name}"
            if matcher.fullmatch(inner):
                found = Path(directory, name)
                if not excluded(found, exclude):
                    yield str(found)


def _glob_regex(parts: Sequence[str]) -> str:
    pieces: list[str] = []
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if part == "**":
            pieces.append("(?:[^/]+/)*[^/]+" if last else "(?:[^/]+/)*")
        else:
            pieces.append(_part_regex(part) + ("" if last else "/"))
    return "".join(pieces)


def _part_regex(part: str) -> str:
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in part[i + 2 :]:
            end = part.index("]", i + 2)
            body = part[i + 1 : end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ALWAYS_SKIPPED
                             and not excluded(Path(directory, d), exclude))
        for name in sorted(filenames):
            path = Path(directory, name)
            if included(name, include) and not excluded(path, exclude):
                yield str(path)


def included(name: str, include: Sequence[str]) -> bool:
    # Any case, as readers pick by suffix in any case: Windows archives are full of .TXT files.
    return any(fnmatch.fnmatchcase(name.lower(), g.lower()) for g in include)


def excluded(path: Path, exclude: Sequence[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(path.name, g)
               or fnmatch.fnmatch(posix, f"*/{g}") for g in exclude)
