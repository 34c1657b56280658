"""The documents of a file: one compilation model for every rule that needs "this speech".

A scraped compilation holds several documents, each with its own title, year, place and
numbering. ``doc.facts(Compilation)`` cuts the file into its :class:`Part` s, in character
offsets, on the structure model's articles (:mod:`doclint.rules.structure.segment` decides where
an article starts). The readings it supports, each pinned by cases:

- ``第N篇：…`` lines start a part; a teaser line that repeats the heading (``第一篇：… 同志们：
  这次会议…...``) and page chrome before the first heading belong to the first part;
- an opening salutation (``同志们：``) starts a part when the current one already had its own
  salutation, a heading or body text: a speech that lost its ``第N篇`` heading;
- a title over a bracketed dateline (``（一九六二年二月六日）``) starts a part after another
  part's body: the pieces of selected works.

A file with none of these is one part. The years (``split_parts``), the templates
(``DocumentParts``) and the structure rules all read this one model.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.structure.model import Article, Opening, Structure

# A marker line that runs into the salutation and the speech (a teaser without its "..."):
# the title stops before the salutation.
_TITLE_TAIL = lazy_regex(r"[\s\u3000]+(?:同志们|各位|尊敬的|女士们|朋友们).*$")


@dataclass(frozen=True, slots=True)
class Title:
    """A title line of a part: its text (without ``第N篇：``) and that text's span."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a file.

    ``span`` runs from the part's first line (the file's start for the first part) to the next
    part's first line; ``body_start`` is the offset of the first line after the head (title
    lines, byline, dateline and salutation); ``titles`` are the head's title lines in order.
    """

    index: int
    span: Span
    titles: tuple[Title, ...]
    body_start: int
    ordinal: int | None          # N of its ``第N篇`` heading
    ordinal_span: Span | None    # the ``第N篇`` itself
    opening: Opening             # why it starts here
    article: Article             # the structure model's article (block indices)

    @property
    def title(self) -> Title | None:
        """The main title: the ``第N篇`` line's, else the last title line of the head."""
        return self.titles[0] if self.ordinal is not None and self.titles else (
            self.titles[-1] if self.titles else None)


class Compilation:
    """The parts of a file, in order; never empty (a file without readings is one part)."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self._starts = [p.span.start for p in parts]

    @property
    def items(self) -> list[Part]:
        """The parts (the name the template rules use)."""
        return self.parts

    @property
    def is_compilation(self) -> bool:
        return len(self.parts) > 1

    def spans(self) -> list[Span]:
        return [p.span for p in self.parts]

    def index_at(self, offset: int) -> int:
        """Index of the part holding ``offset`` (the first part for offsets before any line)."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def part_at(self, offset: int) -> Part:
        return self.parts[self.index_at(offset)]

    def same_part(self, a: int, b: int) -> bool:
        """Whether offsets ``a`` and ``b`` lie in the same document of the file."""
        return self.index_at(a) == self.index_at(b)

    @classmethod
    def from_document(cls, doc: Document) -> Compilation:
        structure = doc.facts(Structure)
        length = len(doc.text)
        blocks = structure.blocks
        parts = []
        for article in structure.articles:
            span = structure.article_span(article, length)
            body_start = (blocks[article.body_start].span.start
                          if article.body_start < len(blocks) and article.body_start < article.end
                          else span.end)
            titles = tuple(_title(structure, index) for index in _title_blocks(article))
            parts.append(Part(article.index, span, tuple(t for t in titles if t.text),
                              body_start, article.ordinal, article.ordinal_span, article.opening,
                              article))
        return cls(parts)


def _title_blocks(article: Article) -> list[int]:
    """The head's title lines, the ``第N篇`` line first."""
    if article.marker is None:
        return list(article.titles)
    return [article.marker, *(i for i in article.titles if i != article.marker)]


def _title(structure: Structure, index: int) -> Title:
    block = structure.blocks[index]
    text = block.text
    start = lines.content_start(text)
    marker, _ = lines.article_marker(text[start:])
    if marker is not None:
        start += marker.title_start
        text = _TITLE_TAIL.sub("", text[start:])
        end = start + len(text.rstrip())
    else:
        end = len(text)
    base = block.span.start
    return Title(Span(base + start, base + end), block.text[start:end])
