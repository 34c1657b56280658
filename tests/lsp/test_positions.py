"""Code points to LSP positions: UTF-16 by default, UTF-8 and UTF-32 when negotiated."""

from __future__ import annotations

import pytest

from doclint.lsp.positions import UTF8, UTF16, UTF32, PositionMap, units


def test_astral_characters_take_two_utf16_units() -> None:
    text = "𠀀各单位:\n经研究"
    positions = PositionMap(text)
    assert positions.position(text.index(":")) == (0, 5)
    assert positions.offset(0, 5) == text.index(":")
    assert positions.position(text.index("研")) == (1, 1)


@pytest.mark.parametrize(("encoding", "column"), [(UTF8, 4 + 3 * 3), (UTF16, 5), (UTF32, 4)])
def test_each_position_encoding(encoding: str, column: int) -> None:
    text = "𠀀各单位:"
    positions = PositionMap(text, encoding)
    assert positions.position(4) == (0, column)
    assert positions.offset(0, column) == 4
    assert units(text[:4], encoding) == column


def test_lines_break_where_lsp_breaks_them() -> None:
    # CRLF and CR end lines; U+2028, form feed and NEL do not (str.splitlines would break).
    text = "甲\r\n乙\r丙\u2028丁\x0c戊\x85己\n"
    positions = PositionMap(text)
    assert positions.position(text.index("乙")) == (1, 0)
    assert positions.position(text.index("丙")) == (2, 0)
    assert positions.position(text.index("己")) == (2, 6)
    assert positions.position(len(text)) == (3, 0)  # after the final line break


def test_positions_past_a_line_end_are_clamped() -> None:
    text = "甲乙\r\n丙"
    positions = PositionMap(text)
    assert positions.offset(0, 99) == 2  # before the CRLF, never inside it
    assert positions.offset(7, 0) == len(text)
    assert positions.offset(-1, 3) == 0
