"""Patterns compiled on first use.

Compiling with the `regex` module costs about a millisecond a pattern; the built-in era markers
and rule packs hold over a thousand patterns, and the rule modules a few hundred more, most of
which a given document never reaches (their keyword prefilters fail first). Compiling them
lazily takes that cost off every start-up, which is what an editor or a pre-commit hook pays
per run.

Rule modules write ``_NAME = lazy_regex(r"...", regex.X)`` where they would write
``regex.compile``: the object answers every attribute of the compiled pattern, compiling it the
first time one is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import Any

import regex

from doclint.core.regexstore import compiled as stored_regex
from doclint.core.regexstore import compiled_re as stored_re


class LazyPattern:
    """Behaves as ``regex.compile(pattern, flags)``, compiled when first used.

    Only for patterns already known to be valid (shipped code and data the tests compile); user
    input is compiled eagerly so that its errors are reported at load time.

    After the first use each attribute asked for (``finditer``, ``search``, ...) is kept on the
    instance, so later calls cost what they cost on the compiled pattern.
    """

    def __init__(self, pattern: str, flags: int = 0,
                 compiler: Callable[[str, int], Any] = stored_regex) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiler = compiler
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._compiler(self.pattern, self._flags)
        return compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        # NOTE: a pattern's attributes never change; keeping them here skips this method next time.
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.pattern, self._flags, self._compiler))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(pattern, flags, stored_re)  # type: ignore[return-value]


def matches_at_least(pattern: regex.Pattern[str] | re.Pattern[str], text: str, count: int,
                     pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``pattern`` matches ``text[pos:endpos]`` ``count`` times or more; stops at the
    ``count``-th."""
    end = len(text) if endpos is None else endpos
    return sum(1 for _ in islice(pattern.finditer(text, pos, end), count)) >= count
