"""The line bounds the template rules share (doclint.rules.templates.scan)."""

import pytest

from doclint.rules.templates.scan import line_end, line_start

TEXT = "第一行\r\n第二行\n第三行\r第四行"


@pytest.mark.parametrize(("offset", "start", "end"), [
    (0, 0, 3),     # first line, CRLF after it
    (2, 0, 3),
    (3, 0, 3),     # on the carriage return itself
    (5, 5, 8),     # second line, LF only
    (9, 9, 12),    # third line, ends with a lone CR
    (13, 13, 16),  # last line, no break after it
    (16, 13, 16),  # the end of the text
])
def test_line_bounds_under_every_kind_of_break(offset: int, start: int, end: int) -> None:
    assert line_start(TEXT, offset) == start
    assert line_end(TEXT, offset) == end


def test_a_carriage_return_before_the_last_line_feed_is_not_a_bound() -> None:
    text = "甲\r乙\n丙丁"
    assert line_start(text, 5) == 4
    assert line_end(text, 0) == 1
    assert line_end(text, 2) == 3
