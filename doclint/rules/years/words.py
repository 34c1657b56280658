"""Word boundaries, so that a marker is not read inside a longer word.

``创新发展理念`` holds the letters of ``新发展理念`` but not the word; ``应急管理部门`` is a
department of any level, not ``应急管理部``. The shared segmenter (:mod:`doclint.core.segmenter`)
cuts the few characters around a match; the match must start and end where words do. It is
imported only when a match has an end between two Han characters; without it every match is
taken as it is.
"""

from __future__ import annotations

import regex

from doclint.core import segmenter

_CONTEXT = 8
_HAN = regex.compile(r"\p{Han}")
# A numbered congress ends its name whatever follows: the segmenter reads 大将, 大胜, 大力 as
# words, yet 党的二十一大将于…召开 names the congress.
_CONGRESS_END = regex.compile(r"[一二三四五六七八九十][一二三四五六七八九十]大$")


def at_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts and ends at word boundaries."""
    inner = [offset for offset in (start, end) if _inside_han(text, offset)
             and not (offset == end and _CONGRESS_END.search(text, max(0, end - 3), end))]
    if not inner:
        return True
    if not segmenter.available():
        return True
    low = max(0, start - _CONTEXT)
    high = min(len(text), end + _CONTEXT)
    # Search mode also cuts long words into the words they hold (认真贯彻: 认真|贯彻), and without
    # the HMM guesser no unknown “word” is made up (十七大对 is not 十七|大对): only a match that
    # starts or ends inside a dictionary word (创|新, 部|门) is refused.
    cuts = segmenter.search_cuts(text[low:high])
    return all(offset - low in cuts for offset in inner)


def _inside_han(text: str, offset: int) -> bool:
    """Whether ``offset`` falls between two Han characters (elsewhere a word always ends)."""
    return (0 < offset < len(text) and _HAN.match(text, offset - 1) is not None
            and _HAN.match(text, offset) is not None)
