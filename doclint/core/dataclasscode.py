"""The code ``dataclasses`` generates for doclint's classes, compiled once and kept between runs.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and ``__setattr__`` and compiles it with ``exec``: about half a millisecond a class,
and a one-file check defines some 120 of them (a quarter of its CPU time, issue 13, item 3).
:func:`install` puts a stand-in for ``exec`` in the ``dataclasses`` module's namespace that, for
a class of a doclint module, runs the code object compiled from the very same source text,
loaded from ``built/dataclasses.pickle`` of the user cache folder (:mod:`doclint.core.buildcache`)
when an earlier run compiled it, and compiled (as ``exec`` compiles it: file ``<string>``, no
inherited ``__future__`` flags) and kept otherwise. Every other class, and any call whose source
is not a string, goes to ``exec`` itself.

Importing this module installs it (``doclint.core`` imports it before any of its dataclasses).
The store holds only compiled code keyed by its full source, under the exact Python version and
build that wrote it; running a code object is what ``exec`` of its source does. A missing,
read-only or corrupt store means compiling as if there were none. New entries are merged and
written back at exit, like the regex store's.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
from typing import Any

from doclint.core import buildcache

NAME = "dataclasses.pickle"
FORMAT = 1
MAX_ENTRIES = 5000  # beyond this (old classes' code piling up), the store starts again
OWN = "doclint"  # the modules whose classes are served: doclint and its submodules



def install() -> None:
    """Serve doclint's dataclasses' generated code from the store (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def _exec(source: Any, globals: dict[str, Any] | None = None,  # exec's own parameter names
          locals: dict[str, Any] | None = None) -> None:
    name = (globals or {}).get("__name__", "")
    if not isinstance(source, str) or not (name == OWN or name.startswith(OWN + ".")):
        return builtins.exec(source, globals, locals)
    return builtins.exec(_code(source), globals, locals)


def _code(source: str) -> Any:
    blob = TABLE.get(source)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except Exception:  # a damaged entry: compile it again
            pass
    code = compile(source, "<string>", "exec", dont_inherit=True)
    TABLE.add(source, marshal.dumps(code))
    return code


def save() -> None:
    """Merge the code compiled in this process into the store on disk."""
    TABLE.save()


def _header() -> bytes:
    return buildcache.FORMAT + f"dataclass code {FORMAT} python {sys.version} " \
                               f"{sys.implementation.cache_tag}\n".encode()


def _path() -> Any:
    return buildcache.folder() / NAME


TABLE = buildcache.KeptTable(_path, _header, MAX_ENTRIES)
install()
