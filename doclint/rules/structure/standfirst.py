"""A newspaper's lead under the title: the standfirst (提要, 导语).

A commentary or a feature often prints, between its title (and date) and its first paragraph, one
to three display lines that sum the piece up, each a sentence of its own set without a stop
(``管好一只宠物狗，绝不是件小事，而体现着治理体系的“密度”``), often quoting a sentence the text
goes on to say. They are no sentence broken over lines (T401), no paragraph cut off (T301), and
their repeat in the body is no pasted duplicate (T602). ``doc.facts(Standfirst).blocks`` holds the
indices of these lines, computed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from doclint.core.document import Document
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.structure.endings import (
    STRONG_FRAME,
    ends_sentence,
    frame_of,
    open_ended,
    stops_at_end,
    stops_inside_a_word,
)
from doclint.rules.structure.model import Block, Kind, Structure

_MAX_LINES = 3
_MIN_HAN = 10
_LONGEST = 80
# The head a lead stands under: title lines, a byline or a dateline, a bare date or time line
# (20190828, 2023-05-10 08:00).
_HEAD_KINDS = frozenset((Kind.TITLE, Kind.BYLINE, Kind.DATELINE))
_LAST = lazy_regex(r"[\p{Han}”’」』]$")
_SHORT = 80  # a one-sentence lead line with its stop
_STOPS = lazy_regex(r"[。！？!?；;]")


@dataclass(frozen=True, slots=True)
class Standfirst:
    blocks: frozenset[int] = frozenset()

    @classmethod
    def from_document(cls, doc: Document) -> Standfirst:
        structure = doc.facts(Structure)
        found: set[int] = set()
        for article in structure.articles:
            if article.end > article.start:
                found.update(_lead(structure.blocks[article.start : article.end], doc.text))
        return cls(frozenset(found))


def _lead(article: list[Block], document: str) -> list[int]:
    """The lead lines of one article: up to three lines right after its head, the last of them a
    display sentence without a stop (any before it a display sentence, or one short sentence
    with its stop), and the first paragraph of the text, ending its sentence, right after them."""
    position = _head_end(article)
    if position is None:
        return []
    last = None
    for offset, block in enumerate(article[position:position + _MAX_LINES]):
        if _display(block, document):
            last = offset
        elif not _short_sentence(block):
            break
    if last is None or position + last + 1 >= len(article):
        return []
    first = article[position + last + 1]
    if first.kind is not Kind.BODY or not first.ends_sentence:
        return []
    return [b.index for b in article[position:position + last + 1]]


def _head_end(article: list[Block]) -> int | None:
    """Where the text starts after its title (and its byline, dateline or date line); None
    when the article has no title. A title with a comma (某某，利用好更需保护好) reads as a
    line of text: the first line counts as the title when a bare date follows it."""
    position = 0
    while position < len(article) and (article[position].kind in _HEAD_KINDS
                                       or lines.is_date_line(article[position].text)):
        position += 1
    if position and any(b.kind is Kind.TITLE for b in article[:position]):
        return position
    if len(article) > 1 and lines.is_date_line(article[1].text):
        return 2
    return None


def _short_sentence(block: Block) -> bool:
    text = block.text.strip(" \t\u3000\u00a0")
    return block.kind is Kind.BODY and len(text) <= _SHORT and ends_sentence(text) \
        and len(_STOPS.findall(text)) == 1


def _display(block: Block, document: str) -> bool:
    """A sentence set as a display line: no stop at its end (a closing quote without a stop
    before it ends it too: ……唱响“四季歌”), ten to eighty characters, stopping on a word that
    can end a sentence. The first paragraph of a speech cut or broken under its title is longer
    or stops inside a word (……但这种富是)."""
    text = block.text.strip(" \t\u3000\u00a0")
    return block.kind is Kind.BODY and len(text) <= _LONGEST and not stops_at_end(text) \
        and _LAST.search(text) is not None and lines.has_han(text, _MIN_HAN) \
        and not open_ended(text) and not stops_inside_a_word(text, document) \
        and frame_of(text) != STRONG_FRAME  # 央视网消息（新闻联播）：… opens the report itself
