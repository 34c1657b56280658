"""The lead two occurrences of a repeated passage share before the units that matched.

Repeats are matched unit by unit (sentences keyed without white space), so a passage written
again under another label (``调研情况：一是…`` and ``问题分析：一是…``) matches only from its second
sentence on: its first sentence holds the label. Read back from both occurrences, the same
characters stand before them up to the labels' colons; the repeat starts there.
"""

from __future__ import annotations

# Where a clause starts: after a label's colon, a sentence's end, a line break.
_BOUNDARY = frozenset("：:。！？!?；;\n")
_REACH = 400  # characters read back: a long first sentence
_INDENT = frozenset(" \t\u3000\u00a0")


def common_lead(text: str, here: int, there: int, floor: int) -> int:
    """How many characters right before ``here`` repeat those right before ``there`` (``there``
    < ``here``), counted back to a clause's start that both share and without the indent it
    opens with; 0 when they part inside their clause. The lead of ``here`` does not reach back
    to ``floor`` (the end of the earlier occurrence, or of a repeat reported before)."""
    length = _shared_clauses(text, here, there, floor)
    while length and text[here - length] in _INDENT:
        length -= 1
    return length


def _shared_clauses(text: str, here: int, there: int, floor: int) -> int:
    length = last_boundary = 0
    while length < _REACH and length < there and here - length - 1 >= floor:
        char = text[here - length - 1]
        if char != text[there - length - 1]:
            return last_boundary
        if char == "\n":
            return length
        if char in _BOUNDARY:
            last_boundary = length
        length += 1
    if length == there:
        return length  # the earlier one opens the text: the later one starts as it does
    return last_boundary
