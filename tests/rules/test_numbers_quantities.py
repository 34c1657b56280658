"""The N family's shared extraction: numerals, quantities, intervals."""

from __future__ import annotations

import math

import pytest

from doclint.core import Document
from doclint.rules.numbers.interval import Interval
from doclint.rules.numbers.numerals import chinese_to_number, digit_string_year
from doclint.rules.numbers.quantities import (
    AMOUNT,
    BARE,
    DURATION,
    PERCENT,
    POINTS,
    TIMES,
    YEAR,
    Quantities,
    Quantity,
)


def quantities(text: str) -> list[Quantity]:
    return Document.from_text(text).facts(Quantities).within(0, len(text))


def only(text: str) -> Quantity:
    found = [q for q in quantities(text) if q.kind != YEAR]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("numeral", "value"), [
    ("十", 10), ("十二", 12), ("一百零五", 105), ("一千二百三十四", 1234), ("两千", 2000),
    ("十二万", 120_000), ("一万零五百", 10_500), ("三亿五千万", 350_000_000),
    ("九万五千九百三十三", 95_933), ("二十点五", 20.5), ("九点三", 9.3), ("二〇〇五", 2005),
])
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert chinese_to_number(numeral) == value


def test_chinese_numerals_agree_with_cn2an() -> None:
    cn2an = pytest.importorskip("cn2an")
    numerals = ("一百二十三", "三千零五", "四十五万六千", "一亿零二百万", "七十八点九",
                "两千零一十")
    for numeral in numerals:
        assert chinese_to_number(numeral) == pytest.approx(cn2an.cn2an(numeral, "smart"))


def test_colloquial_abbreviation_and_bad_numerals() -> None:
    assert chinese_to_number("一万二") == 12_000
    assert chinese_to_number("三百五") == 350
    assert chinese_to_number("十分") is None
    assert chinese_to_number("") is None


def test_digit_string_years() -> None:
    assert digit_string_year("二〇〇五") == 2005
    assert digit_string_year("二００一") == 2001
    assert digit_string_year("一九八九") == 1989
    assert digit_string_year("二〇〇") is None


def test_magnitudes_normalise() -> None:
    small, large = only("9722万元"), only("0.9722亿元")
    assert small.comparable(large)
    assert small.base == pytest.approx(large.base) == pytest.approx(97_220_000)
    assert only("1.4万户").base == pytest.approx(14_000) and only("1.4万户").unit == "户"
    assert only("5千米").unit == only("5公里").unit == "公里"


def test_kinds_are_kept_apart() -> None:
    assert only("增长35%").kind == PERCENT
    assert only("提高2个百分点").kind == POINTS
    assert only("增长3.2倍").kind == TIMES
    assert only("增长35；").kind == BARE
    assert only("20.48亿元").kind == AMOUNT
    assert not only("增长35%").comparable(only("提高35个百分点"))


def test_chinese_percentages_and_fractions() -> None:
    assert only("增长百分之二十").value == 20 and only("增长百分之二十").kind == PERCENT
    assert only("增长百分之九点三").value == pytest.approx(9.3)
    assert only("占三分之一").value == pytest.approx(100 / 3)
    assert only("人口占全盟近1/4").value == 25 and only("人口占全盟近1/4").approx == "below"
    assert only("增长近两倍").kind == TIMES and only("增长近两倍").value == 2


def test_full_width_digits_and_grouping() -> None:
    q = only("收入合计２７，２０３，３１９，０００元")
    assert q.value == 27_203_319_000 and q.text == "２７，２０３，３１９，０００元"
    assert only("增长３．６８％").value == pytest.approx(3.68)
    assert only("社会商品零售总额1，753亿元").value == 1753


def test_printed_precision_sets_the_interval() -> None:
    q = only("20.48亿元")
    assert q.step == pytest.approx(0.01)
    assert q.interval().lo == pytest.approx(20.475e8) and q.interval().hi == pytest.approx(20.485e8)
    # An integer with trailing zeros trusts two significant digits.
    assert only("9000万元").step == 100
    assert only("55亿元").step == 1


@pytest.mark.parametrize(("text", "approx"), [
    ("约50亿元", "about"), ("50亿元左右", "about"), ("近50亿元", "below"), ("超过50亿元", "above"),
    ("60%以上", "above"), ("7万多人", "above"), ("3000余人", "above"), ("不足50亿元", "below"),
])
def test_approximation_words(text: str, approx: str) -> None:
    assert only(text).approx == approx


def test_approximation_widens() -> None:
    assert only("60%以上").interval().hi == math.inf
    about = only("约50亿元").interval()
    assert about.lo < 47.5e8 and about.hi > 52.5e8


def test_years_durations_ranges_ordinals_and_codes() -> None:
    found = quantities("2024年，五年来完成3年任务，投资5～10亿元，排名第9位，5G基站G331国道。")
    kinds = [(q.text, q.kind) for q in found]
    assert ("2024", YEAR) in kinds and ("3年", DURATION) in kinds
    ranged = [q for q in found if q.ranged]
    assert [q.text for q in ranged] == ["5", "10亿元"]
    assert [q.text for q in found if q.ordinal] == ["9"]
    assert all(q.text not in ("5G", "331") for q in found)


def test_negative_numbers_and_ranges() -> None:
    assert only("利润增长-3.2%").value == pytest.approx(-3.2)
    found = quantities("每年培训2000-3000人")
    assert [q.value for q in found] == [2000, 3000]


def test_format_candidates_are_sorted_out_in_one_pass() -> None:
    doc = Document.from_text("比重13.7 %，新增 52个，减少-5人，覆盖率112%，１２户，U+00A0")
    facts = doc.facts(Quantities)
    text = doc.text
    assert [text[facts.starts[i] : facts.ends[i]] for i in facts.spaced] == ["13.7", "52"]
    assert [text[facts.starts[i] : facts.ends[i]] for i in facts.signed] == ["5"]
    assert [text[facts.starts[i] : facts.ends[i]] for i in facts.hundreds] == ["112"]
    assert [text[facts.starts[i] : facts.ends[i]] for i in facts.fullwidth] == ["１２"]
    assert [text[facts.starts[i] : facts.ends[i]] for i in facts.coded] == ["00", "0"]


def test_interval_arithmetic() -> None:
    a, b = Interval(1, 2), Interval(3, 5)
    assert (a + b) == Interval(4, 7)
    assert (b - a) == Interval(1, 4)
    assert (a * b) == Interval(3, 10)
    assert (b / a) == Interval(1.5, 5)
    assert Interval(1.1, 1.2).power(2) == Interval(pytest.approx(1.21), pytest.approx(1.44))
    assert a.gap(b) == 1 and a.meets(Interval(2, 3))
