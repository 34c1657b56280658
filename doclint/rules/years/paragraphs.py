"""Paragraphs as the years family reads them: lines, HTML paragraphs and line breaks, and the
indents left inside a flattened line (``……。　　下一段``), found once per document."""

from __future__ import annotations

import bisect
from itertools import accumulate
from re import Pattern

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex

# Paragraphs break at line breaks, HTML paragraphs and line breaks, and indents left inside a
# flattened line (``INLINE_INDENT``). Each kind is looked for on its own: the line feeds by
# ``str.split``, the rest by a pattern with a literal or a short class to scan for, many times
# faster than one alternation of them all. No two kinds start at the same character and none
# matches empty, so the union of what they find is what that alternation would break at (a line
# break or an indent inside a tag is inside its break either way).
_CARRIAGE_RETURN = lazy_re(r"\r")
_TAG_BREAK = lazy_regex(r"<p(?:\s[^<>\n]{0,200})?>|</p>|<br\s*/?>")
# ``INLINE_INDENT`` for the standard library's engine, which scans for the indent's first
# character faster than ``regex`` scans for its look-behind: ``[^\S\x1c-\x1f]`` is the white
# space ``regex`` means by ``\s`` (``re`` counts \x1c..\x1f as white space too).
_INDENT_CHAR = "[ \t\u3000\u00a0\u2002\u2003]"
_INDENT = lazy_re(rf"{_INDENT_CHAR}(?<=[。！？；!?;：:”’」』）)]{_INDENT_CHAR}){_INDENT_CHAR}+"
                  r"(?=[\S\x1c-\x1f])")
_TAG = lazy_re(r"<[^<>\n]{0,200}>")
_SPACE = " \t\u3000\u00a0\u200b\ufeff"


def plain(text: str) -> str:
    """A paragraph's text without tags and surrounding white space."""
    if "<" in text:
        text = _TAG.sub("", text)
    return text.strip(_SPACE)


class Hits:
    """Whether a pattern matches in parts of ``text[start:end]``, to ask which paragraphs hold a
    match: a loop over the paragraphs passes over those that cannot matter. Parts are asked for
    in order: each search starts at the part asked for, and the match it finds answers for every
    part before it. (A pattern that matches no break holds each of its matches inside one
    paragraph, so a paragraph holds a match exactly when a match starts inside it.)"""

    def __init__(self, pattern: Pattern[str], text: str, start: int = 0,
                 end: int | None = None) -> None:
        self._pattern = pattern
        self._text = text
        self._end = len(text) if end is None else end
        self._searched_from = start
        self._next = self._first_at_or_after(start)  # None: no match from _searched_from on

    def _first_at_or_after(self, start: int) -> int | None:
        match = self._pattern.search(self._text, start, self._end)
        return match.start() if match is not None else None

    def __bool__(self) -> bool:
        return self._next is not None

    def within(self, start: int, end: int) -> bool:
        """Whether a match starts in ``start``..``end``."""
        if start < self._searched_from or (self._next is not None and self._next < start):
            self._searched_from = start
            self._next = self._first_at_or_after(start)
        return self._next is not None and self._next < end


class ParagraphSpans:
    """The spans of the document's paragraphs, in order (blank ones left out)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    @classmethod
    def from_document(cls, doc: Document) -> ParagraphSpans:
        text = doc.text
        others = [match.span() for match in _INDENT.finditer(text)]
        if "<" in text:
            others += [match.span() for match in _TAG_BREAK.finditer(text)]
        if "\r" in text:
            others += [match.span() for match in _CARRIAGE_RETURN.finditer(text)]
        spans = []
        if not others:  # most texts: the paragraphs are the lines
            start = 0
            for line in text.split("\n"):
                end = start + len(line)
                if line.strip(_SPACE):
                    spans.append(Span(start, end))
                start = end + 1
            return cls(spans)
        line_feeds = list(accumulate(len(line) + 1 for line in text.split("\n")))[:-1]
        breaks = sorted([(end - 1, end) for end in line_feeds] + others)
        start = 0
        for begin, end in breaks:
            if begin > start and text[start:begin].strip(_SPACE):
                spans.append(Span(start, begin))
            start = max(start, end)
        if start < len(text) and text[start:].strip(_SPACE):
            spans.append(Span(start, len(text)))
        return cls(spans)

    def between(self, start: int, end: int) -> list[Span]:
        """The paragraphs that start in ``start``..``end``."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.spans[low:high]

    def holding(self, chars: str, text: str, start: int, end: int) -> list[int]:
        """The indices in ``between(start, end)`` of the paragraphs that hold one of ``chars``
        before ``end``, in order: each character is found by ``str.find``, and once found in a
        paragraph looked for again only after it, so a loop over the paragraphs need not ask
        each one."""
        starts, spans = self._starts, self.spans
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_left(starts, end)
        found: set[int] = set()
        for char in chars:
            at = text.find(char, start, end)
            while at != -1:
                index = bisect.bisect_right(starts, at, low, high) - 1
                if index >= low and at < spans[index].end:
                    found.add(index - low)
                    at = text.find(char, spans[index].end, end)
                else:  # between paragraphs
                    at = text.find(char, starts[index + 1], end) if index + 1 < high else -1
        return sorted(found)
