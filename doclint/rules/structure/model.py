"""The structure model of a file: its articles, and in each one the title, byline, salutation,
headings, enumerations and body paragraphs.

Computed once per document with ``doc.facts(Structure)`` and shared by every rule that needs
it. A *file* may hold several *articles* (a scraped compilation: ``第N篇：…``, or a title and
``同志们：`` after another speech's body); each article has its own head (title lines, byline,
dateline, salutation) and body. Blocks are the non-blank lines of
:class:`~doclint.core.text.Paragraphs`, in the same order, so ``Structure.blocks[i]`` and
``Paragraphs.items[i]`` are the same line.

Heading levels follow GB/T 9704—2012 §7.3.3 (``一、`` → ``（一）`` → ``1.`` → ``（1）``), with
``①`` below them and the legal levels ``第N章`` / ``第N节`` / ``第N条`` above them.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field

from doclint.core.document import Document, Span
from doclint.core.text import Paragraph


class Kind(enum.Enum):
    """What a block (a non-blank line) is."""

    TITLE = "title"            # a title line, including a ``第N篇：…`` compilation marker
    BYLINE = "byline"          # the speaker under the title (``王 立 军``, ``国务院总理 李强``)
    DATELINE = "dateline"      # ``（2024年4月24日）``, ``——2024年3月5日在…上``
    SALUTATION = "salutation"  # ``同志们：``, ``各位代表：``, a 公文's addressee line
    HEADING = "heading"        # a numbered heading (see :class:`Level`)
    BODY = "body"              # prose: a paragraph with punctuation
    LABEL = "label"            # any other short line: unnumbered heading, caption, web chrome
    SUMMARY = "summary"        # a teaser line ending in ``...`` that repeats the text after it


# NOTE: a member read through its enum class goes through the enum type's __getattr__ hook on
# Python 3.11 (ten times the read of a global): Block.is_prose, asked of every block by many
# rules, reads this one.
_BODY = Kind.BODY


class Level(enum.IntEnum):
    """Heading levels, ordered from the outermost; the value is the rank used for nesting."""

    PART = 1      # 第N编 / 第N篇 (a plan's part, not a compilation marker)
    CHAPTER = 2   # 第N章
    SECTION = 3   # 第N节
    CLAUSE = 4    # 第N条 (numbered continuously through the whole text)
    ONE = 5       # 一、
    TWO = 6       # （一）
    THREE = 7     # 1.  1．  1、
    FOUR = 8      # （1）
    FIVE = 9      # ①

    @property
    def continuous(self) -> bool:
        """Legal levels number straight through; GB levels restart under each parent."""
        return self in _CONTINUOUS


_CONTINUOUS = (Level.PART, Level.CHAPTER, Level.CLAUSE)

LEVEL_EXAMPLE = {
    Level.PART: "第一篇", Level.CHAPTER: "第一章", Level.SECTION: "第一节", Level.CLAUSE: "第一条",
    Level.ONE: "一、", Level.TWO: "（一）", Level.THREE: "1.", Level.FOUR: "（1）", Level.FIVE: "①",
}


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: its level, its number, the marker's span and the heading text."""

    level: Level
    number: int
    marker: Span       # the ``一、`` / ``（一）`` itself
    title: str         # the heading text up to its first sentence end (marker excluded)
    title_span: Span
    inline: bool       # body text follows the heading on the same line
    sequence: int = -1  # id of the run of siblings it belongs to (see Structure.sequences)
    parent: int = -1    # block index of the enclosing heading, -1 at the top of an article
    last: int = 0       # the last sibling its line holds (一、甲　　二、乙　　三、丙: 3)

    def __post_init__(self) -> None:
        if self.last < self.number:
            object.__setattr__(self, "last", self.number)


@dataclass(slots=True)
class Block:
    """One non-blank line, classified. (Not frozen only because ten thousand of them are built per
    document; treat it as read-only.)"""

    index: int
    paragraph: Paragraph
    kind: Kind
    article: int
    heading: Heading | None
    # The line ends a sentence (``endings.ends_sentence`` of its text): asked of every block by
    # the line endings, the openers, the cut lines, T301 and T401, answered once here.
    ends_sentence: bool
    # The paragraph's own fields, copied once: the rules read them hundreds of thousands of
    # times a run, and a slot is read several times faster than a property.
    line: int = field(init=False, repr=False, compare=False)
    span: Span = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.line, self.span, self.text = self.paragraph

    @property
    def is_prose(self) -> bool:
        return self.kind is _BODY or (self.heading is not None and self.heading.inline)


