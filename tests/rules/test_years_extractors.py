"""The Y family's shared extractors: years, dates and five-year-plan periods."""

from __future__ import annotations

from doclint.core import Document
from doclint.rules.years.dates import DateFacts
from doclint.rules.years.mentions import YearFacts, plan_years


def _facts(text: str) -> YearFacts:
    return Document.from_text(text).facts(YearFacts)


def _texts(text: str, items) -> list[str]:
    return [text[i.start:i.end] for i in items]


def test_single_years_and_groups() -> None:
    text = "2019年，2021—2025年，2024年至2026年，2022、2023年，2022年和2023年"
    facts = _facts(text)
    assert _texts(text, facts.groups) == ["2021—2025年", "2024年至2026年", "2022、2023年",
                                          "2022年和2023年"]
    assert [g.is_range for g in facts.groups] == [True, True, False, False]
    assert [m.value for m in facts.mentions] == [2019, 2021, 2025, 2024, 2026, 2022, 2023, 2022, 2023]


def test_three_part_list_is_one_group() -> None:
    text = "2024年、2025年和2026年"
    facts = _facts(text)
    assert len(facts.groups) == 1
    assert facts.groups[0].separators == ("、", "和")
    assert [m.group for m in facts.mentions] == [0, 0, 0]


def test_not_years() -> None:
    text = "国发〔2018〕128号，GB/T 9704-2012，2024-04-24，增长2024个，编号A2019年"
    assert _facts(text).mentions == []


def test_fullwidth_and_chinese_years() -> None:
    text = "１９９０年３月，二〇二四年，一九九○年，二零零八年"
    facts = _facts(text)
    assert [(m.value, m.chinese) for m in facts.mentions] == [
        (1990, False), (2024, True), (1990, True), (2008, True)]


def test_abbreviated_years() -> None:
    text = "08年8月，12年底，工作12年，80年代，第12年度"
    assert _texts(text, _facts(text).abbreviated) == ["08年", "12年"]


def test_relative_years_and_stretches() -> None:
    text = "今年和去年，比上年增长，以上年度，明年，五年来，近三年，连续三年，过去五年，今后五年"
    facts = _facts(text)
    assert [(r.word, r.offset) for r in facts.relative] == [
        ("今年", 0), ("去年", -1), ("上年", -1), ("明年", 1)]
    stretches = [(s.text, s.years) for s in facts.stretches]
    assert stretches == [("五年来", 5), ("近三年", 3), ("连续三年", 3), ("过去五年", 5), ("今后五年", 5)]


def test_the_last_digit_of_a_year_is_no_stretch() -> None:
    text = "2023年中方举办论坛，二〇二三年中央召开会议，近3年来，十二年间"
    assert [(s.text, s.years) for s in _facts(text).stretches] == [("近3年来", 3), ("十二年间", 12)]


def test_plan_periods() -> None:
    text = "“十五”时期，十一五期间，“十四五”规划，第十五届，二十五年，六五普法"
    facts = _facts(text)
    assert [(text[p.start:p.end], p.ordinal) for p in facts.plans] == [
        ("“十五”", 10), ("十一五", 11), ("“十四五”", 14)]
    assert plan_years(1) == (1953, 1957)
    assert plan_years(3) == (1966, 1970)
    assert plan_years(10) == (2001, 2005)
    assert plan_years(15) == (2026, 2030)


def test_dates() -> None:
    text = "（2024年4月24日）3月23日，二〇二四年四月二十四日，2024年4月24日（星期三），1—3月，三月份"
    dates = Document.from_text(text).facts(DateFacts).dates
    assert [(d.year, d.month, d.day, d.weekday, d.chinese) for d in dates] == [
        (2024, 4, 24, None, False), (None, 3, 23, None, False), (2024, 4, 24, None, True),
        (2024, 4, 24, 2, False), (None, 3, None, None, False)]
