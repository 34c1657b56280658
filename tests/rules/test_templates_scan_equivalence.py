"""Scans of the template rules that try a pattern only where a match can start: each answers
exactly what ``matches_at_least`` over the whole-text ``finditer`` answered, on generated
strings dense in the cases that matter (figures, separators, line breaks, marks)."""

from __future__ import annotations

import random

import pytest
import regex

from doclint.core.lazyregex import matches_at_least
from doclint.rules.templates.link_lists import (
    _ANY_DATE,
    _HEADER,
    _HEADER_AFTER_BREAK,
    _dates_at_least,
    _headers,
)
from doclint.rules.templates.markup import _MARKDOWN_LINE, _MARKDOWN_TITLE, _is_markdown
from doclint.rules.templates.scan import matches_at_least_from


def _strings(seed: int, pieces: list[str], count: int = 20000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_dates_are_counted_as_by_the_whole_text_scan(count: int) -> None:
    pieces = [*"0123456789-/.年 \n", "１", "٣", "01-24", "2023-01-24", "2023/1/", "12-"]
    strings = _strings(7, pieces)
    expected = [matches_at_least(_ANY_DATE, s, count) for s in strings]
    assert 1000 < sum(expected) < len(strings) - 1000
    assert [_dates_at_least(s, count) for s in strings] == expected


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.path = "<test>"


def test_markdown_is_told_as_by_the_whole_text_scan() -> None:
    pieces = [*"#\n\r \t]()a中", "](http://", "](https://", "# ", "## 标题", "\n# "]
    strings = _strings(11, pieces)
    expected = [bool(_MARKDOWN_TITLE.match(s)) or matches_at_least(_MARKDOWN_LINE, s, 2)
                for s in strings]
    assert 1000 < sum(expected) < len(strings) - 1000
    assert [_is_markdown(_Doc(s)) for s in strings] == expected  # type: ignore[arg-type]


def test_a_pattern_is_tried_only_at_the_starts_given_in_text_order() -> None:
    pattern = regex.compile(r"ab|b")
    assert matches_at_least_from(pattern, "abab", [2, 0, 0], 2)
    assert not matches_at_least_from(pattern, "abab", [0, 1, 2], 3)  # "b" at 1 is inside "ab"
    assert matches_at_least_from(pattern, "abb", [2, 1], 2)
    assert not matches_at_least_from(pattern, "abb", [], 1)


def test_article_headers_are_found_as_by_the_whole_text_scan() -> None:
    def scanned(text: str) -> list[tuple[int, int]]:
        found = _HEADER.match(text)
        spans = [] if found is None else [found.span()]
        begin = 0 if found is None else found.end()
        for after_break in _HEADER_AFTER_BREAK.finditer(text, begin):
            header = _HEADER.match(text, after_break.start() + 1)
            assert header is not None
            spans.append(header.span())
        return spans

    pieces = [*"\n\r \u3000：:1", "\n时间：", "\n 发布日期:", "日期：", "时间", " 作者：某",
              "来源：某网", "\n阅读：12", "\n评论：", "\n3", "正文。"]
    strings = _strings(13, pieces)
    expected = [scanned(s) for s in strings]
    assert 2000 < sum(map(len, expected))
    assert [[m.span() for m in _headers(s)] for s in strings] == expected
