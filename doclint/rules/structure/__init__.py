"""Family T: titles, structure, truncation, line breaks and repeated text.

The rules share one structure model (:mod:`doclint.rules.structure.model`), computed once per
document: articles, titles, headings, enumerations and body paragraphs.
"""

from __future__ import annotations

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "duplicate_title:DuplicateTitle",
    "repeated_heading:RepeatedHeading",
    "article_sequence:ArticleSequence",
    "heading_sequence:HeadingSequence",
    "enumeration_sequence:EnumerationSequence",
    "heading_nesting:HeadingNesting",
    "announced_count:AnnouncedCount",
    "announced_count:ClosingCount",
    "truncated_paragraph:TruncatedParagraph",
    "teaser_line:TeaserLine",
    "broken_line:BrokenLine",
    "formats:UnpunctuatedText",
    "formats:HardWrappedText",
    "formats:FlattenedParagraphs",
    "formats:LetterSpacedText",
    "escapes:EscapedLineBreaks",
    "noise:TextNoiseRule",
    "duplicate_line:ConsecutiveDuplicateLine",
    "repeated_text:RepeatedText",
    "page_copies:PageCopiesRule",
))
