"""Cheap scanning: gates that skip a pattern unless its key character occurs, and line bounds.

Template artefacts are rare, so most documents contain none of the characters a pattern needs.
A one-character ``in`` test costs a fraction of a regex scan; a pattern that starts with a
literal lets the regex engine jump between occurrences. Rules here combine the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from doclint.core.lazyregex import lazy_re

_SPACE = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"
_MARKER = "<U+00A0>"  # an extraction tool's spelling of NBSP: white space too


@dataclass(frozen=True, slots=True)
class Gated:
    """A pattern run only when one of its ``keys`` (single characters, ideally rare) occurs."""

    keys: str
    pattern: regex.Pattern[str]

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        for key in self.keys:  # NOTE: a plain loop: a generator costs more than most tests
            if key in text:
                yield from self.pattern.finditer(text)
                return


@dataclass(frozen=True, slots=True)
class Opened:
    """A pattern every match of which begins with one of ``keys`` (single characters), tried
    only where they occur: what ``pattern.finditer`` yields, without the engine trying every
    character of the text (it does so for a pattern that opens with a class of characters).
    """

    keys: str
    pattern: regex.Pattern[str]

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        places = sorted(at for key in self.keys for at in find_all(text, key))
        end = 0
        for at in places:
            if at >= end and (match := self.pattern.match(text, at)) is not None:
                end = match.end()
                yield match


@dataclass(frozen=True, slots=True)
class Windowed:
    """A pattern searched only in a window around each occurrence of its ``keys``.

    For patterns that cannot start with a literal (``20XX年`` starts with digits): the keys are
    rare, so a few short searches replace a scan of the whole text.
    """

    keys: str
    pattern: regex.Pattern[str]
    before: int
    after: int

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        seen: set[tuple[int, int]] = set()
        for key in self.keys:
            for offset in find_all(text, key):
                lo, hi = max(0, offset - self.before), offset + self.after
                for match in self.pattern.finditer(text, lo, hi):
                    if match.start() <= offset < match.end() and match.span() not in seen:
                        seen.add(match.span())
                        yield match


class AtLineStarts:
    """A pattern that matches only where a line starts (``(?m)^``, or a match wanted alone on
    its line), tried only there: a search tries every position of a document (P203's credits:
    through their alternatives, more than all the other patterns of the rule together).

    ``absent``: a character no match can hold; a line (without a CR) that holds it is not
    tried, since a match there cannot stand alone on it (a sentence's "。": prose lines).

    ``keys``: characters one of which every match holds, none of them a line break (the
    pattern's keys, see :class:`~doclint.rules.templates.boilerplate.Pattern`): only the lines
    that hold one are tried, found by one scan of the text for the keys (most lines of a
    document hold none).
    """

    def __init__(self, pattern: regex.Pattern[str], absent: str = "", keys: str = "") -> None:
        self._pattern = pattern
        self._absent = absent
        self._keys = lazy_re("[" + re.escape(keys) + "]") if keys else None

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern tried: every match found is one of its matches."""
        return self._pattern

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        absent = self._absent
        for position, end in self._lines(text):
            if not absent or text.find(absent, position, end) < 0 \
                    or text.find("\r", position, end) >= 0:
                found = self._pattern.match(text, position)
                if found is not None:
                    yield found

    def _lines(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of the lines worth trying, in order (all lines without keys)."""
        keys = self._keys
        if keys is None:
            position = 0
            while position < len(text):
                newline = text.find("\n", position)
                end = len(text) if newline < 0 else newline
                yield position, end
                if newline < 0:
                    return
                position = newline + 1
            return
        search = keys.search
        found = search(text)
        while found is not None:
            start = text.rfind("\n", 0, found.start()) + 1
            newline = text.find("\n", found.start())
            if newline < 0:
                yield start, len(text)
                return
            yield start, newline
            found = search(text, newline + 1)


def find_all(text: str, needle: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Offsets of every occurrence of ``needle`` in ``text[start:end]``."""
    stop = len(text) if end is None else end
    position = text.find(needle, start, stop)
    while position != -1:
        yield position
        position = text.find(needle, position + 1, stop)


def matches_from(pattern: regex.Pattern[str] | re.Pattern[str], text: str,
                 starts: Iterable[int]) -> Iterator[regex.Match[str] | re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, for a pattern every match of which starts at one
    of ``starts`` (and is not empty): the pattern is tried there only, in text order, each try
    after the end of the last match, as ``finditer`` goes. For patterns that cannot open with a
    literal (a digit, a line start) or open with a common one, whose scan stops at every
    character or every line.
    """
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def matches_at_least_from(pattern: regex.Pattern[str] | re.Pattern[str], text: str,
                          starts: Iterable[int], count: int) -> bool:
    """``matches_at_least(pattern, text, count)`` for a pattern whose matches start at one of
    ``starts`` (see ``matches_from``)."""
    return sum(1 for _ in islice(matches_from(pattern, text, starts), count)) >= count


def line_start(text: str, offset: int) -> int:
    # NOTE: the carriage return is looked for after the last line feed only: most texts have
    # none, and a search over the whole text before ``offset`` on every call adds up.
    newline = text.rfind("\n", 0, offset)
    return max(newline, text.rfind("\r", newline + 1, offset)) + 1


def line_end(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    end = len(text) if newline == -1 else newline
    carriage = text.find("\r", offset, end)  # before the line feed only (see line_start)
    return end if carriage == -1 else carriage


def alone_on_lines(text: str, start: int, end: int) -> bool:
    """Only white space between ``start`` and its line start, and ``end`` and its line end."""
    before = text[line_start(text, start) : start].replace(_MARKER, "")
    after = text[end : line_end(text, end)].replace(_MARKER, "")
    return not before.strip(_SPACE) and not after.strip(_SPACE)
