"""N301's message: the majority form and its count, or both counts when the forms tie."""

from __future__ import annotations

from doclint.testing import lint_text, spans


def test_the_minority_sign_is_reported_against_the_majority() -> None:
    text = "城镇化率提高到58.2%，研发投入强度达到2.1%，森林覆盖率为31.6％。"
    found = lint_text("N301", text)
    assert spans(found) == [(1, 37, 1, 38)]
    assert found[0].message.zh == "百分号写法不统一：此处用“％”，全文多用“%”（2处）。"


def test_one_sign_of_each_is_a_tie_not_a_majority() -> None:
    text = "城镇化率提高到58.2%，森林覆盖率为31.6％。"
    found = lint_text("N301", text)
    assert spans(found) == [(1, 24, 1, 25)]
    assert found[0].message.zh == "百分号写法不统一：“%”和“％”各用1处，此处用“％”；按标准统一为半角“%”。"
    assert found[0].message.en == (
        "Inconsistent percent sign: “%” and “％” once each, “％” here; use the half-width “%”.")
