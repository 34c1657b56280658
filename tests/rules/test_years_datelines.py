"""The text's own datelines (``year_roles.datelines``): a date that opens a line of the head or
the tail, not a date that opens a sentence of the narrative."""

from __future__ import annotations

import pytest

from doclint.core import Document
from doclint.rules.years.year_roles import datelines

_REVIEW = (
    "守正创新 久久为功\n2025-01-18 09:00\n——2024年某省推进作风建设综述\n"
    "{line}\n　　这一年，全省各级党组织以上率下，推动作风建设不断取得新成效。\n"
)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("　　2024年1月1日，修订后的条例正式施行，释放出越往后越严的信号。", []),
        ("　　2024年1月1日 ，修订后的条例正式施行。", []),
        ("　　2024年1月1日", ["2024年1月1日"]),
        ("（2024年1月1日）", ["2024年1月1日"]),
        ("——2024年1月1日在全省作风建设大会上的讲话", ["2024年1月1日"]),
    ],
)
def test_a_date_opening_a_sentence_is_no_dateline(line: str, found: list[str]) -> None:
    doc = Document.from_text(_REVIEW.format(line=line))
    # a short text's head is its tail too: a date may be found as both
    dates = sorted({m.group().strip(" \t\u3000—（()）") for m in datelines(doc, 2024)})
    assert dates == found


def test_without_a_page_date_a_date_opening_the_text_dates_it() -> None:
    doc = Document.from_text(
        "某市补助办法政策解读\n2019年10月8日，我局印发了《某市老旧车辆淘汰补助办法》，自印发之日起施行。\n"
    )
    assert [m.group().strip() for m in datelines(doc, 2019)] == ["2019年10月8日"]
