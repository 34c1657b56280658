"""The result cache: segment files of entries and one index per rule set and config.

A document's entry is keyed by the SHA-256 of the fingerprint (doclint's version and the hash
of its own files, every loaded rule and plugin module, rule packs, era-marker files, the
effective config, the forced encoding), the reported path and the document's content hash. An
entry holds the FileResult (diagnostics, the content hash, the source lines for snippets) and
the archive-rule facts. The archive rules' diagnostics are cached too, under the digest of
every document's key in input order: an unchanged archive skips combining and re-reading.

Each fingerprint folder holds an ``index`` and ``seg-*`` segment files. The index maps

- a file's absolute location to its stat signature (size, mtime, ctime, inode) and content
  hash when it was last read: a file whose signature is unchanged is a hit decided by one
  ``stat``, before anything is read or hashed (the entry then confirms that content hash);
- every key to its place in a segment (file, offset, length).

A run loads the index once and reads hits from the segments (one open file each, not one file
per entry); the parent process appends new entries to a segment of its own and, at the end,
merges its additions into the index on disk and replaces it atomically. Each record carries a
checksum: a torn, truncated or foreign record is a miss and is written again. Like
``__pycache__``, the cache is pickles: it must be a folder the user trusts.

**Racy files.** A file rewritten within the timestamp granularity with the same size can keep
its mtime. ctime is in the signature (``os.utime`` cannot set it, so "rewrite, then restore
the mtime" changes it), and a signature is only recorded when the file's mtime and ctime are
more than ``RACY_SECONDS`` older than the moment it was read (git's "racy clean" rule): a file
touched just before or during a run is read and hashed again on the next one.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import hashlib
import io
import json
import os
import pickle
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

import doclint
from doclint.core.cachedir import ENV_DIR, default_dir  # noqa: F401  (re-exported)
from doclint.core.diagnostic import (
    Diagnostic,
    Edit,
    FileInfo,
    FileResult,
    Fix,
    Message,
    RelatedLocation,
)
from doclint.core.document import Position, Span

FORMAT = 5  # 5: segments and one index, with files' stat signatures; 4: Fix.applicability; 3: FileResult.directives
KEEP = 8  # fingerprint folders kept: the most recently used rule sets and configs
RACY_SECONDS = 2  # a file changed this recently is hashed again next time, whatever its stat
UNUSED_DAYS = 30  # index entries not used for this long are dropped, and their bytes reclaimed
GRACE_SECONDS = 3600  # a segment written this recently may be another run's, still uncommitted
_MAGIC = b"DOCLINT-CACHE\x02"
_INDEX_MAGIC = b"DOCLINT-INDEX\x01"
_PACKAGE_ROOT = Path(doclint.__file__).resolve().parent

Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
Place = tuple[str, int, int, int]  # segment, offset, length, day last used
Known = tuple[Signature, str, int]  # signature, content hash, day last used


def signature(info: os.stat_result) -> Signature:
    """What says a file is unchanged without reading it."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def settled(info: os.stat_result, now_ns: int) -> bool:
    """Whether ``info`` is old enough, at ``now_ns``, for its signature to be trusted later:
    a file changed within ``RACY_SECONDS`` of being read may change again with the same mtime."""
    return max(info.st_mtime_ns, info.st_ctime_ns) < now_ns - RACY_SECONDS * 1_000_000_000


