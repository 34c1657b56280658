"""Whether a text writes elsewhere, as one word, the characters a space separates: the test
that tells a word split by a stray space from two phrases a space sets apart on purpose."""

from __future__ import annotations

from doclint.core import Span
from doclint.core.lazyregex import lazy_regex

_HAN_RUN = lazy_regex(r"\p{Han}+")
_REACH = 8_000
# Four characters across a space: three and one, two and two, one and three.
WORD_PIECES = ((3, 1), (2, 2), (1, 3))


def written_together(text: str, gap: Span, pieces: tuple[tuple[int, int], ...] = WORD_PIECES,
                     besides: Span | None = None) -> bool:
    """Whether the text writes the characters on both sides of ``gap`` together elsewhere
    nearby: for each (before, after) of ``pieces``, that many characters joined across the gap,
    found somewhere not starting inside ``besides`` (a stretch that may restate the words on
    purpose). A space that splits a word leaves the word whole in other places; a space that
    stands for a comma or a line break between two phrases seldom has them run together."""
    lo, hi = max(0, gap.start - _REACH), gap.end + _REACH
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
