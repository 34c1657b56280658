"""Numbers: a lost %, mixed %/％, full-width digits, spaces around numbers, GB/T 15835 forms,
and figures that no longer add up."""

from __future__ import annotations

from collections.abc import Iterator
from random import Random

import regex

from recallbench.corpus import Doc
from recallbench.kinds.base import Cand, kind
from recallbench.plant import Edit, insert
from recallbench.text import boundaries, prose, shuffled

_NUM = r"[0-9]+(?:\.[0-9]+)?"

# ---------------------------------------------------------------- a lost %

_RATE = regex.compile(
    rf"(?P<ctx>增长了?|下降了?|提高了?|降低了?|上升了?|减少了?|增加了?|增幅为?|降幅为?"
    rf"|占[^，。；\n0-9]{{0,20}}?|比重为?|比例为?|达到?|为|分别为|分别增长|[、和])"
    rf"(?P<num>{_NUM})(?P<pct>%|％)(?=[，。；、）)和])")


_INDEX_BEFORE = regex.compile(r"(?:指数|PMI)(?:[为是]|达到?|分别为)?$")


def _dropped(which: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for match in shuffled(list(_RATE.finditer(doc.text)), rng)[:8]:
            ctx = match.group("ctx")
            before = doc.text[max(0, match.start() - 30):match.start()]
            listed = ctx in "、和" and "分别" in before
            if which == "growth" and not regex.match(r"增|下降|提高|降|上升|减少", ctx):
                continue
            if which == "share" and not regex.match(r"占|比重|比例", ctx):
                continue
            if which == "list" and not listed:
                continue
            if which == "other" and (listed or ctx in "、和" or regex.match(
                    r"增|下降|提高|降|上升|减少|占|比重|比例", ctx)):
                continue
            if _INDEX_BEFORE.search(before):
                continue  # 采购经理指数为50.3%: without the %, an index value, not a defect
            after = doc.text[match.end():match.end() + 1]
            if which == "list" and after not in "、和":
                continue  # the last of a list keeps its %: drop one in the middle
            yield Cand([Edit(match.start("pct"), match.end("pct"), "")],
                       [(match.start(), match.end())], f"{match.group()} -> % dropped")

    return variant


percent_dropped = kind("percent-dropped", "missing-unit", "a % lost after a rate or a share")
percent_dropped.variants.update({
    "after-growth": _dropped("growth"),
    "after-share": _dropped("share"),
    "in-list": _dropped("list"),
    "after-other": _dropped("other"),
})

# ---------------------------------------------------------------- % and ％ mixed


def _mixed(doc: Doc, rng: Random) -> Iterator[Cand]:
    half, full = doc.text.count("%"), doc.text.count("％")
    if half >= 3 and full == 0:
        old, new = "%", "％"
    elif full >= 3 and half == 0:
        old, new = "％", "%"
    else:
        return
    spots = [m.start() for m in regex.finditer(rf"(?<=[0-9０-９]){old}", doc.text)]
    for at in shuffled(spots, rng)[:4]:
        yield Cand([Edit(at, at + 1, new)], [(at - 1, at + 1)], f"one {old} -> {new}")


percent_mixed = kind("percent-mixed", "mixed-width", "one % written ％ (or the reverse)")
percent_mixed.variants.update({"one-of-many": _mixed})

# ---------------------------------------------------------------- full-width digits

_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")
_FULLWIDTH_SHAPES = {
    "year": regex.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}(?=年)"),
    "figure": regex.compile(rf"(?<![0-9.]){_NUM}(?=万|亿|元|%|个|人|家|吨|项|户)"),
    "single": regex.compile(r"(?<![0-9.])[1-9](?![0-9.])(?=个|项|家|次|条|年|月|日)"),
}


def _fullwidth(shape: str):  # type: ignore[no-untyped-def]
    pattern = _FULLWIDTH_SHAPES[shape]

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if regex.search(r"[０-９]", doc.text) or len(regex.findall(r"[0-9]", doc.text)) < 20:
            return
        for match in shuffled(list(pattern.finditer(doc.text)), rng)[:4]:
            new = match.group().translate(_FULL)
            yield Cand([Edit(match.start(), match.end(), new)], [(match.start(), match.end())],
                       f"{match.group()} -> {new}")

    return variant


fullwidth_digits = kind("fullwidth-digits", "mixed-width",
                        "a number in full-width digits in a text of half-width ones",
                        also=("number-format",))
fullwidth_digits.variants.update({s: _fullwidth(s) for s in _FULLWIDTH_SHAPES})