def _today() -> int:
    return int(time.time() // 86400)


class PackedFacts:
    """A cached document's archive-rule facts, still pickled: they are objects of the archive
    rules' modules, and unpickling them would import the rules. They are unpacked only when
    the archive rules run again (some document changed)."""

    __slots__ = ("blob",)

    def __init__(self, blob: bytes) -> None:
        self.blob = blob

    def unpack(self) -> dict[str, Any]:
        facts = pickle.loads(self.blob)
        return facts if isinstance(facts, dict) else {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackedFacts) and other.blob == self.blob

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> bytes:
        return self.blob

    def __setstate__(self, blob: bytes) -> None:
        self.blob = blob


class ResultCache:
    """Entries in ``root/v4/<fingerprint[:16]>/seg-*``, found through ``…/index``."""

    def __init__(self, root: str | Path, fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.folder = self.root / f"v{FORMAT}" / fingerprint[:16]
        self._stats: dict[str, Known] | None = None
        self._entries: dict[str, Place] = {}
        self._new_stats: dict[str, Known] = {}
        self._new_entries: dict[str, Place] = {}
        self._used_stats: set[str] = set()
        self._used: set[str] = set()
        self._readers: dict[str, BinaryIO | None] = {}
        self._segment: BinaryIO | None = None
        self._segment_name = ""
        self._seen: tuple[int, int, int] | None = None

    def key(self, path: str, digest: str) -> str:
        text = f"{self.fingerprint}\0{path}\0{digest}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def archive_key(self, document_keys: str) -> str:
        """The key of the archive rules' results, from the digest of every document's key."""
        return self.key("\0archive", document_keys)

    # -- the index ---------------------------------------------------------------------------

    def _index(self) -> tuple[dict[str, Known], dict[str, Place]]:
        if self._stats is None:
            self._seen = _stamp(self.folder / "index")
            self._stats, self._entries = _read_index(self.folder / "index")
        return self._stats, self._entries

    def refresh(self) -> None:
        """Read the index again if another run has replaced it since (long-lived workers)."""
        if self._stats is not None and _stamp(self.folder / "index") != self._seen:
            self._stats = None

    def digest_of(self, location: str, sig: Signature) -> str | None:
        """The content hash recorded for the file at ``location`` (absolute) if its stat
        signature is still ``sig``, else None."""
        stats, _ = self._index()
        known = self._new_stats.get(location) or stats.get(location)
        if known is None or known[0] != sig:
            return None
        self._used_stats.add(location)
        return known[1]

    def remember(self, location: str, sig: Signature, digest: str) -> None:
        """Record that the file at ``location`` with signature ``sig`` has content ``digest``."""
        self._new_stats[location] = (sig, digest, _today())

    # -- entries -----------------------------------------------------------------------------

    def get(self, key: str) -> tuple[FileResult, dict[str, Any] | PackedFacts] | None:
        """A document's result and its facts (packed: see ``PackedFacts``)."""
        entry = self.load(key)
        if (not isinstance(entry, tuple) or len(entry) != 2
                or not isinstance(entry[0], FileResult)
                or not isinstance(entry[1], (bytes, type(None)))):
            return None
        return entry[0], ({} if entry[1] is None else PackedFacts(entry[1]))

    def put(self, key: str, result: FileResult, facts: dict[str, Any] | PackedFacts) -> bool:
        if isinstance(facts, PackedFacts):
            blob: bytes | None = facts.blob
        else:
            blob = _dumps(facts) if facts else None
        return self.store(key, (result, blob))

    def load(self, key: str) -> Any:
        """The object stored under ``key``, or None for a missing or damaged entry."""
        _, entries = self._index()
        place = self._new_entries.get(key) or entries.get(key)
        if place is None:
            return None
        blob = self._read(place[0], place[1], place[2])
        entry = None if blob is None else self._recover(blob)
        if entry is not None:
            self._used.add(key)
        return entry

    def _read(self, segment: str, offset: int, length: int) -> bytes | None:
        if segment not in self._readers:
            try:
                self._readers[segment] = open(self.folder / segment, "rb")
            except OSError:
                self._readers[segment] = None
        reader = self._readers[segment]
        if reader is None:
            return None
        try:
            reader.seek(offset)
            blob = reader.read(length)
        except OSError:
            return None
        return blob if len(blob) == length else None

    def store(self, key: str, entry: Any) -> bool:
        """Append an entry to this process's segment; False (nothing stored) when the disk
        says no. It is found by other runs once ``commit`` has written the index."""
        body = _dumps(entry)
        record = _MAGIC + hashlib.sha256(body).digest() + body
        try:
            if self._segment is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                import tempfile  # NOTE: imported here: only writing needs it
                handle, name = tempfile.mkstemp(dir=self.folder, prefix="seg-")
                # NOTE: unbuffered, so a forked worker process has no copy of unwritten bytes.
                self._segment = os.fdopen(handle, "wb", buffering=0)
                self._segment_name = os.path.basename(name)
            offset = self._segment.tell()
            self._segment.write(record)
        except OSError:
            return False
        self._new_entries[key] = (self._segment_name, offset, len(record), _today())
        return True

    def commit(self) -> None:
        """Merge this run's additions into the index on disk, atomically, and reclaim what no
        entry uses any more. Runs at the same time lose nothing but each other's additions."""
        if self._segment is not None:
            self._segment.close()
            self._segment = None
        for reader in self._readers.values():
            if reader is not None:
                reader.close()
        self._readers.clear()
        today = _today()
        known, placed = self._index()
        stale = (any(placed[k][3] != today for k in self._used if k in placed)
                 or any(known[k][2] != today for k in self._used_stats if k in known))
        if not (self._new_entries or self._new_stats or stale):
            return
        try:
            stats, entries = _read_index(self.folder / "index")  # others may have committed
            for location in self._used_stats:
                if location in stats:
                    stats[location] = (*stats[location][:2], today)
            for key in self._used:
                if key in entries:
                    entries[key] = (*entries[key][:3], today)
            stats.update(self._new_stats)
            entries.update(self._new_entries)
            stats, entries = self._tidy(stats, entries, today)
            _write_index(self.folder / "index", stats, entries)
        except OSError:
            return
        self._stats, self._entries = stats, entries
        self._seen = _stamp(self.folder / "index")
        self._new_stats, self._new_entries = {}, {}
        self._used_stats, self._used = set(), set()

    def _tidy(self, stats: dict[str, Known], entries: dict[str, Place], today: int
              ) -> tuple[dict[str, Known], dict[str, Place]]:
        """Drop entries unused for ``UNUSED_DAYS`` or in a lost segment; delete segments no
        entry uses; copy the live entries of a mostly dead segment into a fresh one."""
        horizon = today - UNUSED_DAYS
        sizes: dict[str, int] = {}
        recent: set[str] = set()
        for path in self.folder.glob("seg-*"):
            try:
                info = path.stat()
            except OSError:
                continue
            sizes[path.name] = info.st_size
            if info.st_mtime > time.time() - GRACE_SECONDS:
                recent.add(path.name)
        entries = {k: v for k, v in entries.items() if v[3] >= horizon and v[0] in sizes}
        stats = {k: v for k, v in stats.items() if v[2] >= horizon}
        live: dict[str, int] = dict.fromkeys(sizes, 0)
        for place in entries.values():
            live[place[0]] += place[2]
        for name, size in sizes.items():
            if name in recent:
                continue
            if live[name] == 0:
                (self.folder / name).unlink(missing_ok=True)
            elif live[name] * 2 < size:
                moved = self._move_live(name, entries)
                if moved is not None:
                    entries.update(moved)
                    (self.folder / name).unlink(missing_ok=True)
        if self._segment is not None:
            self._segment.close()
            self._segment = None
        return stats, entries

    def _move_live(self, segment: str, entries: dict[str, Place]) -> dict[str, Place] | None:
        moved: dict[str, Place] = {}
        for key, (name, offset, length, day) in entries.items():
            if name != segment:
                continue
            blob = self._read(name, offset, length)
            if blob is None:
                continue
            entry = self._recover(blob)
            if entry is None:
                continue
            if not self.store(key, entry):
                return None
            place = self._new_entries.pop(key)
            moved[key] = (*place[:3], day)
        reader = self._readers.pop(segment, None)
        if reader is not None:
            reader.close()
        return moved

    @staticmethod
    def _recover(blob: bytes) -> Any:
        head = len(_MAGIC)
        body = blob[head + 32 :]
        if blob[:head] != _MAGIC or hashlib.sha256(body).digest() != blob[head : head + 32]:
            return None
        try:
            return pickle.loads(body)
        except Exception:
            return None


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _read_index(path: Path) -> tuple[dict[str, Known], dict[str, Place]]:
    try:
        blob = path.read_bytes()
    except OSError:
        return {}, {}
    head = len(_INDEX_MAGIC)
    body = blob[head + 32 :]
    if blob[:head] != _INDEX_MAGIC or hashlib.sha256(body).digest() != blob[head : head + 32]:
        return {}, {}
    try:
        stats, entries = pickle.loads(body)
    except Exception:
        return {}, {}
    if not isinstance(stats, dict) or not isinstance(entries, dict):
        return {}, {}
    return stats, entries


def _write_index(path: Path, stats: dict[str, Known], entries: dict[str, Place]) -> None:
    body = pickle.dumps((stats, entries), protocol=pickle.HIGHEST_PROTOCOL)
    import tempfile  # NOTE: imported here: only writing needs it
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_INDEX_MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _by_fields(cls: type) -> Any:
    names = [f.name for f in dataclasses.fields(cls)]

    def reduce(obj: object) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, name) for name in names)

    return reduce


