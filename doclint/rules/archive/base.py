"""What every archive rule of the family shares: input order, the example format, one warning.

Archive rules judge documents in path order, not input order, so that the same archive gives
the same findings however it is listed, split into chunks or spread over workers; when a rule
must pick one copy as "the first", it is the one whose path sorts first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, TypeVar

import regex

from doclint.core import ArchiveRule
from doclint.core.lazyregex import lazy_regex

LOG = logging.getLogger("doclint.rules.archive")
T = TypeVar("T")

# Examples of archive rules hold several documents, each opened by a line ``=== name ===``.
_EXAMPLE_HEADER = lazy_regex(r"^=== (.+?) ===\n", regex.M)
_warned: set[str] = set()


class FamilyRule(ArchiveRule):
    """The family's base (message templates and ``report`` come from the core rule API)."""

    abstract = True


def in_path_order(facts: Iterable[tuple[str, T | None]]) -> list[tuple[str, T]]:
    """The facts sorted by path, one per path (the first given wins), documents without a fact
    left out."""
    seen: dict[str, T] = {}
    for path, fact in facts:
        if fact is not None and path not in seen:
            seen[path] = fact
    return sorted(seen.items(), key=lambda item: item[0])


def split_example(text: str) -> list[tuple[str, str]]:
    """``(name, text)`` of each document of an archive example."""
    headers = list(_EXAMPLE_HEADER.finditer(text))
    bounds = [h.start() for h in headers[1:]] + [len(text)]
    return [(h.group(1), text[h.end() : end]) for h, end in zip(headers, bounds, strict=True)]


def warn_once(key: str, message: str, *args: Any) -> None:
    """Log ``message`` the first time ``key`` is seen in this process."""
    if key not in _warned:
        _warned.add(key)
        LOG.warning(message, *args)


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"
