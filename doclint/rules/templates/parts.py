"""Compilations split into their documents, each with the title lines that head it.

The template and style rules read the one compilation model of the structure family
(:mod:`doclint.rules.structure.compilation`): ``DocumentParts`` is that model seen with the
titles these rules compare against the body, ``Part`` one of its documents (``span``,
``titles``, ``body_start``), ``Title`` a title line (``span``, ``text``).
"""

from __future__ import annotations

import dataclasses

from doclint.core import Document
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.compilation import Compilation, Part, Title

__all__ = ["DocumentParts", "Part", "Title", "is_distinctive"]

_HAN_OR_DIGIT = lazy_regex(r"[\p{Han}0-9０-９]")
_CLAUSE_PUNCT = lazy_regex(r"[，,、。！？；]")
_MIN_TITLE_HAN = 8


class DocumentParts(Compilation):
    """The compilation model, keeping titles without clause punctuation: a title with a comma
    (``尊重知识，尊重人才``) is a phrase of the text it heads, not a name a site pastes back."""

    @classmethod
    def from_document(cls, doc: Document) -> DocumentParts:
        parts = doc.facts(Compilation).parts
        return cls([dataclasses.replace(p, titles=tuple(
            t for t in p.titles if not _CLAUSE_PUNCT.search(t.text))) for p in parts])


def is_distinctive(title: str) -> bool:
    """A title long enough that finding it inside a sentence cannot be a coincidence: eight
    Chinese characters or digits (``2000年政府工作报告``; ``政府工作报告`` alone is a name the
    body uses)."""
    return len(_HAN_OR_DIGIT.findall(title)) >= _MIN_TITLE_HAN
