"""Shared text segmentation: paragraphs (non-blank lines) and sentences, computed once per document."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, chain, compress, count, repeat
from operator import add, itemgetter
from typing import NamedTuple

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex

# Sentence ends: 。！？ (and ASCII !?) with any closing quotes/brackets that follow them; a ；
# also closes a clause that reads as a sentence in list-like government prose.
# NOTE: written to open with one character class (a run of ``…`` needs two of them), so that
# the engine skips between candidate characters in C instead of trying the alternation at
# every character (a third of the time).
# (The whole end is a group so that ``split`` keeps the ends: see ``TextKeys``.)
_SENTENCE_END = lazy_re(r"([。！？!?；;…](?:(?<=…)…+|(?<!…)[。！？!?；;]*)[”’」』）)》]*)")
_BLANK = lazy_regex(r"^[\s\u3000\u00a0\u200b\ufeff]*$")
# The spaces a line's indent is made of: ASCII, ideographic (U+3000), no-break (U+00A0), en and
# em (U+2002, U+2003: what pages converted from Word or PDF indent with), zero-width and BOM.
_PARAGRAPH_SPACE = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"
# A paragraph indent inside a line: a run of spaces after the end of a sentence, where a page
# that lost its paragraph breaks still shows where they were (“……。　　下一段……”).
INLINE_INDENT = lazy_regex(r"(?<=[。！？；!?;：:”’」』）)])[ \t\u3000\u00a0\u2002\u2003]{2,}(?=\S)")
HAN = lazy_regex(r"\p{Han}")


class Paragraph(NamedTuple):
    """A non-blank physical line: the unit most scraped government text uses as a paragraph.

    Paragraphs and sentences are named tuples, as ``Span`` is: every document builds one of
    them per line and per sentence, and a tuple is built several times faster than a frozen
    dataclass.
    """

    line: int
    span: Span
    text: str


class Sentence(NamedTuple):
    span: Span
    text: str
    paragraph: int  # index into Paragraphs.items


class Paragraphs:
    """Every non-blank line, with its span stripped of surrounding white space.

    A line that lost its paragraph breaks (a flattened page keeps only the indent, as in
    “……。　　下一段……”) is split at those indents: each piece is a paragraph of the same line.
    """

    def __init__(self, items: list[Paragraph]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Paragraphs:
        items = []
        new = tuple.__new__  # see Sentences
        for number, start, raw in lines_of(doc):
            stripped = raw.strip(_PARAGRAPH_SPACE)
            # NOTE: only a line that starts with white space can be all white space.
            if not stripped or (_is_space(stripped[0]) and _BLANK.match(stripped)):
                continue
            start += len(raw) - len(raw.lstrip(_PARAGRAPH_SPACE))
            if ("\u3000\u3000" in stripped or "  " in stripped or "\u00a0" in stripped
                    or "\u2003" in stripped or "\u2002" in stripped) \
                    and INLINE_INDENT.search(stripped):
                items.extend(_split_indents(number, start, stripped))
            else:
                items.append(new(Paragraph,
                                 (number, new(Span, (start, start + len(stripped))), stripped)))
        return cls(items)


def lines_of(doc: Document) -> Iterable[tuple[int, int, str]]:
    """``(number, start, text)`` of every line of the document, as its line index cuts them."""
    text = doc.text
    if "\r" not in text and "\r" not in doc.source:
        # NOTE: LF breaks only (most documents): the lines are one str.split, C-fast, and
        # their offsets sums of lengths (the line index splits the same way).
        parts = text.split("\n")
        if len(parts) > 1 and not parts[-1]:
            parts.pop()  # the text ends with a line break: no empty line after it
        starts = accumulate((len(part) + 1 for part in parts[:-1]), initial=0)
        return zip(count(1), starts, parts)
    return ((number, start, text[start:end]) for number, start, end in doc.index.line_spans())


_SPACE_CHAR = lazy_regex(r"[\s\u3000\u00a0\u200b\ufeff]")
_SPACES: dict[str, bool] = {}


def _is_space(char: str) -> bool:
    """Whether ``char`` is in ``_BLANK``'s class (memoised: the same few characters open most
    lines)."""
    try:
        return _SPACES[char]
    except KeyError:
        found = _SPACES[char] = _SPACE_CHAR.match(char) is not None
        return found


def _split_indents(number: int, start: int, text: str) -> list[Paragraph]:
    pieces = []
    begin = 0
    for match in INLINE_INDENT.finditer(text):
        pieces.append(Paragraph(number, Span(start + begin, start + match.start()),
                                text[begin : match.start()]))
        begin = match.end()
    pieces.append(Paragraph(number, Span(start + begin, start + len(text)), text[begin:]))
    return pieces


class Sentences:
    """Sentences inside paragraphs, split after sentence-final punctuation."""

    def __init__(self, items: list[Sentence]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Sentences:
        items: list[Sentence] = []
        append = items.append
        # NOTE: one scan of the whole text, not one per paragraph (a third of the time). A
        # sentence end holds no white space, and everything between paragraphs is white
        # space, so each match lies inside one paragraph and is the match a scan of that
        # paragraph alone finds.
        # NOTE: the tuples are built with ``tuple.__new__``: a named tuple's own ``__new__`` is
        # a Python function, and a document holds tens of thousands of sentences.
        new = tuple.__new__
        ends = _sentence_ends(doc.text)
        count, next_end = len(ends), 0
        for number, (_, (base, limit), text) in enumerate(doc.facts(Paragraphs).items):
            while next_end < count and ends[next_end] <= base:
                next_end += 1
            start = base
            while next_end < count and (end := ends[next_end]) <= limit:
                append(new(Sentence, (new(Span, (start, end)),
                                      text[start - base : end - base], number)))
                start = end
                next_end += 1
            if start < limit:
                append(new(Sentence, (new(Span, (start, limit)), text[start - base :], number)))
        return cls(items)


def _sentence_ends(text: str) -> list[int]:
    # NOTE: most paragraphs hold no "…"; the stdlib engine is faster on a plain class.
    return [m.end() for m in _SENTENCE_END.finditer(text)]


# White space as the keys below drop it: the class of ``_BLANK`` (the zero-width space and the
# BOM with it). Every character of it but " " is unprintable.
_SPACE_RUN = lazy_regex(r"[\s\u3000\u00a0\u200b\ufeff]+")


# The separator controls U+001C–U+001F: white space to ``str.split`` and to ``re``'s ``\s``, not
# to the class above (the keys keep them). A text almost never holds one.
SEPARATOR_CONTROLS = "\x1c\x1d\x1e\x1f"


def has_separator_control(text: str) -> bool:
    """Whether ``text`` holds a separator control (four ``str`` scans: in C, a tenth of the time
    of one search of their class)."""
    return any(control in text for control in SEPARATOR_CONTROLS)


def spaceless(texts: list[str]) -> list[str]:
    """Each of ``texts`` without white space (the class of ``_SPACE_RUN``). NOTE: a text that
    holds no " " and is printable holds none of it (every other character of it is
    unprintable), and is its own key: most are, found so in C without a copy."""
    return [text if " " not in text and text.isprintable() else without_space(text)
            for text in texts]


def without_space(text: str) -> str:
    """``text`` without white space (the class of ``_SPACE_RUN``); ``text`` itself when it
    holds none (see ``spaceless``)."""
    if " " not in text and text.isprintable():
        return text
    text = text.replace(" ", "").replace("\u3000", "")  # (the usual ones, C-fast)
    return text if text.isprintable() else _SPACE_RUN.sub("", text)


class TextKeys:
    """The paragraphs and sentences of a document keyed for comparison: their text without
    white space (``spaceless``), built once for every rule that compares them.

    ``paragraphs`` holds one key per item of ``Paragraphs``, in the same order (so the key of
    ``Structure.blocks[i]`` is ``paragraphs[i]``). ``sentences`` holds the keys of the
    sentences of ``Sentences`` that are not empty, in order, and ``sentence_span`` the span of
    one of them: worked out when first asked for, from the paragraphs joined, without
    building the sentences themselves (tens of thousands of objects in a long document).
    """

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self._paragraphs = paragraphs
        self.paragraphs = spaceless(list(map(itemgetter(2), paragraphs)))
        self._pieces: list[str] | None = None
        self._line_keys: list[str] | None = None
        self._sentences: list[str] | None = None
        self._places: _SentencePlaces | None = None

    @classmethod
    def from_document(cls, doc: Document) -> TextKeys:
        return cls(doc.facts(Paragraphs).items)

    @property
    def sentences(self) -> list[str]:
        if self._sentences is None:
            self._sentences = list(filter(None, self._keys_of_lines()))
        return self._sentences

    def sentence_span(self, index: int) -> Span:
        """The span of the sentence keyed ``sentences[index]``."""
        if self._places is None:
            self._places = self._sentence_places()
        places = self._places
        line = places.keyed[index]
        at = places.starts[line]  # in the paragraphs joined
        paragraph = bisect_right(places.paragraphs, at) - 1
        start = self._paragraphs[paragraph].span.start + at - places.paragraphs[paragraph]
        return Span(start, start + places.lengths[line])

    def _cut(self) -> list[str]:
        """The paragraphs joined by line breaks, cut after each sentence end: the text up to
        each end with the end, then the text after the last end. Joined by line breaks again,
        the pieces make the lines of the sentences: those of ``Sentences``, and an empty line
        after a paragraph that closes with an end (its key is empty, as the key of a sentence
        of white space is).

        NOTE: an end holds no white space: it is found alike in the whole text and in the
        paragraphs joined. The text is split around the ends and each end put back after the
        text before it, in C (``sub`` with a template calls Python for each end).
        """
        if self._pieces is None:
            parts = _SENTENCE_END.split("\n".join(map(itemgetter(2), self._paragraphs)))
            parts.append("")  # (the end after the text after the last end)
            self._pieces = list(map(str.__add__, parts[0::2], parts[1::2]))
        return self._pieces

    def _keys_of_lines(self) -> list[str]:
        """The key of every line of the sentences (see ``_cut``), empty ones too.

        NOTE: the lines are made without the pieces (wanted only for the spans of a few
        documents): a line break put after each end, the ends being every other part of the
        split, and the parts joined, in C.
        """
        if self._line_keys is None:
            parts = _SENTENCE_END.split("\n".join(map(itemgetter(2), self._paragraphs)))
            parts[1::2] = map(add, parts[1::2], repeat("\n"))
            self._line_keys = spaceless("".join(parts).split("\n"))
        return self._line_keys

    def _sentence_places(self) -> _SentencePlaces:
        """Where each line of the sentences (see ``_cut``) starts in the paragraphs joined, and
        its length; the line of each sentence that has a key; where the paragraphs start. A
        line starts where a piece or a paragraph does (never both but at 0: a piece starts
        after an end, a paragraph after a line break)."""
        keyed = list(compress(count(), self._keys_of_lines()))
        pieces = self._cut()
        lengths = list(map(len, "\n".join(pieces).split("\n")))
        # (a paragraph starts after those before it and their line breaks)
        before = map(len, map(itemgetter(2), self._paragraphs[:-1]))
        paragraphs = list(map(add, accumulate(before, initial=0), count()))
        starts = sorted(chain(accumulate(map(len, pieces[:-1]), initial=0), paragraphs[1:]))
        return _SentencePlaces(starts, lengths, keyed, paragraphs)


class _SentencePlaces(NamedTuple):
    starts: list[int]
    lengths: list[int]
    keyed: list[int]
    paragraphs: list[int]


def shorten(text: str, limit: int = 24) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for quoting in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_blank(text: str) -> bool:
    return bool(_BLANK.match(text))
