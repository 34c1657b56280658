"""Whether a text writes elsewhere, as one word, the characters a space separates: the test
that tells a word split by a stray space from two phrases a space sets apart on purpose."""

from __future__ import annotations

from doclint.core import Span, segmenter
from doclint.core.lazyregex import lazy_regex

_HAN_RUN = lazy_regex(r"\p{Han}+")
_REACH = 8_000
# Four characters across a space: three and one, two and two, one and three.
WORD_PIECES = ((3, 1), (2, 2), (1, 3))
_WORD_SIDE = 3  # characters each side of a gap the segmenter reads


def written_together(text: str, gap: Span, pieces: tuple[tuple[int, int], ...] = WORD_PIECES,
                     besides: Span | None = None) -> bool:
    """Whether the text writes the characters on both sides of ``gap`` together elsewhere
    nearby: for each (before, after) of ``pieces``, that many characters joined across the gap,
    found somewhere not starting inside ``besides`` (a stretch that may restate the words on
    purpose). A space that splits a word leaves the word whole in other places; a space that
    stands for a comma or a line break between two phrases seldom has them run together."""
    lo, hi = max(0, gap.start - _REACH), gap.end + _REACH
    # Every piece holds the two characters next to the gap: when the text never writes those
    # two together nearby, no piece is there either (one search instead of one per piece).
    core = text[max(0, gap.start - 1) : gap.start] + text[gap.end : gap.end + 1]
    if all(before and after for before, after in pieces) and text.find(core, lo, hi) == -1:
        return False
    for before, after in pieces:
        joined = text[max(0, gap.start - before) : gap.start] + text[gap.end : gap.end + after]
        if len(joined) != before + after or not _HAN_RUN.fullmatch(joined):
            continue
        found = text.find(joined, lo, hi)
        while found >= 0:
            if besides is None or not besides.start <= found < besides.end:
                return True
            found = text.find(joined, found + 1, hi)
    return False


def joins_a_word(text: str, gap: Span, *, unsure: bool = False) -> bool:
    """Whether the characters on both sides of ``gap`` make one dictionary word once the gap
    is closed (技术监 控: 监控; 超过有效  期: 有效期): the gap splits a word, though the text
    may not write that word anywhere else. A character standing alone between the gap and
    another space belongs to a word spaced out on purpose (a padded label, 邮 编; a heading,
    总　则), not split. Without the segmenter the answer is ``unsure``."""
    if _spaced_out(text, gap):
        return False
    if not segmenter.available():
        return unsure
    left = text[max(0, gap.start - _WORD_SIDE) : gap.start]
    right = text[gap.end : gap.end + _WORD_SIDE]
    return any(first < len(left) < last for _, first, last in segmenter.words(left + right))


def _spaced_out(text: str, gap: Span) -> bool:
    """One character stands alone between ``gap`` and another space (or a line's edge)."""
    before, after = gap.start - 1, gap.end
    if before >= 0 and (before == 0 or text[before - 1].isspace()):
        return True
    return after < len(text) and (after + 1 == len(text) or text[after + 1].isspace())


def splits_a_word(text: str, gap: Span) -> bool:
    """Whether ``gap`` splits a word: the text writes the characters on both sides of it
    together elsewhere, or the dictionary knows them as one word."""
    return written_together(text, gap) or joins_a_word(text, gap)
