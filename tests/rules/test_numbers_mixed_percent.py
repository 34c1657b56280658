"""N301's message: the majority form and its count, or both counts when the forms tie."""

from __future__ import annotations

import pytest

from doclint.testing import lint_text, spans


@pytest.mark.parametrize(("text", "span", "zh"), [
    # the minority sign against the majority
    ("城镇化率提高到58.2%，研发投入强度达到2.1%，森林覆盖率为31.6％。", (1, 37, 1, 38),
     "百分号写法不统一：此处用“％”，全文多用“%”（2处）。"),
    # one sign of each is a tie, not a majority
    ("城镇化率提高到58.2%，森林覆盖率为31.6％。", (1, 24, 1, 25),
     "百分号写法不统一：“%”和“％”各用1处，此处用“％”；按标准统一为半角“%”。"),
])
def test_the_message_names_the_counts(text: str, span: tuple[int, int, int, int],
                                      zh: str) -> None:
    found = lint_text("N301", text)
    assert spans(found) == [span]
    assert found[0].message.zh == zh


def test_a_tie_in_english() -> None:
    found = lint_text("N301", "城镇化率提高到58.2%，森林覆盖率为31.6％。")
    assert found[0].message.en == (
        "Inconsistent percent sign: “%” and “％” once each, “％” here; use the half-width “%”.")
