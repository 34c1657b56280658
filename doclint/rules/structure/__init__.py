"""Family T: titles, structure, truncation, line breaks and repeated text.

The rules share one structure model (:mod:`doclint.rules.structure.model`), computed once per
document: articles, titles, headings, enumerations and body paragraphs.
"""

from __future__ import annotations

from doclint.rules.structure.announced_count import AnnouncedCount, ClosingCount
from doclint.rules.structure.article_sequence import ArticleSequence
from doclint.rules.structure.broken_line import BrokenLine
from doclint.rules.structure.duplicate_line import ConsecutiveDuplicateLine
from doclint.rules.structure.duplicate_title import DuplicateTitle
from doclint.rules.structure.enumeration_sequence import EnumerationSequence
from doclint.rules.structure.escapes import EscapedLineBreaks
from doclint.rules.structure.formats import (
    FlattenedParagraphs,
    HardWrappedText,
    LetterSpacedText,
    UnpunctuatedText,
)
from doclint.rules.structure.heading_nesting import HeadingNesting
from doclint.rules.structure.heading_sequence import HeadingSequence
from doclint.rules.structure.noise import TextNoiseRule
from doclint.rules.structure.page_copies import PageCopiesRule
from doclint.rules.structure.repeated_heading import RepeatedHeading
from doclint.rules.structure.repeated_text import RepeatedText
from doclint.rules.structure.teaser_line import TeaserLine
from doclint.rules.structure.truncated_paragraph import TruncatedParagraph

RULES: list[type] = [
    DuplicateTitle,
    RepeatedHeading,
    ArticleSequence,
    HeadingSequence,
    EnumerationSequence,
    HeadingNesting,
    AnnouncedCount,
    ClosingCount,
    TruncatedParagraph,
    TeaserLine,
    BrokenLine,
    UnpunctuatedText,
    HardWrappedText,
    FlattenedParagraphs,
    LetterSpacedText,
    EscapedLineBreaks,
    TextNoiseRule,
    ConsecutiveDuplicateLine,
    RepeatedText,
    PageCopiesRule,
]
