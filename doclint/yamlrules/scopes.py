"""Scope units: the pieces of a document a pack rule matches and counts in.

``line`` is a physical line; ``paragraph`` and ``sentence`` come from the core extractors;
``heading`` is a paragraph that starts with a heading number (一、 （一） 1. （1） 第一章 …) or
a short paragraph that does not end like a sentence (titles); ``body`` is every other
paragraph; ``document`` is the whole text, where ``^`` and ``$`` match at line ends.
Every pattern runs on one unit's text at a time, so ``^`` is the unit's start.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from doclint.core.document import Document
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Paragraphs, Sentences, lines_of

HEADING_NUMBER = lazy_regex(
    r"""^(?:[一二三四五六七八九十百零〇]+[、.．，,:：\s]
        |[（(][一二三四五六七八九十百零〇\d]{1,3}[）)]
        |\d{1,2}(?:\.\d{1,2})*[.．、,，](?!\d)
        |第[一二三四五六七八九十百千零〇\d]+[章节条篇部编](?:[\s：:]|$)
        )""",
    regex.X,
)
SHORT_HEADING = 40
_SENTENCE_LIKE_END = lazy_regex(r"[。！？!?；;，,：:、…]$|[。！？!?][”’」』）)》]$")


@dataclass(frozen=True, slots=True)
class Unit:
    """A scope unit: its text and where it starts in ``Document.text``."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def is_heading(text: str) -> bool:
    if HEADING_NUMBER.match(text):
        return True
    return len(text) <= SHORT_HEADING and not _SENTENCE_LIKE_END.search(text)


class Scopes:
    """The units of each scope of one document, computed on first use (``doc.facts(Scopes)``)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._units: dict[str, list[Unit]] = {}
        self._starts: dict[str, list[int]] = {}

    @classmethod
    def from_document(cls, doc: Document) -> Scopes:
        return cls(doc)

    def units(self, scope: str) -> list[Unit]:
        if scope not in self._units:
            self._units[scope] = self._compute(scope)
        return self._units[scope]

    def starts(self, scope: str) -> list[int]:
        """The start offsets of the scope's units (for bisection)."""
        if scope not in self._starts:
            self._starts[scope] = [unit.start for unit in self.units(scope)]
        return self._starts[scope]

    def _compute(self, scope: str) -> list[Unit]:
        doc = self._doc
        if scope == "document":
            return [Unit(0, doc.text)] if doc.text else []
        if scope == "line":
            return [Unit(start, line) for _, start, line in lines_of(doc) if line]
        if scope == "sentence":
            return [Unit(s.span.start, s.text) for s in doc.facts(Sentences).items]
        paragraphs = [Unit(p.span.start, p.text) for p in doc.facts(Paragraphs).items]
        if scope == "paragraph":
            return paragraphs
        headings = [is_heading(unit.text) for unit in paragraphs]
        want = scope == "heading"
        return [unit for unit, heading in zip(paragraphs, headings, strict=True) if heading == want]


def units_with(units: Sequence[Unit], text: str, chars: frozenset[str] | None,
               starts: Sequence[int] | None = None, anchored: bool = False) -> Iterator[Unit]:
    """The units that contain one of the strings ``chars`` (all units when it is None).

    Rare strings are located in the whole text and mapped to units by bisection (over
    ``starts``, the units' start offsets); common ones are tested unit by unit. With
    ``anchored`` (a pattern starting with ^, units of one line), only unit starts count.
    """
    if chars is None or len(units) == 1:
        yield from units  # a single unit: the pattern's own prefilter tests it
        return
    if anchored:
        heads = tuple(chars)
        yield from (unit for unit in units if unit.text.startswith(heads))
        return
    present = [c for c in chars if c in text]
    if not present:
        return
    cap = max(16, len(units) // 4)
    positions: list[int] = []
    for char in present:
        position = text.find(char)
        while position != -1:
            positions.append(position)
            if len(positions) > cap:
                yield from (u for u in units if any(c in u.text for c in present))
                return
            position = text.find(char, position + 1)
    if starts is None:
        starts = [unit.start for unit in units]
    chosen: set[int] = set()
    for position in positions:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < units[index].end:
            chosen.add(index)
    for index in sorted(chosen):
        yield units[index]
