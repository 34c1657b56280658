"""Compilations split into their documents, each with the title lines that head it.

A scraped compilation (``第一篇：…``, ``第二篇：…``) holds several speeches; rules that compare a
document with itself (its title, its own county) must look at one speech at a time. This is a
deliberately small model: a part starts at a ``第N篇`` heading line, and its title lines are the
short lines without sentence punctuation that come before the first body line. It reads only
the lines it needs, so it costs next to nothing on a file without headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import Document, Span
from doclint.rules.templates.scan import find_all, line_end, line_start

_PART_HEADING = regex.compile(
    r"[ \t\u3000\u00a0]*第([一二三四五六七八九十百零〇\d]+)篇[：:][ \t\u3000]*"
)
# A summary line repeats the heading and runs into the salutation: keep the heading only.
_TITLE_TAIL = regex.compile(r"[\s\u3000]+(?:同志们|各位|尊敬的|女士们|朋友们).*$")
_SENTENCE_PUNCT = regex.compile(r"[。！？；，]")
_HAN = regex.compile(r"\p{Han}")
_SPACE = " \t\u3000\u00a0\u200b\ufeff"
_MAX_TITLE = 60
_MAX_TITLE_LINES = 8
_MIN_TITLE_HAN = 8


@dataclass(frozen=True, slots=True)
class Title:
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a file: its span, its title lines, and where its body starts."""

    span: Span
    titles: tuple[Title, ...]
    body_start: int


class DocumentParts:
    """The documents of a file (one part unless it has ``第N篇`` headings)."""

    def __init__(self, items: list[Part]) -> None:
        self.items = items

    def part_at(self, offset: int) -> Part:
        for part in reversed(self.items):
            if part.span.start <= offset:
                return part
        return self.items[0]

    @classmethod
    def from_document(cls, doc: Document) -> DocumentParts:
        text = doc.text
        starts = _part_starts(text)
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        items = []
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(text)
            titles, body_start = _title_block(text, start, end)
            items.append(Part(Span(start, end), titles, body_start))
        return cls(items)


def _part_starts(text: str) -> list[int]:
    """Line starts of heading lines that open a new part (a repeated ordinal does not)."""
    if "篇" not in text:
        return []
    starts: list[int] = []
    previous = ""
    for offset in find_all(text, "篇"):
        start = line_start(text, offset)
        heading = _PART_HEADING.match(text, start, line_end(text, offset))
        if heading is None or heading.end(1) != offset or (starts and starts[-1] == start):
            continue
        if heading.group(1) != previous:
            starts.append(start)
        previous = heading.group(1)
    return starts


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line in ``text[start:end]``, white space trimmed."""
    position = start
    while position < end:
        stop = min(line_end(text, position), end)
        first, last = position, stop
        while first < last and text[first] in _SPACE:
            first += 1
        while last > first and text[last - 1] in _SPACE:
            last -= 1
        if first < last:
            yield first, last
        position = stop + 1


def _title_block(text: str, start: int, end: int) -> tuple[tuple[Title, ...], int]:
    titles: list[Title] = []
    for count, (first, last) in enumerate(_lines(text, start, end)):
        line = text[first:last]
        heading = _PART_HEADING.match(line)
        if heading:
            title = _TITLE_TAIL.sub("", line[heading.end() :])
            titles.append(
                Title(Span(first + heading.end(), first + heading.end() + len(title)), title)
            )
            continue
        if count >= _MAX_TITLE_LINES or not _looks_like_title(line):
            return tuple(titles), first
        titles.append(Title(Span(first, last), line))
    return tuple(titles), end


def _looks_like_title(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE
        and not _SENTENCE_PUNCT.search(text)
        and not text.endswith(("：", ":"))
    )


def is_distinctive(title: str) -> bool:
    """A title long enough that finding it inside a sentence cannot be a coincidence."""
    return len(_HAN.findall(title)) >= _MIN_TITLE_HAN
