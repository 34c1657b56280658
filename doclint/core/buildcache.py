"""State built from shipped files, kept between runs: slow to build, fast to load.

Start-up turns a few packaged files into Python objects: the era markers and the numbers
family's tables from YAML, the divisions table into lookups, each built-in rule pack into
validated rule specs. Each costs 5–40 ms per process, which a pre-commit hook pays on every run.
:func:`load_or_build` keeps such a value as a pickle in ``built/`` of the user cache folder
(:mod:`doclint.core.cachedir`), together with the key it was built under:

- the SHA-256 of every source file's content, so an edited data file or pack is never served
  stale (hashing the shipped files costs well under a millisecond);
- the size and modification time of every source file of the code that builds the value and
  defines its classes (the test Python applies to ``__pycache__``), and Python's version.

A missing or read-only folder, a corrupt, truncated or foreign file, a value that no longer
unpickles: the value is built as if there were no cache, and stored when the folder allows it.
A file is written to a temporary name and renamed into place, so a reader sees the old file or
the new one, never part of one. Like the result cache and ``__pycache__``, the files are
pickles: the folder must be one the user trusts.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from doclint.core.cachedir import default_dir

T = TypeVar("T")
FORMAT = b"doclint-built 1\n"
FOLDER = "built"


def load_or_build(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], T],
                  code: Iterable[str] = (), context: str = "") -> T:
    """The value ``build()`` returns for ``sources``, from the cache when its key still holds.

    ``name`` names the value (one cache file per name and set of source locations); ``code``
    lists the modules or packages (by import name) whose source decides the value;
    ``context``, anything else it depends on.
    """
    try:
        key = _key(sources, code, context)
    except OSError:  # a source that cannot be read: let build() say so
        return build()
    path = folder() / f"{name}-{_digest(os.fspath(s) for s in sources)[:16]}.pickle"
    header = FORMAT + key.encode() + b"\n"
    found = read(path, header)
    if found is not None:
        return found[0]  # type: ignore[no-any-return]
    value = build()
    try:
        unchanged = _key(sources, code, context) == key
    except OSError:
        unchanged = False
    if unchanged:  # a source edited while it was being built is not stored under the old key
        write(path, header, value)
    return value


def folder() -> Path:
    """Where built state is kept: ``built/`` of the user cache folder."""
    return default_dir() / FOLDER


def read(path: Path, header: bytes) -> tuple[Any] | None:
    """``(value,)`` stored at ``path`` under ``header``; None when missing, stored under
    another header, unreadable, truncated or corrupt."""
    try:
        data = path.read_bytes()
        if data.startswith(header):
            return (pickle.loads(memoryview(data)[len(header):]),)
    except Exception:
        pass
    return None


def read_table(path: Path, header: bytes) -> dict[Any, Any]:
    """The dict stored at ``path`` under ``header`` (a store of answers kept between runs:
    compiled patterns, segmenter answers, dataclass code); empty when there is none."""
    found = read(path, header)
    return found[0] if found and isinstance(found[0], dict) else {}


def merge_table(path: Path, header: bytes, added: dict[Any, Any], limit: int) -> None:
    """Write the dict at ``path`` back with ``added`` merged in; beyond ``limit`` entries the
    store starts again from ``added`` (old answers piling up after edits)."""
    merged = read_table(path, header)
    if len(merged) + len(added) > limit:
        merged = {}
    merged.update(added)
    write(path, header, merged)


class KeptTable:
    """A table of answers kept between runs (compiled patterns, segmenter answers, dataclass
    code): read once, when first asked; what this process adds is merged back at exit.

    ``header`` says which producer wrote the table (None: there is none to keep, the table
    stays empty); ``limit`` bounds the table on disk (and, with ``keep_at_most``, what one
    process adds); ``merging``, when given, is held while the table is read back and written
    (a lock file shared by processes that write the same table)."""

    def __init__(self, path: Callable[[], Path], header: Callable[[], bytes | None],
                 limit: int, keep_at_most: int | None = None,
                 merging: Callable[[], AbstractContextManager[Any]] | None = None) -> None:
        self._path, self._header, self._limit = path, header, limit
        self._keep_at_most, self._merging = keep_at_most, merging
        self._lock = threading.Lock()
        self.stored: dict[Any, Any] | None = None
        self.added: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        """The kept answer for ``key``, read from the table or added by this process (None
        when there is none)."""
        added = self.added.get(key)
        if added is not None:
            return added
        stored = self.stored
        if stored is None:
            with self._lock:
                if self.stored is None:
                    header = self._header()
                    self.stored = read_table(self._path(), header) if header else {}
                stored = self.stored
        return stored.get(key)

    def add(self, key: Any, value: Any) -> None:
        """Keep ``value`` for ``key``, to be written at exit."""
        with self._lock:
            if self._keep_at_most is not None and len(self.added) >= self._keep_at_most:
                return
            if not self.added:
                atexit.register(self.save)
            self.added[key] = value

    def save(self) -> None:
        """Merge what this process added into the table on disk."""
        with self._lock:
            if not self.added:
                return
            header = self._header()
            if header is None:
                return
            with self._merging() if self._merging is not None else nullcontext():
                merge_table(self._path(), header, self.added, self._limit)
            self.added.clear()


def _key(sources: Sequence[str | os.PathLike[str]], code: Iterable[str], context: str) -> str:
    digest = hashlib.sha256(f"{sys.version_info}\0{context}\0".encode("utf-8", "surrogatepass"))
    for source in sources:
        digest.update(os.fspath(source).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(Path(source).read_bytes()).digest())
    for module in code:
        for file in _module_files(module):
            stat = os.stat(file)
            digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode(
                "utf-8", "surrogatepass"))
    return digest.hexdigest()


def _module_files(name: str) -> list[str]:
    """The source files of a module, or of every module of a package (its whole folder)."""
    module = sys.modules.get(name)
    origin = getattr(module, "__file__", None)
    if origin is None:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
    if not origin:
        return [f"<no source for {name}>"]
    if os.path.basename(origin) != "__init__.py":
        return [origin]
    files = []
    for directory, dirnames, filenames in os.walk(os.path.dirname(origin)):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        files += [os.path.join(directory, f) for f in sorted(filenames) if f.endswith(".py")]
    return files


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def write(path: Path, header: bytes, value: Any) -> None:
    """Store ``value`` at ``path`` under ``header``, atomically; say nothing when the folder is
    missing, read-only or full, or when the value does not pickle."""
    try:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not picklable: simply not cached
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # NOTE: imported here: only writing needs it (a one-file check seldom does)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header + body)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
