"""Style: acronym case, a speech speaking as another place, spaces inside Chinese, and
GB/T 15834 punctuation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from random import Random

import regex

from recallbench.corpus import Doc
from recallbench.kinds.base import Cand, kind
from recallbench.kinds.places import Unit, divisions
from recallbench.plant import Edit, insert
from recallbench.text import inner_gaps, prose, punctuated, shuffled, title

# ---------------------------------------------------------------- acronym case

_ACRONYMS = ["GDP", "CPI", "PPI", "PMI", "PM2.5", "PM10", "PPP", "PVC", "WTO", "GPS", "LED",
             "ETC", "ICU", "IPO", "APEC", "5G", "4G", "VR", "CEO", "CBD"]
_ACRONYM = regex.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(
    regex.escape(a) for a in sorted(_ACRONYMS, key=len, reverse=True)) + r")(?![A-Za-z0-9])")


def _case(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for m in shuffled(list(_ACRONYM.finditer(doc.text)), rng)[:4]:
            word = m.group()
            letters = regex.sub(r"[^A-Z]", "", word)
            if how == "title-case":
                if len(letters) < 2 or not word[0].isalpha():
                    continue
                new = word[0] + word[1:].lower()  # Gdp, Pm2.5
            else:
                new = word.lower()  # gdp, pvc, 5g
            yield Cand([Edit(m.start(), m.end(), new)], [(m.start(), m.end())], f"{word} -> {new}")

    return variant


acronym_case = kind("acronym-case", "case", "an acronym in the wrong case (Gdp, Pm2.5, pvc)")
acronym_case.variants.update({"title-case": _case("title-case"), "lower-case": _case("lower-case")})

# ---------------------------------------------------------------- another place

_SELF = {"县": "我县|全县|本县", "旗": "我旗|全旗|本旗", "市": "我市|全市|本市", "区": "我区|全区|本区"}


def own_unit(doc: Doc) -> tuple[Unit, list[regex.Match[str]]] | None:
    """The county or city a document speaks as: it calls itself 我县/全县 (我区, 全旗, 我市 …)
    at least three times, and of the places of that kind it names, one is named most (at least
    twice)."""

    def make() -> tuple[Unit, list[regex.Match[str]]] | None:
        table = divisions()
        selves = {k: len(regex.findall(words, doc.text)) for k, words in _SELF.items()}
        kind_char = max(selves, key=selves.__getitem__)
        if selves[kind_char] < 3:
            return None
        mentions = [m for m in table.pattern.finditer(doc.text) if m.group()[-1] == kind_char]
        counts = Counter(m.group() for m in mentions)
        if not counts:
            return None
        (name, n), *rest = counts.most_common()
        if n < 2 or any(k == n for _, k in rest):
            return None
        when = doc.year or 2015
        unit = max(table.by_name[name], key=lambda u: (
            u.first <= when <= u.last, (u.level == "prefecture") == (u.kind == "市"), u.last))
        if not unit.first <= when <= unit.last:
            return None  # the place was not (or no longer) a county or city then
        return unit, [m for m in mentions if m.group() == name]

    cache = doc.__dict__.setdefault("_memo", {})
    if "own" not in cache:
        cache["own"] = make()
    return cache["own"]  # type: ignore[no-any-return]


def _foreign(unit: Unit, year: int | None, rng: Random) -> Unit:
    """A place of the same level and kind elsewhere: another prefecture's county (another
    province's city), that existed in the document's year."""
    when = year or 2015
    pool = [u for u in divisions().units if u.level == unit.level and u.kind == unit.kind
            and u.first <= when <= u.last and u.name != unit.name
            and (u.parent != unit.parent if unit.level == "county" else u.province != unit.province)]
    return rng.choice(pool)


def _entity(how: str, level: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        found = own_unit(doc)
        if found is None or found[0].level != level:
            return
        unit, mentions = found
        span = title(doc)
        head = doc.line_of(span[0]) if span else 0
        if how == "self-reference":
            spots = [m for m in regex.finditer(_SELF[unit.kind], doc.text)
                     if doc.line_of(m.start()) > head]
        else:
            spots = [m for m in mentions if doc.line_of(m.start()) > head]
        for m in shuffled(spots, rng)[:6]:
            other = _foreign(unit, doc.year, rng)
            yield Cand([Edit(m.start(), m.end(), other.name)], [(m.start(), m.end())],
                       f"{m.group()} ({unit.province}{unit.parent}) -> {other.name} "
                       f"({other.province}{other.parent})")

    return variant


entity_mix = kind("entity-mix", "entity-mix",
                  "a county speech naming a county of another prefecture as its own",
                  per_doc=12)
entity_mix.variants.update({
    "name-swapped": _entity("name", "county"),
    "self-reference": _entity("self-reference", "county"),
})
entity_mix_city = kind("entity-mix-city", "entity-mix",
                       "a city's document naming a city of another province as its own",
                       per_doc=12)
entity_mix_city.variants.update({
    "name-swapped": _entity("name", "prefecture"),
    "self-reference": _entity("self-reference", "prefecture"),
})

# ---------------------------------------------------------------- spaces inside Chinese


def _space(space: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if not punctuated(doc) and len(doc.lines) > 3:
            return
        for para in shuffled(prose(doc, 20), rng)[:4]:
            at = next(inner_gaps(doc, para, rng, 4), None)
            if at is None:
                continue
            if space == "after-comma":
                commas = [m.end() for m in regex.finditer(r"，(?=\p{Han})",
                                                          doc.text[para.body:para.end])]
                if not commas:
                    continue
                at = para.body + rng.choice(commas)
                gap = " "
            else:
                gap = space
            yield Cand([insert(at, gap)], [(at - 1, at + 1)],
                       f"{gap!r} in …{doc.text[at - 4:at + 4]}")

    return variant


space_in_chinese = kind("space-in-chinese", "spacing", "a stray space between Chinese characters")
space_in_chinese.variants.update({
    "ascii": _space(" "),
    "ideographic": _space("\u3000"),
    "double": _space("  "),
    "after-comma": _space("after-comma"),
})

# ---------------------------------------------------------------- punctuation (GB/T 15834)

_BETWEEN = r"(?<=\p{{Han}}){mark}(?=\p{{Han}})"


def _swap(mark: str, new: str):  # type: ignore[no-untyped-def]
    pattern = regex.compile(_BETWEEN.format(mark=regex.escape(mark)))

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for m in shuffled(list(pattern.finditer(doc.text)), rng)[:4]:
            yield Cand([Edit(m.start(), m.end(), new)], [(m.start() - 1, m.end() + 1)],
                       f"{mark} -> {new}")

    return variant


_PAIR = {"quote": ("“", "”"), "book": ("《", "》"), "paren": ("（", "）")}


def _pair(which: str, how: str):  # type: ignore[no-untyped-def]
    left, right = _PAIR[which]
    pattern = regex.compile(regex.escape(left) + r"(?P<in>[^" + regex.escape(left + right)
                            + r"\n]{1,30})" + regex.escape(right))

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for m in shuffled(list(pattern.finditer(doc.text)), rng)[:4]:
            if not regex.search(r"\p{Han}", m.group("in")):
                continue
            if how == "unbalanced":
                edit = [Edit(m.end() - 1, m.end(), "")]
            elif which == "quote":
                edit = [Edit(m.start(), m.start() + 1, '"'), Edit(m.end() - 1, m.end(), '"')]
            else:
                edit = [Edit(m.start(), m.start() + 1, "("), Edit(m.end() - 1, m.end(), ")")]
            yield Cand(edit, [(m.start(), m.end())], f"{m.group()} -> {how}")

    return variant


def _doubled(doc: Doc, rng: Random) -> Iterator[Cand]:
    for m in shuffled(list(regex.finditer(r"(?<=\p{Han})[，。](?=\p{Han})", doc.text)), rng)[:4]:
        yield Cand([insert(m.end(), m.group())], [(m.start() - 1, m.end() + 1)],
                   f"{m.group()} doubled")


def _ellipsis(doc: Doc, rng: Random) -> Iterator[Cand]:
    for m in shuffled(list(regex.finditer(r"……", doc.text)), rng)[:4]:
        new = rng.choice(["...", "。。。", "…", "......"])
        yield Cand([Edit(m.start(), m.end(), new)], [(m.start() - 1, m.end() + 1)],
                   f"…… -> {new}")


punctuation = kind("punctuation", "punctuation",
                   "GB/T 15834: a half-width mark in Chinese, an unbalanced or straight quote, a "
                   "doubled mark, a malformed ellipsis", also=("mixed-width",))
punctuation.variants.update({
    "halfwidth-comma": _swap("，", ","),
    "halfwidth-colon": _swap("：", ":"),
    "halfwidth-semicolon": _swap("；", ";"),
    "halfwidth-period": _swap("。", "."),
    "halfwidth-parens": _pair("paren", "halfwidth"),
    "straight-quotes": _pair("quote", "straight"),
    "unbalanced-quote": _pair("quote", "unbalanced"),
    "unbalanced-book-title": _pair("book", "unbalanced"),
    "unbalanced-paren": _pair("paren", "unbalanced"),
    "doubled-mark": _doubled,
    "ellipsis": _ellipsis,
})

KINDS = [acronym_case, entity_mix, entity_mix_city, space_in_chinese, punctuation]
