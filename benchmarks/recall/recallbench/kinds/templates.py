"""Template leftovers: names, years, dates, figures and list items left as XX, ××, 某某, 、、."""

from __future__ import annotations

from collections.abc import Iterator
from random import Random

import regex

from recallbench.corpus import Doc
from recallbench.kinds.base import Cand, kind
from recallbench.kinds.places import divisions
from recallbench.plant import Edit, insert
from recallbench.text import boundaries, prose, shuffled

_MARKS = ["XX", "××", "XXX", "xx", "某某"]


def _place(doc: Doc, rng: Random) -> Iterator[Cand]:
    """A county, city or province name blanked: XX县, ××市, 某某区."""
    names = divisions().pattern
    for match in shuffled(list(names.finditer(doc.text)), rng)[:4]:
        name = match.group()
        mark = rng.choice(_MARKS)
        yield Cand([Edit(match.start(), match.end() - 1, mark)], [(match.start(), match.end())],
                   f"{name} -> {mark}{name[-1]}")


_PERSON_SAY = ["刚才，{m}同志通报了有关情况", "{m}书记对做好这项工作提出了明确要求",
               "由{m}副县长牵头，相关部门配合", "请{m}局长会后抓好落实",
               "会议由{m}主持", "{m}县长代表县政府作了表态发言"]


def _person(doc: Doc, rng: Random) -> Iterator[Cand]:
    spots = [(p, at) for p in prose(doc, 30) for at in boundaries(doc, p)]
    for _, at in shuffled(spots, rng)[:3]:
        sentence = rng.choice(_PERSON_SAY).format(m=rng.choice(_MARKS))
        yield Cand([insert(at, sentence + "。")], [(at, at)], sentence)


_YEAR = regex.compile(r"(?<![0-9])20[0-9]{2}(?=年)")
_DATE = regex.compile(r"(?<![0-9])(?P<m>1[0-2]|[1-9])月(?P<d>3[01]|[12][0-9]|[1-9])日")
_FIGURE = regex.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?=万元|亿元|万人|个|家|%|项|户|人)")
_LIST = regex.compile(r"(?<=[^\p{Han}、]|^)(?P<a>\p{Han}{2,6})、(?P<b>\p{Han}{2,6})、(?P<c>\p{Han}{2,6})"
                      r"(?=等|和|及|、|，|。)")


def _shape(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        text = doc.text
        if how == "year":
            for m in shuffled(list(_YEAR.finditer(text)), rng)[:4]:
                new = rng.choice(["20XX", "20××", "20xx", "XXXX"])
                yield Cand([Edit(m.start(), m.end(), new)], [(m.start(), m.end())],
                           f"{m.group()}年 -> {new}年")
        elif how == "date":
            for m in shuffled(list(_DATE.finditer(text)), rng)[:4]:
                new = rng.choice(["X月X日", "×月×日", "XX月XX日", "x月x日"])
                yield Cand([Edit(m.start(), m.end(), new)], [(m.start(), m.end())],
                           f"{m.group()} -> {new}")
        elif how == "figure":
            for m in shuffled(list(_FIGURE.finditer(text)), rng)[:4]:
                new = rng.choice(["XX", "××", "X"])
                yield Cand([Edit(m.start(), m.end(), new)], [(m.start(), m.end())],
                           f"{m.group()} -> {new}")
        else:  # list items left blank: 、、
            for m in shuffled(list(_LIST.finditer(text)), rng)[:4]:
                if how == "list-middle":
                    edit = Edit(m.start("b"), m.end("b"), "")
                else:
                    edit = Edit(m.start("a"), m.end("c"), "、、")
                yield Cand([edit], [(m.start(), m.end())], f"{m.group()} -> blanks")

    return variant


placeholder = kind("placeholder", "placeholder",
                   "a template slot left unfilled: XX书记, 某某, 20XX年, X月X日, 、、")
placeholder.variants.update({
    "place": _place,
    "person": _person,
    "year": _shape("year"),
    "date": _shape("date"),
    "figure": _shape("figure"),
    "list-middle": _shape("list-middle"),
    "list-all": _shape("list-all"),
})

KINDS = [placeholder]
