"""A compiled-on-first-use `regex` pattern.

Compiling with the `regex` module costs about a millisecond a pattern; the built-in era markers
and rule packs hold over a thousand patterns, most of which a given document never reaches
(their keyword prefilters fail first). Compiling them lazily takes seconds off every start-up,
which is what an editor or a pre-commit hook pays per run.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """Behaves as ``regex.compile(pattern, flags)``, compiled when first used.

    Only for patterns already known to be valid (shipped data the tests compile); user input
    is compiled eagerly so that its errors are reported at load time.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
