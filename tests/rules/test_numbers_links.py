"""The N family's linking: which numbers a passage relates, and what the rules make of it."""

from __future__ import annotations

from doclint.core import Document
from doclint.rules.numbers.links import NumberLinks
from doclint.testing import lint_text

# A county review and plan in the manner of the scraped speeches (numbers made up): years
# anonymised to one value, a review under 这五年, a plan under 今后五年.
SPEECH = (
    "这五年，是全县经济快速发展的五年。2024年，全县地区生产总值实现30.5亿元，比“十五”期末增长"
    "12.4亿元，年均递增11%，其中，第一产业增加值实现12亿元，第二产业增加值实现9.8亿元，第三产业"
    "增加值实现8.7亿元。财政收入由2024年的8126万元增加到2024年的11350万元，年均递增5%。三次产业"
    "结构由“十五”期末的55：20：25调整到39：33：28。工业在国民经济中的比重达到13.7 %。\n"
    "今后五年，全县发展的主要目标是：全县地区生产总值达到80亿元，年均递增22.3%；财政收入达到"
    "3.5亿元，年均递增27%。全部工业完成税收9000万元，同比增长35；占全县财政收入的60以上。\n"
)


def links() -> NumberLinks:
    return Document.from_text(SPEECH).facts(NumberLinks)


def codes(code: str) -> list[str]:
    return [SPEECH[d.span.start : d.span.end] for d in lint_text(code, SPEECH)]


def test_review_with_anonymised_years_takes_n_from_the_period() -> None:
    revenue = next(g for g in links().annual if g.label == "财政收入" and not g.target)
    assert revenue.years == 5
    assert revenue.start is not None and revenue.start.text == "8126万元"
    assert revenue.end is not None and revenue.end.text == "11350万元"
    # The period phrase that opens the paragraph; “十五”期末 is a point in time, not a period.
    assert SPEECH[revenue.years_from[0].start : revenue.years_from[0].end] == "这五年"


def test_increase_chain_gives_the_start() -> None:
    gdp = next(g for g in links().annual if g.label == "地区生产总值" and not g.target)
    assert gdp.increase is not None and gdp.increase.text == "12.4亿元"
    assert gdp.real  # GDP grows in real terms: the review is not checked


def test_plan_targets_start_from_the_last_stated_value() -> None:
    targets = {g.label: g for g in links().annual if g.target}
    assert targets["地区生产总值"].start is not None
    assert targets["地区生产总值"].start.text == "30.5亿元"
    assert targets["财政收入"].start is not None and targets["财政收入"].start.text == "11350万元"


def test_breakdown_and_structure() -> None:
    (breakdown,) = links().breakdowns
    assert breakdown.total.text == "30.5亿元" and breakdown.complete
    (structure,) = links().structures
    assert SPEECH[structure.ratio.span.start : structure.ratio.span.end] == "39：33：28"
    assert [r.superseded for r in links().ratios] == [True, False]


def test_what_the_rules_report_on_the_speech() -> None:
    # 8126万元 × 1.05^5 = 10371万元, not 11350万元; the targets: 30.5 × 1.223^5 = 83.7, not 80,
    # and 1.135 × 1.27^5 = 3.73, not 3.5.
    assert codes("N105") == ["5%", "22.3%", "27%"]
    # 12 + 9.8 + 8.7 = 30.5: quiet. 12/30.5 = 39.3, 9.8/30.5 = 32.1 (stated 33), 8.7 → 28.5.
    assert codes("N102") == []
    assert codes("N107") == ["39：33：28"]
    assert codes("N201") == ["35", "60"]
    assert codes("N303") == [" "]
    assert codes("N101") == []


def test_corrected_speech_is_quiet() -> None:
    corrected = (SPEECH.replace("年均递增5%", "年均递增6.9%")
                 .replace("年均递增22.3%", "年均递增21.3%")
                 .replace("年均递增27%", "年均递增25.3%")
                 .replace("39：33：28", "39：32：29").replace("同比增长35", "同比增长35%")
                 .replace("的60以上", "的60%以上").replace("13.7 %", "13.7%"))
    for code in ("N101", "N102", "N103", "N104", "N105", "N106", "N107", "N201", "N303"):
        assert lint_text(code, corrected) == [], code


def test_cumulative_growth_message_prints_the_values_apart() -> None:
    # 1.125^5 = 1.802 against 1.786: at two decimals (1.8 and 1.79) they look within ±0.01.
    text = "2023年，全市工业销售收入135.7亿元，比2018年增长78.6%，年均递增12.5%。"
    (finding,) = lint_text("N105", text)
    assert "1.802 倍" in finding.message.zh and "1.786 倍" in finding.message.zh
    assert "±0.013" in finding.message.zh
