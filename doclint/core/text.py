"""Shared text segmentation: paragraphs (non-blank lines) and sentences, computed once per document."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from doclint.core.document import Document, Span

# Sentence ends: 。！？ (and ASCII !?) with any closing quotes/brackets that follow them; a ；
# also closes a clause that reads as a sentence in list-like government prose.
_SENTENCE_END = regex.compile(r"[。！？!?；;]+[”’」』）)》]*|…{2,}[”’」』）)》]*")
_BLANK = regex.compile(r"^[\s\u3000\u00a0\u200b\ufeff]*$")
HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank physical line: the unit most scraped government text uses as a paragraph."""

    line: int
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str
    paragraph: int  # index into Paragraphs.items


class Paragraphs:
    """Every non-blank line, with its span stripped of surrounding white space."""

    def __init__(self, items: list[Paragraph]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Paragraphs:
        items = []
        text = doc.text
        for line in doc.lines():
            raw = text[line.span.start : line.span.end]
            if _BLANK.match(raw):
                continue
            stripped = raw.strip(" \t\u3000\u00a0\u200b\ufeff")
            start = line.span.start + raw.index(stripped[0])
            items.append(Paragraph(line.number, Span(start, start + len(stripped)), stripped))
        return cls(items)


class Sentences:
    """Sentences inside paragraphs, split after sentence-final punctuation."""

    def __init__(self, items: list[Sentence]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Sentences:
        items: list[Sentence] = []
        for number, para in enumerate(doc.facts(Paragraphs).items):
            start = 0
            for match in _SENTENCE_END.finditer(para.text):
                items.append(_sentence(para, start, match.end(), number))
                start = match.end()
            if start < len(para.text):
                items.append(_sentence(para, start, len(para.text), number))
        return cls(items)


def _sentence(para: Paragraph, start: int, end: int, number: int) -> Sentence:
    base = para.span.start
    return Sentence(Span(base + start, base + end), para.text[start:end], number)


def is_blank(text: str) -> bool:
    return bool(_BLANK.match(text))
