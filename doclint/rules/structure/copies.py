"""Page copies: a file that holds its own text several times.

Scrapers that follow a report's page links often save the whole page again for every link: the
same chrome, title and text, four or six times over. That is one defect of the file, not a
repeated paragraph on every line. The model reads the file as a sequence of units (sentences,
and lines without sentence punctuation), keyed without white space, and follows diagonals: a run
of units that repeats an earlier run in order. A run long enough to be a copy of the text, not a
paragraph pasted twice, is a *copy*; everything else in the file is the original text.

Computed once per document with ``doc.facts(PageCopies)``. Rules that pair figures or lines
across a document use :meth:`PageCopies.segment` so as not to pair across copies; findings inside
a copy are dropped centrally (the page-copies rule removes the copies as a whole).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from doclint.core.document import Document, Span
from doclint.core.text import Sentences
from doclint.rules.structure.lines import han_count

_SPACE = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
# A repeat must be this long to be a copy of the text rather than a paragraph pasted twice:
# so many units and Han characters, and at least this share of the original text (everything
# before the first copy).
MIN_UNITS = 5
MIN_HAN = 200
MIN_SHARE = 0.5
# Units of the copy that may differ from the original inside a run (a changed page header).
MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class Copy:
    """A stretch of the file that repeats an earlier stretch (``original``) in order."""

    span: Span
    original: Span
    units: int  # how many units of the copy match the original
    han: int    # Han characters in the matching units


class _Unit:
    """A sentence keyed without white space. Its Han count is taken only when it is asked
    for: only a unit that repeats an earlier one is, in a file without copies."""

    __slots__ = ("_han", "key", "span")

    def __init__(self, span: Span, key: str) -> None:
        self.span = span
        self.key = key
        self._han = -1

    @property
    def han(self) -> int:
        if self._han < 0:
            self._han = han_count(self.key)
        return self._han


class PageCopies:
    """The copies of its own text that a file holds (none for almost every file)."""

    def __init__(self, copies: tuple[Copy, ...], length: int) -> None:
        self.copies = copies
        self._length = length
        self._starts = [c.span.start for c in copies]

    def __bool__(self) -> bool:
        return bool(self.copies)

    def copy_at(self, offset: int) -> Copy | None:
        """The copy holding the character at ``offset``, or None in the original text."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.copies[index].span.end:
            return self.copies[index]
        return None

    def in_copy(self, offset: int) -> bool:
        return self.copy_at(offset) is not None

    def segment(self, offset: int) -> Span:
        """The copy holding ``offset``, or the stretch of original text between copies."""
        found = self.copy_at(offset)
        if found is not None:
            return found.span
        index = bisect.bisect_right(self._starts, offset) - 1
        start = self.copies[index].span.end if index >= 0 else 0
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._length
        return Span(start, end)

    @classmethod
    def from_document(cls, doc: Document) -> PageCopies:
        units = _units(doc)
        return cls(tuple(_copies(units)), len(doc.text))


def _units(doc: Document) -> list[_Unit]:
    units = []
    append, strip = units.append, _SPACE.sub
    for span, text, _paragraph in doc.facts(Sentences).items:
        # NOTE: every character _SPACE matches but the ASCII space is unprintable (a separator,
        # a control or a format character): once the usual two spaces are gone, most
        # sentences are printable and skip the regex.
        key = text.replace(" ", "").replace("\u3000", "")
        if not key.isprintable():
            key = strip("", key)
        if key:
            append(_Unit(span, key))
    return units


def _copies(units: list[_Unit]) -> list[Copy]:
    """Diagonal runs: unit ``i`` continues a run when it repeats the unit after the run's last
    original unit; gaps of up to MAX_GAP units on the copy's side are bridged."""
    first: dict[str, int] = {}
    found: list[Copy] = []
    han_before: list[int] = []  # Han characters before each unit, summed when first needed
    original_end = len(units)  # units before the first copy are the original text
    index = 0
    while index < len(units):
        origin = first.get(units[index].key)
        if origin is None or not _worth_following(units[index]):
            first.setdefault(units[index].key, index)
            index += 1
            continue
        run = _follow(units, index, origin)
        if run is not None and not han_before:
            han_before.append(0)
            for unit in units:
                han_before.append(han_before[-1] + unit.han)
        if run is not None and run[0].han >= MIN_SHARE * han_before[min(index, original_end)]:
            original_end = min(original_end, index)
            found.append(run[0])
            for position in range(index, run[1]):
                first.setdefault(units[position].key, position)
            index = run[1]
            continue
        index += 1
    return found


def _worth_following(unit: _Unit) -> bool:
    return unit.han >= 4


def _follow(units: list[_Unit], start: int, origin: int) -> tuple[Copy, int] | None:
    """Follow the run that starts at ``start`` repeating ``origin``; return the copy and the
    index after it, or None when the run is too short to be a copy."""
    here, there = start, origin
    matched = han = 0
    last_here = last_there = start
    while here < len(units) and there < start:
        if units[here].key == units[there].key:
            matched += 1
            han += units[here].han
            last_here, last_there = here, there
            here += 1
            there += 1
            continue
        resumed = _resync(units, here, there, start)
        if resumed is None:
            break
        here, there = resumed
    if matched < MIN_UNITS or han < MIN_HAN:
        return None
    span = Span(units[start].span.start, units[last_here].span.end)
    original = Span(units[origin].span.start, units[last_there].span.end)
    return Copy(span, original, matched, han), last_here + 1


def _resync(units: list[_Unit], here: int, there: int, limit: int) -> tuple[int, int] | None:
    """After a mismatch, find the nearest pair within MAX_GAP units on each side that agrees."""
    for skip_here in range(MAX_GAP + 1):
        for skip_there in range(MAX_GAP + 1):
            if not skip_here and not skip_there:
                continue
            a, b = here + skip_here, there + skip_there
            if a < len(units) and b < limit and units[a].key == units[b].key \
                    and _worth_following(units[a]):
                return a, b
    return None
