"""How T505 reads a place name in running text (doclint/rules/style/own_unit.py)."""

from __future__ import annotations

import pytest

from doclint.rules.style.divisions import divisions
from doclint.rules.style.own_unit import _full_names, _read_as_name


def _names(text: str, kind: str = "市") -> list[str]:
    return [m.unit.name for m in _full_names(text, 0, len(text), divisions(), kind, [])]


@pytest.mark.parametrize(
    "text",
    [
        "今年新增城市公园8处。",  # 新增|城市: no 增城市
        "主动顺应城市发展规律。",  # 顺应|城市: no 应城市
        "完成21项城市更新工程。",  # a numeral and its measure word: no 项城市
        "深度融入呼包鄂城市群。",  # 城市群 runs on past 鄂城
        "对接大南昌都市圈建设。",  # 都市圈: no 昌都市
        "全国十四个沿海城市率先开放。",  # 沿海|城市: no 海城市
        "推进滨江区块开发。",  # 区块: no 滨江区
    ],
)
def test_pieces_of_ordinary_words_are_no_names(text: str) -> None:
    assert _names(text) == [] and _names(text, "区") == []


def test_a_name_split_between_two_words_is_none() -> None:
    assert _names("天津市市长出席会议。") == ["天津市"]  # 天津市|市长: no 津市市


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议在增城市召开。", "增城市"),
        ("在盐城市委的领导下。", "盐城市"),
        ("由北京市人民政府主办。", "北京市"),
        ("中共上海市委召开会议。", "上海市"),
        ("河南省项城市经济稳步增长。", "项城市"),  # its province before it
        ("赶赴甘肃兰州市榆中县。", "兰州市"),  # a province's short name qualifies too
        ("本条例适用于海东市行政区域。", "海东市"),  # 于海东|市 leaves the suffix alone
    ],
)
def test_names_standing_as_words_are_read(text: str, name: str) -> None:
    assert name in _names(text)
    begin = text.index(name)
    assert _read_as_name(text, begin, begin + len(name), 0, len(text))
