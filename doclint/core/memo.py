"""Answers of pure text tests, kept while one document is checked (``per_document``).

Several shared extractors and rules put the same test to the same line of a document: the
structure model, the line endings, the review passages and a handful of rules each go over the
lines and ask whether a line is page chrome, where its content starts, which heading number
opens it, whether it ends a sentence. A test decorated with ``per_document`` answers a question
it was asked before from a cache (``functools.lru_cache``, kept in C), which
``Document.release`` empties once the document is checked; the cache is bounded as well, for
callers that never release a document.

Only for functions whose answer depends on their arguments alone (no setting, no optional
package, nothing a caller can change) and is immutable: a cached answer is shared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")

_SIZE = 1 << 12  # answers kept at most per test: a document of a few thousand lines, or
# a caller that never releases its documents holding a few megabytes at most
_CACHED: list[Any] = []


def per_document(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, its answers kept until the document being checked is released."""
    cached = functools.lru_cache(maxsize=_SIZE)(function)
    _CACHED.append(cached)
    return cast(Callable[P, R], cached)


def forget() -> None:
    """Drop every kept answer (``Document.release``: the next document asks other questions)."""
    for cached in _CACHED:
        cached.cache_clear()