# ---------------------------------------------------------------- spaces around numbers

_UNITED = regex.compile(
    rf"(?<![0-9.]){_NUM}(?P<unit>万元|亿元|元|万人|个|人|家|吨|公里|亩|项|户|平方米|%|％)")
_LED = regex.compile(rf"(?<=[\p{{Han}}])(?P<num>{_NUM})(?=万|亿|元|%|个|人|家|吨|项|户)")


def _space(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        pattern = _LED if how == "han-number" else _UNITED
        for match in shuffled(list(pattern.finditer(doc.text)), rng)[:6]:
            if how == "before-percent" and match.group("unit") not in "%％":
                continue
            if how == "before-unit" and match.group("unit") in "%％":
                continue
            if how == "han-number":
                at = match.start()
            elif how == "in-decimal":
                dot = match.group().find(".")
                if dot < 0:
                    continue
                at = match.start() + dot + 1
            else:
                at = match.start("unit")
            space = rng.choice([" ", "\u3000"]) if how == "before-unit" else " "
            yield Cand([insert(at, space)], [(match.start(), match.end())],
                       f"space in {match.group()}")

    return variant


space_number = kind("space-number", "spacing",
                    "a stray space between a number and its unit, inside it, or before it",
                    also=("number-format",))
space_number.variants.update({
    "before-unit": _space("before-unit"),
    "before-percent": _space("before-percent"),
    "in-decimal": _space("in-decimal"),
    "han-number": _space("han-number"),
})

# ---------------------------------------------------------------- GB/T 15835 forms

_RANGE = regex.compile(
    rf"(?<![0-9.])(?P<a>{_NUM})(?P<sep>至|到|～|—)(?P<b>{_NUM})"
    r"(?P<unit>个|家|人|项|天|次|倍|所|户|名|辆|米|公里|亩|小时|分钟|万|亿)")
_YEAR_RANGE = regex.compile(
    r"(?<![0-9])(?P<a>(?:19|20)[0-9]{2})(?P<sep>年?(?:至|到|～|—|－))(?P<b>(?:19|20)[0-9]{2})年")
_PCT_RANGE = regex.compile(rf"(?<![0-9.])(?P<a>{_NUM})(?P<pa>%)(?P<sep>～|—|至|到|-)(?P<b>{_NUM})%")
_SHORT_YEAR = regex.compile(r"(?<![0-9])20(?P<yy>[0-2][0-9])年(?=[0-9]{1,2}月|底|末|初|上半年|下半年|以来)")
_DECIMAL = regex.compile(r"(?<![0-9.])[0-9]{1,3}(?P<dot>\.)[0-9]{1,2}(?=%|万|亿)")


def _form(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        text = doc.text
        if how.startswith("range-"):
            mark = {"range-fullwidth-hyphen": "－", "range-hyphen": "-", "range-tilde": "~"}[how]
            for m in shuffled(list(_RANGE.finditer(text)), rng)[:4]:
                yield Cand([Edit(m.start("sep"), m.end("sep"), mark)], [(m.start(), m.end())],
                           f"{m.group()} -> {mark}")
        elif how == "year-range-hyphen":
            for m in shuffled(list(_YEAR_RANGE.finditer(text)), rng)[:4]:
                if m.group("sep").strip("年") != "-":
                    yield Cand([Edit(m.start("sep"), m.end("sep"), "-")], [(m.start(), m.end())],
                               f"{m.group()} -> -")
        elif how == "percent-range":
            for m in shuffled(list(_PCT_RANGE.finditer(text)), rng)[:4]:
                yield Cand([Edit(m.start("pa"), m.end("pa"), "")], [(m.start(), m.end())],
                           f"{m.group()} -> first % dropped")
        elif how == "short-year":
            for m in shuffled(list(_SHORT_YEAR.finditer(text)), rng)[:4]:
                yield Cand([Edit(m.start(), m.start() + 2, "")], [(m.start(), m.end())],
                           f"{m.group()} -> {m.group('yy')}年")
        elif how == "mixed-numeral-year":
            for m in shuffled(list(regex.finditer(r"(?<![0-9])(?:19|20)[0-9]{2}(?=年)", text)),
                              rng)[:4]:
                digits = m.group()
                new = "二〇" + digits[2:] if digits.startswith("20") else "一九" + digits[2:]
                yield Cand([Edit(m.start(), m.end(), new)], [(m.start(), m.end())],
                           f"{digits} -> {new}")
        elif how == "decimal-point":
            for m in shuffled(list(_DECIMAL.finditer(text)), rng)[:4]:
                yield Cand([Edit(m.start("dot"), m.end("dot"), "。")], [(m.start(), m.end())],
                           f"{m.group()} -> 。")

    return variant


number_form = kind("number-form", "number-format", "a GB/T 15835 number form broken",
                   also=("mixed-width",))
number_form.variants.update({h: _form(h) for h in (
    "range-fullwidth-hyphen", "range-hyphen", "range-tilde", "year-range-hyphen",
    "percent-range", "short-year", "mixed-numeral-year", "decimal-point")})

# ---------------------------------------------------------------- arithmetic

_SCALE = {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_UNIT = (r"(?P<{g}s>万亿|亿|万|千)?(?P<{g}u>元|美元|吨|人|户|个|家|辆|亩|公顷|平方米|平方公里"
         r"|千瓦时|千瓦|公里|立方米|套|件|项|所|座|台|床|人次)")


def _unit(g: str) -> str:
    return _UNIT.format(g=g)


def _value(match: regex.Match[str], g: str) -> tuple[float, str, float]:
    """The value of group ``g`` with its scale, its base unit, and half its last printed digit
    (the rounding it allows), scaled."""
    raw = match.group(g)
    scale = _SCALE[match.group(f"{g}s") or ""]
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return float(raw) * scale, match.group(f"{g}u"), 0.5 * 10 ** -decimals * scale


def _decimals(raw: str) -> int:
    return len(raw.split(".")[1]) if "." in raw else 0


def _wrong(true: float, printed: str, rng: Random, floor: float,
           ceiling: float = float("inf")) -> str | None:
    """A value printed like ``printed`` that is clearly not ``true`` (beyond ``floor``), below
    ``ceiling``."""
    d = _decimals(printed)
    for _ in range(20):
        factor = rng.choice([-1, 1]) * rng.uniform(0.12, 0.45)
        value = float(printed) * (1 + factor)
        shown = f"{value:.{d}f}"
        if 0 < float(shown) < ceiling and abs(float(shown) - true) > max(floor, 0.1 * abs(true),
                                                                           1.0):
            return shown
    return None


_SHARE = regex.compile(
    rf"(?P<part>{_NUM}){_unit('part')}[^。；！？\n0-9]{{0,30}}?占[^。；，,\n0-9]{{0,25}}?"
    rf"(?:比重|比例)?(?:为|达|达到)?(?P<pct>{_NUM})[%％]")
_ANY = regex.compile(rf"(?<![0-9.])(?P<n>{_NUM}){_unit('n')}")
_GROWTH = regex.compile(
    rf"(?:由|从)(?P<a>{_NUM}){_unit('a')}(?:增加|增长|提高|上升|扩大|下降|减少|降低)?(?:到|至)"
    rf"(?P<b>{_NUM}){_unit('b')}[，,]?[^。；！？\n0-9]{{0,8}}?(?P<dir>增长|提高|增加|上升|下降|减少|降低)了?"
    rf"(?P<pct>{_NUM})[%％]")
_INCREASE = regex.compile(
    rf"(?P<a>{_NUM}){_unit('a')}[，,]?(?:比上年|比去年|同比)(?:增加|增长|多)了?(?P<d>{_NUM}){_unit('d')}"
    rf"[，,]?(?:增长|提高)了?(?P<pct>{_NUM})[%％]")
_RATIO = regex.compile(
    rf"(?:结构|比例|之比|比为|比调整为|比重)[^。；\n0-9]{{0,8}}?(?P<r>{_NUM}(?:[:：∶]{_NUM}){{2,3}})")
_SUM = regex.compile(
    rf"(?:共|合计|总计|累计|总数|总额|总量|全年)[^。；\n0-9]{{0,10}}?(?P<t>{_NUM}){_unit('t')}"
    rf"[^。；\n0-9]{{0,12}}?其中")


_BOUND_BEFORE = regex.compile(r"(?:超过|超|逾|近|约|接近|不到|不足|高于|低于)$")
_BOUND_AFTER = regex.compile(r"以上|以下|左右|多")


def _share(doc: Doc, rng: Random) -> Iterator[Cand]:
    text = doc.text
    for m in shuffled(list(_SHARE.finditer(text)), rng)[:8]:
        part, unit, part_err = _value(m, "part")
        pct, pct_d = float(m.group("pct")), _decimals(m.group("pct"))
        if part <= 0 or pct <= 0 or pct >= 100 or "年均" in m.group():
            continue
        if _BOUND_BEFORE.search(text, max(0, m.start("pct") - 3), m.start("pct")) or \
                _BOUND_AFTER.match(text, m.end()):
            continue  # 超过44%, 72%以上: a bound may still hold after the change
        lo = max(0, m.start() - 160)
        totals = [t for t in _ANY.finditer(text, lo, m.start()) if _value(t, "n")[1] == unit]
        for t in reversed(totals):
            total, _, total_err = _value(t, "n")
            if total <= part:
                continue
            true = part / total * 100
            tol = 0.5 * 10 ** -pct_d + true * (part_err / part + total_err / total) + 1e-9
            if abs(true - pct) <= tol:
                new = _wrong(true, m.group("pct"), rng, 4 * tol, 100)
                if new:
                    yield Cand([Edit(m.start("pct"), m.end("pct"), new)], [(t.start(), m.end())],
                               f"{part:g}/{total:g} = {true:.2f}%, printed {m.group('pct')} -> {new}")
                break


def _growth(doc: Doc, rng: Random) -> Iterator[Cand]:
    for m in shuffled(list(_GROWTH.finditer(doc.text)), rng)[:6]:
        a, ua, ea = _value(m, "a")
        b, ub, eb = _value(m, "b")
        if ua != ub or a <= 0 or "年均" in doc.text[max(0, m.start("dir") - 6):m.start("dir")]:
            continue
        down = m.group("dir") in ("下降", "减少", "降低")
        true = (a - b) / a * 100 if down else (b - a) / a * 100
        pct_d = _decimals(m.group("pct"))
        tol = 0.5 * 10 ** -pct_d + 100 * (ea / a + eb / a) + abs(true) * ea / a
        if true > 0 and abs(true - float(m.group("pct"))) <= tol:
            new = _wrong(true, m.group("pct"), rng, 4 * tol)
            if new:
                yield Cand([Edit(m.start("pct"), m.end("pct"), new)], [(m.start(), m.end())],
                           f"{a:g} -> {b:g} is {true:.2f}%, printed {m.group('pct')} -> {new}")


def _increase(doc: Doc, rng: Random) -> Iterator[Cand]:
    for m in shuffled(list(_INCREASE.finditer(doc.text)), rng)[:6]:
        a, ua, ea = _value(m, "a")
        d, ud, ed = _value(m, "d")
        if ua != ud or not 0 < d < a:
            continue
        true = d / (a - d) * 100
        pct_d = _decimals(m.group("pct"))
        tol = 0.5 * 10 ** -pct_d + true * (ed / d + (ea + ed) / (a - d))
        if abs(true - float(m.group("pct"))) <= tol:
            new = _wrong(true, m.group("pct"), rng, 4 * tol)
            if new:
                yield Cand([Edit(m.start("pct"), m.end("pct"), new)], [(m.start(), m.end())],
                           f"+{d:g} on {a - d:g} is {true:.2f}%, printed {m.group('pct')} -> {new}")


def _ratio(doc: Doc, rng: Random) -> Iterator[Cand]:
    for m in shuffled(list(_RATIO.finditer(doc.text)), rng)[:4]:
        parts = list(regex.finditer(_NUM, m.group("r")))
        values = [float(p.group()) for p in parts]
        d = max(_decimals(p.group()) for p in parts)
        if abs(sum(values) - 100) > 0.15 * len(values) * (1 if d else 3):
            continue
        pick = rng.randrange(len(parts))
        old = parts[pick].group()
        new = f"{float(old) + rng.choice([-1, 1]) * rng.uniform(3, 9):.{_decimals(old)}f}"
        if float(new) <= 0:
            continue
        start = m.start("r") + parts[pick].start()
        yield Cand([Edit(start, start + len(old), new)], [(m.start("r"), m.end("r"))],
                   f"{m.group('r')}: {old} -> {new}")


def _sum(doc: Doc, rng: Random) -> Iterator[Cand]:
    text = doc.text
    for m in shuffled(list(_SUM.finditer(text)), rng)[:6]:
        total, unit, total_err = _value(m, "t")
        stop = text.find("。", m.end())
        stop = len(text) if stop < 0 else min(stop, m.end() + 200)
        parts = [p for p in _ANY.finditer(text, m.end(), stop) if _value(p, "n")[1] == unit]
        if len(parts) < 2:
            continue
        values = [_value(p, "n") for p in parts]
        err = total_err + sum(v[2] for v in values)
        if abs(sum(v[0] for v in values) - total) > err + 1e-9:
            continue
        raw = m.group("t")
        new = _wrong(total / _SCALE[m.group("ts") or ""], raw, rng, 4 * err / _SCALE[
            m.group("ts") or ""])
        if new:
            yield Cand([Edit(m.start("t"), m.end("t"), new)], [(m.start(), parts[-1].end())],
                       f"total {raw} of {len(parts)} parts -> {new}")


_FIGURES = regex.compile(r"万元|亿元|[0-9][%％]")


def _figure_spots(doc: Doc, rng: Random, need: str = "") -> list[int]:
    """Sentence boundaries in prose of a text that reports figures (where a templated report
    sentence would stand), in a random order."""
    if len(_FIGURES.findall(doc.text)) < 3 or need not in doc.text:
        return []
    if len(regex.findall(r"(?m)^[ \t\u3000]*第[一二三四五六七八九十百零]+条", doc.text)) >= 5:
        return []  # the articles of a law report no figures
    spots = [at for p in prose(doc, 30) for at in boundaries(doc, p)]
    return shuffled(spots, rng)[:2]


def _off(true: float, rng: Random, up: bool = False) -> float:
    """A percentage clearly not ``true``: 15–45 % away, and at least 1.5 points; ``up``: above
    it (a growth rate below the nominal one can be real growth, after inflation)."""
    if true * 0.45 < 1.5:  # no factor in range moves a small share 1.5 points: step up instead
        return true + rng.uniform(1.5, 3.0)
    while True:
        sign = 1 if up else rng.choice([-1, 1])
        wrong = true * (1 + sign * rng.uniform(0.15, 0.45))
        if abs(wrong - true) >= 1.5 and wrong > 0:
            return wrong


def _inserted(shape: str):  # type: ignore[no-untyped-def]
    """A report sentence whose figures do not hold, in a text that reports figures (used where
    the text has too few checkable statements of its own)."""

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for at in _figure_spots(doc, rng, "产业" if shape == "ratio" else ""):
            if shape == "ratio":
                a = rng.randint(5, 20) + rng.randint(0, 9) / 10
                b = rng.randint(30, 50) + rng.randint(0, 9) / 10
                c = round(100 - a - b + rng.choice([-1, 1]) * rng.randint(3, 8), 1)
                sentence = rng.choice(["三次产业结构比调整为{}:{}:{}", "三次产业比例为{}∶{}∶{}",
                                       "一、二、三产业结构比为{}：{}：{}"]).format(a, b, c)
            elif shape == "share":
                total = rng.randint(80, 3000) / 10  # 亿元
                share = rng.uniform(0.03, 0.6)
                part_wan = round(total * share * 10000)
                true = part_wan / (total * 10000) * 100
                sentence = rng.choice([
                    "全年完成地区生产总值{t}亿元，其中财政收入{p}万元，占地区生产总值的比重为{w:.1f}%",
                    "固定资产投资{t}亿元，其中工业投资{p}万元，占{w:.1f}%",
                    "社会消费品零售总额达到{t}亿元，农村市场实现{p}万元，占比{w:.1f}%",
                ]).format(t=total, p=part_wan, w=_off(true, rng))
            elif shape == "growth":
                a = rng.randint(1000, 90000)
                b = round(a * rng.uniform(1.05, 1.9))
                true = (b - a) / a * 100
                sentence = rng.choice([
                    "农民人均纯收入由{a}元增加到{b}元，增长{w:.1f}%",
                    "税收收入从{a}万元增长到{b}万元，增长{w:.1f}%",
                ]).format(a=a, b=b, w=_off(true, rng, up=True))
            else:  # sum
                parts = [rng.randint(3, 60) for _ in range(rng.choice([2, 3]))]
                # A 其中 list may leave parts out: only parts above the total are wrong.
                total = sum(parts) - rng.randint(2, 9)
                names = ["续建项目{}个", "新建项目{}个", "前期项目{}个"]
                listed = "、".join(n.format(v) for n, v in zip(names, parts, strict=False))
                sentence = f"全年共实施重点项目{total}个，其中{listed}"
            yield Cand([insert(at, sentence + "。")], [(at, at)], sentence)

    return variant


arithmetic = kind("arithmetic", "arithmetic",
                  "a share, growth rate, sum or structure ratio perturbed so it no longer holds")
arithmetic.variants.update({
    "share": _share,
    "growth": _growth,
    "increase": _increase,
    "sum": _sum,
    "ratio": _ratio,
    "share-inserted": _inserted("share"),
    "growth-inserted": _inserted("growth"),
    "sum-inserted": _inserted("sum"),
    "ratio-inserted": _inserted("ratio"),
})

KINDS = [percent_dropped, percent_mixed, fullwidth_digits, space_number, number_form, arithmetic]
