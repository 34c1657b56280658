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

from doclint.core.document import Document, Span
from doclint.core.text import TextKeys
from doclint.rules.structure.leads import common_lead
from doclint.rules.structure.lines import han_count

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


class _Units:
    """The sentences keyed without white space (``TextKeys.sentences``). A unit's span and its
    Han count are worked out only when asked for: only a unit that repeats an earlier one is
    counted, and only a run long enough to be a copy needs the spans of a few."""

    __slots__ = ("_han", "_keys", "keys", "text")

    def __init__(self, doc: Document, keys: TextKeys) -> None:
        self.text = doc.text
        self._keys = keys
        self.keys = keys.sentences
        self._han = [-1] * len(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def span(self, index: int) -> Span:
        return self._keys.sentence_span(index)

    def han(self, index: int) -> int:
        count = self._han[index]
        if count < 0:
            count = self._han[index] = han_count(self.keys[index])
        return count


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
        keys = doc.facts(TextKeys)
        units, distinct = keys.sentences, set(keys.sentences)
        # A copy's units all repeat earlier ones, and its Han characters are theirs: too few
        # repeats, or too few characters in them all (those of the units but the first of each
        # key), hold no copy. Most files, decided in C.
        if len(units) - len(distinct) < MIN_UNITS \
                or sum(map(len, units)) - sum(map(len, distinct)) < MIN_HAN:
            return cls((), len(doc.text))
        return cls(tuple(_copies(_Units(doc, keys))), len(doc.text))


def _copies(units: _Units) -> list[Copy]:
    """Diagonal runs: unit ``i`` continues a run when it repeats the unit after the run's last
    original unit; gaps of up to MAX_GAP units on the copy's side are bridged."""
    keys = units.keys
    # Each key's first unit; a unit repeats an earlier one when it is not its key's first. (A
    # dict built from the units in reverse keeps the first: a pass in C, not one in Python.)
    first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    repeats = [i for i, origin in enumerate(map(first.__getitem__, keys)) if origin != i]
    found: list[Copy] = []
    before = _HanBefore(units)
    original_end = len(units)  # units before the first copy are the original text
    resume = 0
    for index in repeats:
        if index < resume or not _worth_following(units, index):
            continue
        run = _follow(units, index, first[keys[index]])
        if run is not None and run[0].han >= MIN_SHARE * before(min(index, original_end)):
            original_end = min(original_end, index)
            found.append(run[0])
            resume = run[1]
    return found


class _HanBefore:
    """The Han characters before a unit (in the text before it: every Han character of the
    text is in a unit), counted on from the last unit asked about."""

    def __init__(self, units: _Units) -> None:
        self._units = units
        self._offset = self._count = 0

    def __call__(self, index: int) -> int:
        offset = self._units.span(index).start
        if offset < self._offset:
            self._offset = self._count = 0
        self._count += han_count(self._units.text[self._offset : offset])
        self._offset = offset
        return self._count


def _worth_following(units: _Units, index: int) -> bool:
    return units.han(index) >= 4


def _follow(units: _Units, start: int, origin: int) -> tuple[Copy, int] | None:
    """Follow the run that starts at ``start`` repeating ``origin``; return the copy and the
    index after it, or None when the run is too short to be a copy."""
    keys = units.keys
    here, there = start, origin
    matched = 0
    last_here = last_there = start
    skipped: list[int] = []  # units of the copy's side bridged over
    while here < len(keys) and there < start:
        if keys[here] == keys[there]:
            matched += 1
            last_here, last_there = here, there
            here += 1
            there += 1
            continue
        resumed = _resync(units, here, there, start)
        if resumed is None:
            break
        skipped.extend(range(here, resumed[0]))
        here, there = resumed
    if matched < MIN_UNITS:
        return None
    span = Span(units.span(start).start, units.span(last_here).end)
    # The matched units' Han characters: those of the copy's text (every Han character of the
    # text is in a unit) but for the units bridged over. One count, not one per unit.
    han = han_count(units.text[span.start : span.end]) \
        - sum(units.han(index) for index in skipped if index < last_here)
    if han < MIN_HAN:
        return None
    original = Span(units.span(origin).start, units.span(last_there).end)
    # A copy under another label matched from its second sentence on (see leads).
    lead = common_lead(units.text, span.start, original.start, original.end)
    if lead:
        span, original = Span(span.start - lead, span.end), Span(original.start - lead,
                                                                 original.end)
    return Copy(span, original, matched, han), last_here + 1


def _resync(units: _Units, here: int, there: int, limit: int) -> tuple[int, int] | None:
    """After a mismatch, find the nearest pair within MAX_GAP units on each side that agrees."""
    keys = units.keys
    for skip_here in range(MAX_GAP + 1):
        for skip_there in range(MAX_GAP + 1):
            if not skip_here and not skip_there:
                continue
            a, b = here + skip_here, there + skip_there
            if a < len(keys) and b < limit and keys[a] == keys[b] \
                    and _worth_following(units, a):
                return a, b
    return None
