"""Paragraphs as the years family reads them: lines, HTML paragraphs and line breaks, and the
indents left inside a flattened line (``……。　　下一段``), found once per document."""

from __future__ import annotations

import bisect

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