# Results are pickled as constructor calls: loading a cached result then costs a fraction of
# the frozen dataclasses' default __setstate__, which looks their fields up for every object.
_DISPATCH = dict(copyreg.dispatch_table)
for _cls in (Position, Span, Message, Fix, Edit, RelatedLocation, Diagnostic, FileInfo,
             FileResult):
    if dataclasses.is_dataclass(_cls) and all(f.init for f in dataclasses.fields(_cls)):
        _DISPATCH[_cls] = _by_fields(_cls)


def _dumps(entry: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(entry)
    return buffer.getvalue()


def open_cache(root: str | Path, fingerprint: str) -> ResultCache:
    """Create the cache folder (marked so that backups and git leave it alone), note this
    fingerprint as used, and drop the least recently used beyond ``KEEP``. Raises OSError."""
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    marks = {"CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                             "# doclint's result cache: https://bford.info/cachedir/\n",
             ".gitignore": "# created by doclint\n*\n"}
    for name, text in marks.items():
        if not (folder / name).exists():
            (folder / name).write_text(text, encoding="utf-8")
    cache = ResultCache(folder, fingerprint)
    cache.folder.mkdir(parents=True, exist_ok=True)
    (cache.folder / "last-used").write_text(doclint.__version__ + "\n", encoding="utf-8")
    _prune(cache.folder.parent)
    return cache


def has_index(root: str | Path, fingerprint: str) -> bool:
    """Whether a run under ``fingerprint`` has written an index in the cache at ``root``."""
    return (ResultCache(root, fingerprint).folder / "index").is_file()


def _prune(base: Path) -> None:
    def last_used(folder: Path) -> float:
        try:
            return (folder / "last-used").stat().st_mtime
        except OSError:
            return 0.0

    folders = sorted((p for p in base.iterdir() if p.is_dir()), key=last_used, reverse=True)
    for stale in folders[KEEP:]:
        import shutil  # NOTE: imported here: only pruning needs it
        shutil.rmtree(stale, ignore_errors=True)


def fingerprint(engine: Any, encoding: str | None) -> str:
    """Everything besides the path and the content that decides a document's result.

    Computed without importing the built-in rules: they are files of the package, which
    ``package_digest`` covers. Other plugins' rules are listed and their modules hashed.
    """
    import regex  # type: ignore[import-untyped]

    config = engine.config
    digest = hashlib.sha256()

    def feed(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")

    feed("format", FORMAT, "doclint", doclint.__version__, "python", sys.version_info[:2],
         "regex", getattr(regex, "__version__", "?"), "package", package_digest(),
         "encoding", encoding)
    modules: set[str] = set()
    for impl in engine.pm.hook.doclint_rules.get_hookimpls():
        if _inside_package(impl.plugin):
            continue
        try:
            rules = list(impl.function() or ())
        except Exception as exc:
            feed("plugin failed", impl.plugin_name, type(exc).__name__)
            continue
        for rule in sorted(rules, key=lambda r: r.code):
            feed("rule", rule.code, rule.name, impl.plugin_name, rule.__module__,
                 rule.__qualname__, rule.severity.label, rule.category.value,
                 rule.maturity.value)
            modules.add(rule.__module__)
    for _name, plugin in engine.pm.list_name_plugin():
        modules.add(plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__)
    for name in sorted(modules):
        feed("module", name, _module_digest(name))
    packs = [str(p) for group in engine.pm.hook.doclint_rule_packs() for p in group or ()]
    for path in [*packs, *config.rule_packs, *config.era_markers]:
        feed("file", Path(path).name, _file_digest(path))
    settings = {"select": config.select, "ignore": config.ignore,
                "extend_select": config.extend_select, "preview": config.preview,
                "per_file_ignores": config.per_file_ignores,
                "severity": {k: v.label for k, v in config.severity.items()},
                "rules": config.rules, "year": config.year, "years": config.years}
    feed("config", json.dumps(settings, sort_keys=True, ensure_ascii=False, default=repr))
    return digest.hexdigest()


def _inside_package(plugin: object) -> bool:
    """Whether ``plugin`` is one of doclint's own modules (its rules are package files)."""
    source = getattr(plugin, "__file__", None) if isinstance(plugin, ModuleType) else None
    return bool(source) and Path(source).resolve().is_relative_to(_PACKAGE_ROOT)


@functools.cache
def package_digest() -> str:
    """The hash of every file of the installed doclint package (code, data, templates)."""
    digest = hashlib.sha256()
    for directory, dirnames, filenames in os.walk(_PACKAGE_ROOT):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(directory, name)
            digest.update(path.relative_to(_PACKAGE_ROOT).as_posix().encode() + b"\0")
            digest.update(_file_digest(path).encode())
    return digest.hexdigest()


def _module_digest(name: str) -> str:
    """Doclint's own modules are in the package digest; a plugin's are hashed by content."""
    module = sys.modules.get(name)
    source = getattr(module, "__file__", None)
    if not source or Path(source).resolve().is_relative_to(_PACKAGE_ROOT):
        return "-"
    return _file_digest(source)


def _file_digest(path: str | Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"


def usage(root: str | Path) -> list[tuple[str, int, int]]:
    """``(fingerprint folder, entries, bytes)`` for each rule-set/config seen in the cache."""
    found = []
    base = Path(root) / f"v{FORMAT}"
    if not base.is_dir():
        return []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        _stats, entries = _read_index(folder / "index")
        size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
        found.append((folder.name, len(entries), size))
    return found
