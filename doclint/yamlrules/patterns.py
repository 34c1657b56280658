"""User patterns: compiled once with `regex`, run under a timeout, skipped where they cannot match.

A pack is written by users, so a pattern may backtrack catastrophically. Every match runs with
regex's ``timeout=``; a timeout raises :class:`PatternTimeout`, which the linter records as a
crash of that rule for that file while the batch goes on. A pattern that timed out
``MAX_TIMEOUTS`` times is not run again in this process.

Speed comes from a sound prefilter (``doclint/core/prefilter.py``): a text without the literals
every match needs is not searched, and when the literals a match must begin with are rare, only
their positions are tried (``match`` at each, in order, as ``finditer`` would). A pattern whose
matches each lie in one line holding one of its keys is searched, in a whole document, only in
those lines when its keys are rare; where each key occurs is found once per document, for
every pattern that asks (``doclint/core/candidates.py``).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from doclint.core.candidates import SPARSE as LINE_SPARSE
from doclint.core.candidates import Candidates, Groups, occurrences, time_left, timed_runs
from doclint.core.errors import DoclintError
from doclint.core.lazyregex import LazyPattern
from doclint.core.prefilter import Prefilter, analyse, line_keys, top_level_branches

DEFAULT_TIMEOUT = 0.5  # seconds per search of one text (a scope unit or the whole document) …
# … per million characters: the timeout is there to stop backtracking that grows faster than
# the text, not a linear scan of a long document.
_TIMEOUT_UNIT = 1_000_000
MAX_TIMEOUTS = 3
FLAGS = regex.MULTILINE | regex.VERSION0
_SPARSE = 100  # try prefix positions one by one when there is at most one per this many chars
# At most this many two-character starts are looked for in the anchor scan (the year pattern
# of SZ007 has 13: 19, 20, 一九, 二〇 …).
_FEW_STARTS = 16


class PatternTimeout(DoclintError):
    """A pack pattern took longer than its timeout (or timed out too often before)."""


@dataclass(eq=False)
class UserPattern:
    """One compiled pattern of a pack, with where it was written (for messages)."""

    source: str
    where: str
    compiled: regex.Pattern[str]
    prefilter: Prefilter = field(default_factory=Prefilter)
    timeout: float = DEFAULT_TIMEOUT
    timeouts: int = 0
    # For existence tests: the branches of a top-level alternation, each with its own
    # prefilter, the ones with literals first (one branch without literals would otherwise
    # make the whole pattern scan every text).
    alternatives: tuple[UserPattern, ...] = ()
    # The groups of keys when every match lies in one line holding a member of each (None:
    # not proved; see doclint.core.prefilter.line_keys). Found when the pattern is compiled,
    # so a shipped pack's are kept in the build cache.
    line_keys: Groups | None = None
    # For a pattern that matches only at a line's start (``^…``): the same pattern after a line
    # break, which the engine scans for at C speed (it tries ``^`` at every character), to find
    # the line starts worth trying (None: not such a pattern).
    after_break: regex.Pattern[str] | None = None
    _last_text: str | None = field(default=None, repr=False, compare=False)
    _last_found: bool = field(default=False, repr=False, compare=False)

    @property
    def first_chars(self) -> frozenset[str] | None:
        """Literal strings one of which every match begins with (None: unknown)."""
        return self.prefilter.prefixes

    def could_match(self, text: str, candidates: Candidates | None = None) -> bool:
        """False only when no match can exist in ``text`` (cheap substring tests; none with
        ``candidates``, the document's shared pass, for ``text``)."""
        if candidates is not None and candidates.text is text:
            return self.prefilter.admits_known(candidates.occurs)
        return self.prefilter.admits(text)

    @functools.cached_property
    def starts(self) -> frozenset[str] | None:
        """A few strings of two characters one of which every match begins with (the
        prefixes' first two), or None: where a document's literal scan found them is where
        a match may begin (``_sparse_positions``)."""
        prefixes = self.prefilter.prefixes
        if not prefixes or any(len(prefix) < 2 for prefix in prefixes):
            return None
        starts = frozenset(prefix[:2] for prefix in prefixes)
        return starts if len(starts) <= _FEW_STARTS else None

    @property
    def literals(self) -> set[str]:
        """The strings its prefilter and line keys look for in a text, and its ``starts``
        (its branches' too): a document's literal scan finds them all."""
        found: set[str] = set(self.starts or ())
        for group in (*self.prefilter.required, *(self.line_keys or ())):
            found |= group
        for branch in self.alternatives:
            found |= branch.literals
        return found

    def _lines(self, text: str, candidates: Candidates | None) -> list[tuple[int, int]] | None:
        """The runs of lines of ``text`` that can hold a match, when ``candidates`` (the
        document's shared pass) are for ``text`` and the pattern is line-bound."""
        if candidates is None or candidates.text is not text or self.line_keys is None \
                or self.after_break is not None:  # its line starts are found faster
            return None
        return candidates.lines(self.line_keys)

    def finditer(self, text: str, candidates: Candidates | None = None
                 ) -> Iterator[regex.Match[str]]:
        """Non-empty matches in ``text``; raise PatternTimeout when the search runs too long.

        With ``candidates`` (a document's shared pass, for ``text``), a line-bound pattern is
        searched only in the lines holding one of its keys: the same matches.
        """
        if self.timeouts >= MAX_TIMEOUTS:
            raise PatternTimeout(f"pattern '{self.source}' ({self.where}) timed out "
                                 f"{self.timeouts} times and is no longer run")
        if self.could_match(text, candidates):
            yield from self._admitted(text, candidates)

    def _admitted(self, text: str, candidates: Candidates | None
                  ) -> Iterator[regex.Match[str]]:
        """``finditer`` in a text the prefilter admits (not tested again)."""
        runs = self._lines(text, candidates)
        if runs is not None:
            try:
                finditer = self.compiled.finditer
                for start, end, remaining in timed_runs(runs, self.budget(text)):
                    for match in finditer(text, start, end, timeout=remaining):
                        if match.end() > match.start():
                            yield match
            except TimeoutError:
                raise self._timed_out(text) from None
            return
        at_line_starts = self.after_break is not None and len(text) >= 4 * _SPARSE
        positions = None if at_line_starts else self._sparse_positions(text, candidates)
        try:
            if at_line_starts:
                assert self.after_break is not None
                yield from self._at_line_starts(text, self.after_break)
            elif positions is None:
                for match in self.compiled.finditer(text, timeout=self.budget(text)):
                    if match.end() > match.start():
                        yield match
            else:
                yield from self._match_at(text, positions)
        except TimeoutError:
            raise self._timed_out(text) from None

    def search(self, text: str) -> regex.Match[str] | None:
        return next(self.finditer(text), None)

    def found_in(self, text: str, candidates: Candidates | None = None) -> bool:
        """Whether ``text`` holds a non-empty match (a fast path for short texts; with
        ``candidates``, see ``finditer``).

        The answer for the last text asked about is kept: the rules of a pack that share one
        ``requires`` pattern ask it about the same document one after another.
        """
        if text is self._last_text:
            return self._last_found
        found = self._found_in(text, candidates)
        self._last_text, self._last_found = text, found
        return found

    def _found_in(self, text: str, candidates: Candidates | None = None) -> bool:
        if not self.could_match(text, candidates):
            return False
        if self.alternatives:
            return any(branch._found_in(text, candidates) for branch in self.alternatives)
        if self.timeouts >= MAX_TIMEOUTS:
            return self.search(text) is not None  # raises PatternTimeout
        if self._lines(text, candidates) is not None:
            return next(self._admitted(text, candidates), None) is not None
        if len(text) >= 4 * _SPARSE:
            lines = self._candidate_lines(text)
            if lines is not None:
                return any(m.end() > m.start() for m in self._match_at(text, lines))
            return next(self._admitted(text, candidates), None) is not None
        try:
            return any(m.end() > m.start()
                       for m in self.compiled.finditer(text, timeout=self.budget(text)))
        except TimeoutError:
            raise self._timed_out(text) from None

    def budget(self, text: str) -> float:
        """The timeout for one search of ``text``: ``timeout`` per million characters."""
        return self.timeout * max(1.0, len(text) / _TIMEOUT_UNIT)

    def _timed_out(self, text: str) -> PatternTimeout:
        self.timeouts += 1
        return PatternTimeout(f"pattern '{self.source}' ({self.where}) took longer than "
                              f"{self.budget(text):g} s; the rule was stopped for this file")

    def _sparse_positions(self, text: str, candidates: Candidates | None = None
                          ) -> list[int] | None:
        """Where a match may begin, when those places are few (else None: scan everything).

        Where the document's literal scan (``candidates``, for ``text``) found the ``starts``,
        their places are known. Else the prefixes' first characters are located (one-character
        searches are fast), and each place is kept when a whole prefix starts there.
        """
        prefixes = self.prefilter.prefixes
        if prefixes is None or len(text) < 4 * _SPARSE:
            return None
        if candidates is not None and candidates.text is text and self.starts is not None:
            scanned = [candidates.starts(start) for start in self.starts]
            if all(starts is not None for starts in scanned):
                total = sum(len(starts) for starts in scanned)  # type: ignore[arg-type]
                if total > len(text) // _SPARSE:
                    return None
                return sorted(p for starts in scanned for p in starts)  # type: ignore[union-attr]
        heads = self.prefilter.heads or frozenset()
        if len(heads) == 1:
            return None  # the engine skips to one character by itself, faster than a walk
        sample = 20 * _SPARSE
        if sum(text.count(head, 0, sample) for head in heads) * _SPARSE > sample:
            return None  # already dense at the start: scanning is cheaper than walking
        found = occurrences(text, heads, len(text) // _SPARSE)
        if found is None:
            return None
        whole = tuple(prefixes)
        return sorted(at for at in found if text.startswith(whole, at))

    def _candidate_lines(self, text: str) -> list[int] | None:
        """For a pattern that matches only at a line start and within one line: the starts of
        the lines that hold one of the strings of its first required group whose strings are
        few (else None).

        Such a pattern without literals to begin with (``^[ \t　]*…(?:人民政府|委员会)[：:]$``)
        would otherwise be tried at every position of the text. Every match's line holds a
        member of each group: the first group found rare is enough (``各`` is common, a
        colon is not).
        """
        prefilter = self.prefilter
        if not (prefilter.anchored and prefilter.one_line and prefilter.required) \
                or self.timeouts >= MAX_TIMEOUTS:
            return None
        # Found after a line break (``after_break``), the line starts cost about one search:
        # only lines as rare as the shared candidate lines' are worth trying one by one.
        limit = len(text) // (LINE_SPARSE if self.after_break is not None else _SPARSE)
        for group in prefilter.required:
            starts = _line_starts(text, group, limit)
            if starts is not None:
                return starts
        return None

    def _at_line_starts(self, text: str, after_break: regex.Pattern[str]
                        ) -> Iterator[regex.Match[str]]:
        """What ``finditer`` yields for a pattern that matches only where a line starts: a match
        at the start of ``text``, then at each line start where ``after_break`` finds one,
        searched for from the line break before the end of the last match."""
        deadline = time.monotonic() + self.budget(text)
        start = end = 0
        while True:
            match = self.compiled.match(text, start, timeout=time_left(deadline))
            if match is not None and match.end() > match.start():
                end = match.end()
                yield match
            found = after_break.search(text, max(start, end - 1), timeout=time_left(deadline))
            if found is None:
                return
            start = found.start() + 1

    def _match_at(self, text: str, positions: list[int]) -> Iterator[regex.Match[str]]:
        """What ``finditer`` yields, trying only ``positions`` (ascending), under the timeout."""
        deadline = time.monotonic() + self.budget(text)
        end = 0
        for position in positions:
            if position < end:
                continue
            match = self.compiled.match(text, position, timeout=time_left(deadline))
            if match is not None and match.end() > match.start():
                end = match.end()
                yield match


def _line_starts(text: str, group: frozenset[str], limit: int) -> list[int] | None:
    """The starts of the lines holding a member of ``group``, or None when the members occur
    more than ``limit`` times."""
    found = occurrences(text, group, limit)
    if found is None:
        return None
    return sorted({text.rfind("\n", 0, at) + 1 for at in found})


def compile_pattern(source: str, where: str, *, literal: bool = False, ignorecase: bool = False,
                    timeout: float = DEFAULT_TIMEOUT, lazy: bool = False) -> UserPattern:
    """Compile ``source``; raise ``regex.error`` (with ``pos``) when it is not a valid pattern.

    ``lazy`` defers compiling to first use: only for shipped packs, which the tests compile.
    """
    text = regex.escape(source) if literal else source
    flags = FLAGS | (regex.IGNORECASE if ignorecase else 0)
    compiled = LazyPattern(text, flags) if lazy else regex.compile(text, flags)
    if ignorecase:
        return UserPattern(source, where, compiled, Prefilter(), timeout)
    branches = None if literal else top_level_branches(text)
    alternatives = () if branches is None else tuple(sorted(
        (compile_pattern(branch, where, timeout=timeout, lazy=True) for branch in branches),
        key=lambda branch: branch.prefilter.prefixes is None and not branch.prefilter.required))
    prefilter = analyse(text)
    after_break = None
    if prefilter.anchored and text.startswith("^") and not _INLINE_GROUP.search(text):
        after_break = (LazyPattern if lazy else regex.compile)(f"\n(?:{text})", flags)
    return UserPattern(source, where, compiled, prefilter, timeout, alternatives=alternatives,
                       line_keys=line_keys(text, flags), after_break=after_break)


# Inline flags and named groups: a pattern holding them is not wrapped in a group of another.
_INLINE_GROUP = regex.compile(r"\(\?[A-Za-z^]")
