"""A pattern's prefilter is kept between runs: the kept answer is the one analysing gives,
it is served without analysing again, and it survives a round trip through the store."""

from __future__ import annotations

import pytest

from doclint.core import buildcache, prefilter
from doclint.core.prefilter import Prefilter, analyse

PATTERNS = [
    r"同比增长[0-9]+(?:\.[0-9]+)?(?![%％0-9.])",
    r"^(?:第[一二三四五六七八九十]+[章节条])",
    r"“十[一二三四]五”(?:规划|时期)",
    r"(?:当前位置|您的位置)[：:>]",
    r"\p{Han}{2,}[ \u3000]+\p{Han}",
    r"(?s)开局之年.*?收官",
]


@pytest.fixture(autouse=True)
def _fresh_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table of this test's own, in its private cache folder: not the one the process read
    at collection time, nor what earlier tests added to it."""
    monkeypatch.setattr(prefilter, "_KEPT", buildcache.KeptTable(
        prefilter._kept_path, prefilter._kept_header, 5000))


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_kept_answer_is_the_analysis(pattern: str) -> None:
    assert analyse(pattern) == prefilter._analysed(pattern)
    assert Prefilter(*prefilter._KEPT.get(pattern)) == prefilter._analysed(pattern)


def test_a_kept_answer_is_served_without_analysing(monkeypatch: pytest.MonkeyPatch) -> None:
    first = analyse(PATTERNS[0])

    def fail(pattern: str) -> Prefilter:
        raise AssertionError(f"analysed again: {pattern}")

    monkeypatch.setattr(prefilter, "_analysed", fail)
    assert analyse(PATTERNS[0]) == first


def test_the_answers_survive_the_store() -> None:
    for pattern in PATTERNS:
        analyse(pattern)
    prefilter._KEPT.save()
    reread = buildcache.KeptTable(prefilter._kept_path, prefilter._kept_header, 5000)
    for pattern in PATTERNS:
        assert Prefilter(*reread.get(pattern)) == prefilter._analysed(pattern)