class Style(enum.Enum):
    """The in-paragraph enumeration styles."""

    SHI = "一是"
    YAO = "一要"
    DI = "第一"
    DIAN = "第一点"
    SHOUXIAN = "首先"


@dataclass(frozen=True, slots=True)
class Enumeration:
    """An in-paragraph enumeration item: ``二是`` (2), ``第三，``, ``其次`` (2), ``最后`` (0)."""

    style: Style
    number: int        # 0 for ``最后`` (the last, whatever its number)
    span: Span
    block: int
    lead: bool         # the item opens its paragraph (after any heading marker)


@dataclass(frozen=True, slots=True)
class Announcement:
    """A sentence announcing how many parts follow: ``下面，我讲四个问题``, ``“四个提升”：``."""

    count: int
    span: Span
    block: int
    # announced only by its place: a sentence ending on a count right before the first item
    # (``提出四点建议。一是…``); that item must be the one counted
    closing: bool = False


class Opening(enum.Enum):
    """Why an article starts where it does (the readings of a compilation)."""

    FIRST = "first"            # the start of the file
    MARKER = "marker"          # a ``第N篇：…`` line
    SALUTATION = "salutation"  # an opening ``同志们：`` after another speech's salutation or body
    DATELINE = "dateline"      # a title over a ``（1962年2月6日）`` dateline after another body


@dataclass(frozen=True, slots=True)
class Article:
    """One document of a file: the range of blocks it covers and the parts of its head."""

    index: int
    start: int                 # first block index
    end: int                   # one past the last block index
    ordinal: int | None = None  # N of ``第N篇``
    ordinal_span: Span | None = None
    titles: tuple[int, ...] = ()  # block indices of the title lines, in order
    salutation: int | None = None
    body_start: int = 0        # first block after the head
    marker: int | None = None  # block index of the ``第N篇：…`` line
    opening: Opening = Opening.FIRST

    @property
    def title(self) -> int | None:
        """Block index of the main title: the ``第N篇：…`` marker line, else the last title line
        of the head (the one nearest the byline, dateline and salutation)."""
        if self.marker is not None:
            return self.marker
        return self.titles[-1] if self.titles else None


@dataclass(frozen=True, slots=True)
class Sequence:
    """A run of sibling headings at one level under one parent (block indices, in order)."""

    level: Level
    parent: int
    members: tuple[int, ...]
    # shallower headings opened inside the run (1. …（一）… 2.)
    interrupted_by: tuple[int, ...] = ()
    # first block of the scope the numbering started afresh in (the article, the body after a
    # table of contents, an attachment, a news item)
    scope: int = 0
    # the run numbers on across its parents (``1.``–``119.`` through every ``（一）``): a
    # shallower heading between its members is its next parent, not nested inside it
    across: bool = False


@dataclass
class Structure:
    """The structure model of one document (see the module docstring)."""

    blocks: list[Block]
    articles: list[Article]
    enumerations: list[Enumeration] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    sequences: list[Sequence] = field(default_factory=list)

    @classmethod
    def from_document(cls, doc: Document) -> Structure:
        from doclint.rules.structure.segment import build  # segment imports this module

        return build(doc)

    def article_of(self, block: int) -> Article:
        return self.articles[self.blocks[block].article]

    def article_at(self, offset: int) -> Article | None:
        """The article holding the character at ``offset`` (None before the first line)."""
        index = bisect.bisect_right([b.span.start for b in self.blocks], offset) - 1
        return self.articles[self.blocks[index].article] if index >= 0 else None

    def article_span(self, article: Article, text_length: int) -> Span:
        """From the article's first line to the next article's first line (or the end)."""
        start = self.blocks[article.start].span.start if article.start < len(self.blocks) else 0
        if article.index == 0:
            start = 0
        following = article.index + 1
        end = (self.blocks[self.articles[following].start].span.start
               if following < len(self.articles) else text_length)
        return Span(start, end)

    def title_of(self, article: Article) -> Block | None:
        """The article's main title block, or None when it has none."""
        index = article.title
        return None if index is None else self.blocks[index]

    def title_text(self, article: Article) -> str | None:
        """The main title without ``第N篇：``, spaces or punctuation."""
        from doclint.rules.structure.lines import title_key  # lines imports this module

        block = self.title_of(article)
        return None if block is None else title_key(block.text)

    def headings(self, article: Article) -> list[Block]:
        return [b for b in self.blocks[article.start : article.end] if b.heading is not None]

    def body(self, article: Article) -> list[Block]:
        return [b for b in self.blocks[article.body_start : article.end] if b.kind is Kind.BODY]
