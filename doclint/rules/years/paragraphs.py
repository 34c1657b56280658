"""Paragraphs as the years family reads them: lines, HTML paragraphs and line breaks, and the
indents left inside a flattened line (``……。　　下一段``), found once per document."""

from __future__ import annotations

import bisect
from re import Pattern

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import INLINE_INDENT

_BREAK = lazy_regex(
    r"\r?\n|\r|<p(?:\s[^<>\n]{0,200})?>|</p>|<br\s*/?>|" + INLINE_INDENT.pattern)
_TAG = regex.compile(r"<[^<>\n]{0,200}>")
_SPACE = " \t\u3000\u00a0\u200b\ufeff"


def plain(text: str) -> str:
    """A paragraph's text without tags and surrounding white space."""
    return _TAG.sub("", text).strip(_SPACE)


class Hits:
    """Where a pattern matches in ``text[start:end]``, to ask which paragraphs hold a match: a
    quick scan lets a loop over the paragraphs pass over those that cannot matter. (A pattern
    that matches no break holds each of its matches inside one paragraph, so a paragraph that
    holds a match holds one of these, the leftmost non-overlapping ones.)"""

    def __init__(self, pattern: Pattern[str], text: str, start: int = 0,
                 end: int | None = None) -> None:
        end = len(text) if end is None else end
        self._starts = [match.start() for match in pattern.finditer(text, start, end)]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def within(self, start: int, end: int) -> bool:
        """Whether a match starts in ``start``..``end``."""
        index = bisect.bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end


class ParagraphSpans:
    """The spans of the document's paragraphs, in order (blank ones left out)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    @classmethod
    def from_document(cls, doc: Document) -> ParagraphSpans:
        text = doc.text
        spans = []
        start = 0
        for match in _BREAK.finditer(text):
            if match.start() > start and text[start:match.start()].strip(_SPACE):
                spans.append(Span(start, match.start()))
            start = match.end()
        if start < len(text) and text[start:].strip(_SPACE):
            spans.append(Span(start, len(text)))
        return cls(spans)

    def between(self, start: int, end: int) -> list[Span]:
        """The paragraphs that start in ``start``..``end``."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.spans[low:high]
