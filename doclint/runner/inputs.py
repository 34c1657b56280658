"""What a run checks, as a lazy stream of tasks in input order.

Sources are the command-line paths, then the lines of ``--files-from``; each is a file, a
directory (walked sorted, ``include``/``exclude`` applied), a glob, or an archive (members
chosen by the same ``include``/``exclude``). Nothing is listed ahead: a run over ten million
files holds one directory listing and one archive member at a time.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from doclint.core.errors import DoclintError
from doclint.runner import archives
from doclint.runner.discovery import excluded, expand_glob, included, is_glob, walk


@dataclass(frozen=True, slots=True)
class Task:
    """One document to check: a path to read, or bytes already read (archive members).

    ``error`` marks an input that could not even be read (a corrupt archive, a listed file
    that does not exist): it becomes an unreadable result in its place in the output.
    ``location`` is where to read ``path`` when that differs (an absolute path for workers
    that run in another directory); ``key`` is its cache key once it has been looked up.
    """

    path: str
    data: bytes | None = None
    error: str | None = None
    location: str | None = None

    def anchored(self) -> Task:
        """This task readable from any working directory."""
        if self.data is not None or self.error is not None or os.path.isabs(self.path):
            return self
        return Task(self.path, location=os.path.abspath(self.path))


class Inputs:
    """Command-line paths and ``--files-from`` turned into tasks; arguments checked up front."""

    def __init__(self, paths: Sequence[str], include: Sequence[str], exclude: Sequence[str],
                 files_from: str | None = None, skip: Sequence[str] = (),
                 max_bytes: int | None = None) -> None:
        self.paths = list(paths)
        self.max_bytes = max_bytes
        self.include = list(include)
        self.exclude = list(exclude)
        self.files_from = files_from
        self._skip = {os.path.basename(p): Path(p).resolve() for p in skip}
        for raw in self.paths:
            if not (os.path.exists(raw) or is_glob(raw) or excluded(Path(raw), exclude)):
                raise DoclintError(f"{raw}: no such file or directory")
        if files_from not in (None, "-") and not os.path.isfile(files_from):
            raise DoclintError(f"{files_from}: no such file (--files-from)")

    @property
    def countable(self) -> bool:
        """Whether the inputs can be walked twice (a list on standard input cannot)."""
        return self.files_from != "-"

    def tasks(self) -> Iterator[Task]:
        for item in self._paths():
            if isinstance(item, _Missing):
                yield Task(item.path, error=item.reason)
            elif archives.is_archive(item):
                for name, payload in archives.iter_members(item, self._chosen_member(item),
                                                            self.max_bytes):
                    if isinstance(payload, str):
                        yield Task(name, error=payload)
                    else:
                        yield Task(name, data=payload)
            elif not self._skipped(item):
                yield Task(item)

    def sizes(self) -> Iterator[int]:
        """The byte size of every input, in order (for progress totals; nothing is read)."""
        for item in self._paths():
            if isinstance(item, _Missing):
                yield 0
            elif archives.is_archive(item):
                yield from archives.iter_sizes(item, self._chosen_member(item))
            elif not self._skipped(item):
                try:
                    yield os.stat(item).st_size
                except OSError:
                    yield 0

    def _paths(self) -> Iterator[str | _Missing]:
        listed = _listed(self.files_from) if self.files_from else iter(())
        for raw in itertools.chain(self.paths, listed):
            if excluded(Path(raw), self.exclude):
                continue
            if os.path.isdir(raw):
                yield from walk(Path(raw), self.include, self.exclude)
            elif os.path.exists(raw):
                yield raw
            elif is_glob(raw):
                found = False
                for match in expand_glob(raw, self.exclude):
                    found = True
                    yield match
                if not found:
                    yield _Missing(raw, "no file matches this pattern")
            else:
                yield _Missing(raw, "no such file or directory")

    def _chosen_member(self, archive: str) -> Callable[[str], bool]:
        def chosen(name: str) -> bool:
            # An archive inside is always named (and not opened), unless excluded.
            full = Path(archives.member_path(archive, name))
            return ((archives.is_archive(name) or included(os.path.basename(name), self.include))
                    and not excluded(Path(name), self.exclude)
                    and not excluded(full, self.exclude))

        return chosen

    def _skipped(self, path: str) -> bool:
        target = self._skip.get(os.path.basename(path))
        return target is not None and Path(path).resolve() == target


@dataclass(frozen=True, slots=True)
class _Missing:
    """A listed path that does not exist, or a glob that matched nothing."""

    path: str
    reason: str


def _listed(source: str) -> Iterator[str]:
    """Paths from ``--files-from``, one a line; blank lines are skipped."""
    handle: TextIO
    if source == "-":
        handle = sys.stdin
        close = False
    else:
        handle = open(source, encoding="utf-8", errors="surrogateescape")
        close = True
    try:
        for line in handle:
            path = line.rstrip("\r\n")
            if path.strip():
                yield path
    finally:
        if close:
            handle.close()
