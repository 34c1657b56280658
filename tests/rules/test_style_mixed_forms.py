"""T507's message: the majority form and its count, or both counts when the forms tie."""

from __future__ import annotations

from doclint.testing import lint_text, spans


def test_the_minority_form_is_reported_against_the_majority() -> None:
    text = "三次产业比例为60：16：24，上年为62：15：23，前年为34:35:31。"
    found = lint_text("T507", text)
    assert spans(found) == [(1, 32, 1, 40)]  # the whole ratio 34:35:31
    assert found[0].message.zh == "本篇比例的冒号写法不统一：多用“：”（2处），此处用“:”。"


def test_a_tie_names_both_counts() -> None:
    text = "国内生产总值（GDP）增长5%，居民消费价格(CPI)上涨2%。"
    found = lint_text("T507", text)
    assert spans(found) == [(1, 23, 1, 28)]  # (CPI)
    assert found[0].message.zh == (
        "本篇括注字母、数字的括号写法不统一：“（”与“(”各1处，此处用“(”，宜统一为“（”。")
