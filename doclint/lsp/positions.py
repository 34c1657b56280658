"""Code-point offsets to LSP positions and back.

doclint counts columns in code points (``str`` indices); LSP counts them in the code units of
the negotiated position encoding: UTF-16 unless the client offered another (LSP 3.17
``general.positionEncodings``). Lines break at ``\\n``, ``\\r\\n`` and ``\\r`` only, as LSP
says and as ``doclint.core.document.LineIndex`` does (``str.splitlines`` would also break
at U+2028, form feeds and others, and disagree with the editor). Unlike ``LineIndex``, a text
ending with a line break has an empty last line here: LSP can point after the final break.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n?|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class PositionMap:
    """Offsets into one text (code points) to ``(line, character)`` pairs, both 0-based."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0]
        self._ends = []  # where each line's content ends, before its line break
        for match in _BREAK.finditer(text):
            self._ends.append(match.start())
            self._starts.append(match.end())
        self._ends.append(len(text))

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position; past a line's end means its end (as LSP asks)."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[line], self._ends[line]
        if self.encoding == UTF32:
            return min(start + character, end)
        counted = 0
        for offset in range(start, end):
            if counted >= character:
                return offset
            counted += units(self.text[offset], self.encoding)
        return end

