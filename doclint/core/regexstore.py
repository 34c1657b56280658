"""Compiled `regex` patterns kept between runs, for the patterns compiled on first use.

`regex` parses a pattern and generates its code in Python: about a millisecond a pattern, some
75 ms of a one-file start-up. A compiled pattern pickles as that generated code (`regex`
registers this itself: unpickling calls its C compiler, never the parser), so the patterns
:class:`~doclint.core.lazyregex.LazyPattern` compiles are kept in ``built/regex.pickle`` of the
user cache folder (:mod:`doclint.core.buildcache`): loaded once per process, and merged and
written back, atomically, at exit when the process compiled new ones. Merging holds a lock
file where the system has ``flock``, so that processes ending together (a pool's workers) keep
each other's patterns.

A stored pattern is the very object compiling would give: the key is the pattern, its flags and
`regex`'s default version, and the file is kept only under the `regex` and Python versions
that wrote it. Locale-dependent patterns are not stored. A missing, read-only or corrupt store
means compiling as if there were none.

The standard library's ``re`` patterns (:func:`compiled_re`) are kept the same way, as the
arguments ``re`` passes to its C compiler (``_sre.compile``) after parsing: a pattern is stored
only when those arguments give a pattern equal to what ``re.compile`` gave (``re`` compares the
generated code), under its own key (the version ``-1``).
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import regex

from doclint.core import buildcache

NAME = "regex.pickle"
FORMAT = 2  # 2: flags in the keys as plain numbers
MAX_PATTERNS = 5000  # beyond this, the store starts again from this run's patterns

Key = tuple[str, int, int]


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, loaded from the store when it holds the pattern."""
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))  # flags may be enum members
    blob = TABLE.get(key)
    if blob is not None:
        try:
            return pickle.loads(blob)  # type: ignore[no-any-return]
        except Exception:  # a damaged entry: compile it again
            pass
    result = regex.compile(pattern, flags)
    if not result.flags & regex.LOCALE:
        TABLE.add(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result


_RE = -1  # the version part of the key of a standard-library ``re`` pattern


class _ReArguments:
    """Pickles as a call of ``_sre.compile`` with the arguments ``re`` gave it: unpickling
    builds the pattern without parsing it."""

    def __init__(self, arguments: tuple[Any, ...]) -> None:
        self.arguments = arguments

    def __reduce__(self) -> tuple[Any, ...]:
        import _sre

        return (_sre.compile, self.arguments)


def compiled_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, loaded from the store when it holds the pattern."""
    key = (pattern, int(flags), _RE)
    blob = TABLE.get(key)
    if blob is not None:
        try:
            found = pickle.loads(blob)
            if isinstance(found, re.Pattern):
                return found
        except Exception:  # a damaged entry: compile it again
            pass
    result = re.compile(pattern, flags)
    try:
        blob = pickle.dumps(_ReArguments(_re_arguments(pattern, int(flags))),
                            protocol=pickle.HIGHEST_PROTOCOL)
        if pickle.loads(blob) != result:
            return result
    except Exception:  # another Python's re: not stored
        return result
    TABLE.add(key, blob)
    return result


def _re_arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain numbers: they pickle
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def save() -> None:
    """Merge the patterns compiled in this process into the store on disk."""
    TABLE.save()


@contextmanager
def _merging() -> Iterator[None]:
    """Hold the store's lock file while reading and writing it back, where one can be held."""
    try:
        import fcntl
    except ImportError:  # Windows: the last process to write wins
        yield
        return
    try:
        _path().parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(f"{_path()}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # a read-only folder: nothing is written either
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def _header() -> bytes:
    version: Any = getattr(regex, "__version__", "?")
    return buildcache.FORMAT + f"store {FORMAT} regex {version} python {sys.version_info}\n".encode()


def _path() -> Any:
    return buildcache.folder() / NAME


TABLE = buildcache.KeptTable(_path, _header, MAX_PATTERNS, merging=_merging)
