"""The result cache: one file per checked document, keyed by what decides its result.

The archive rules' diagnostics are cached too, under the digest of every document's key in
input order: an unchanged archive skips combining and re-reading altogether.

A key is the SHA-256 of the fingerprint (doclint's version and the hash of its own files,
every loaded rule and plugin module, rule packs, era-marker files, the effective config, the
forced encoding), the reported path and the document's content hash. An entry holds the
FileResult (diagnostics and the source lines for snippets) and the archive-rule facts.

Entries are written to a temporary file and renamed into place, so readers never see half
an entry; each carries a checksum, and anything unreadable is a miss. The cache is a
directory of pickles: like ``__pycache__``, it must be one the user trusts.
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
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import doclint
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

ENV_DIR = "DOCLINT_CACHE_DIR"
FORMAT = 4  # 3: FileResult.directives; 4: Fix.applicability
KEEP = 8  # fingerprint folders kept: the most recently used rule sets and configs
_MAGIC = b"DOCLINT-CACHE\x01"
_PACKAGE_ROOT = Path(doclint.__file__).resolve().parent


class ResultCache:
    """Entries under ``root/v1/<fingerprint[:16]>/<key[:2]>/<key>``."""

    def __init__(self, root: str | Path, fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.folder = self.root / f"v{FORMAT}" / fingerprint[:16]

    def key(self, path: str, digest: str) -> str:
        text = f"{self.fingerprint}\0{path}\0{digest}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def archive_key(self, document_keys: str) -> str:
        """The key of the archive rules' results, from the digest of every document's key."""
        return self.key("\0archive", document_keys)

    def get(self, key: str) -> tuple[FileResult, dict[str, Any]] | None:
        """A document's result and facts."""
        entry = self.load(key)
        if (not isinstance(entry, tuple) or len(entry) != 2
                or not isinstance(entry[0], FileResult) or not isinstance(entry[1], dict)):
            return None
        return entry

    def put(self, key: str, result: FileResult, facts: dict[str, Any]) -> bool:
        return self.store(key, (result, facts))

    def load(self, key: str) -> Any:
        """The object stored under ``key``, or None for a missing or damaged entry."""
        try:
            blob = self._file(key).read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        body = blob[head + 32 :]
        if blob[:head] != _MAGIC or hashlib.sha256(body).digest() != blob[head : head + 32]:
            return None
        try:
            return pickle.loads(body)
        except Exception:
            return None

    def store(self, key: str, entry: Any) -> bool:
        """Store an entry atomically; False (and nothing stored) when the disk says no."""
        body = _dumps(entry)
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + hashlib.sha256(body).digest() + body)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True


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


def default_dir() -> Path:
    """``$DOCLINT_CACHE_DIR``, else the user's cache folder (``~/.cache/doclint`` on Linux)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local"
        return Path(local) / "doclint" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "doclint"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "doclint"


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


def _prune(base: Path) -> None:
    def last_used(folder: Path) -> float:
        try:
            return (folder / "last-used").stat().st_mtime
        except OSError:
            return 0.0

    folders = sorted((p for p in base.iterdir() if p.is_dir()), key=last_used, reverse=True)
    for stale in folders[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


def fingerprint(engine: Any, encoding: str | None) -> str:
    """Everything besides the path and the content that decides a document's result."""
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
    for rule in sorted(engine.registry, key=lambda r: r.code):
        feed("rule", rule.code, rule.name, rule.origin, rule.__module__, rule.__qualname__,
             rule.severity.label, rule.category.value, rule.maturity.value)
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
        count = size = 0
        for directory, _dirs, files in os.walk(folder):
            for name in files:
                if name == "last-used":
                    continue
                count += 1
                size += os.path.getsize(os.path.join(directory, name))
        found.append((folder.name, count, size))
    return found
