"""Years and dates: a whole document's years collapsed to one value, era markers out of their
period, a change or comparison between a year and itself, impossible dates, wrong weekdays."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from random import Random

import regex

from recallbench.corpus import Doc
from recallbench.kinds.base import Cand, kind
from recallbench.plant import Edit, insert
from recallbench.text import boundaries, prose, shuffled

# ---------------------------------------------------------------- year tokens

_Y = r"(?:19|20)[0-9]{2}"
_SEP = r"\s?(?:、|，|,|—|－|-|~|～|至|到|和|与|及)\s?"
# Years: a number before 年 (alone or ending a list or range of years), in 〔〕, or the year of
# a page date (20220924) in the first lines.
_CHAIN = regex.compile(rf"(?<![0-9０-９.．]){_Y}(?:{_SEP}{_Y})*(?![0-9０-９])(?=\s?(?:年|〕))"
                       rf"|(?<=〔){_Y}(?=〕)")
_TOKEN = regex.compile(rf"(?<![0-9]){_Y}(?![0-9])")
_PAGE_DATE = regex.compile(rf"(?<![0-9])({_Y})(?=[01][0-9][0-3][0-9](?![0-9]))")
_HAN_DIGITS = "〇一二三四五六七八九"
_HAN_YEAR = regex.compile(r"(?<![〇○零一二三四五六七八九十])[一二][〇○零一二三四五六七八九]{3}(?=年)")
_SENTENCE = regex.compile(r"[^。！？；\n]+")


def han_year(value: int) -> str:
    return "".join(_HAN_DIGITS[int(d)] for d in str(value))


def _han_value(token: str) -> int:
    return int("".join(str(_HAN_DIGITS.index(c) if c in _HAN_DIGITS else 0) for c in token))


def year_tokens(doc: Doc) -> list[tuple[int, int, int, bool]]:
    """``(start, end, value, chinese)`` of every year the text writes."""
    text = doc.text
    found = []
    for chain in _CHAIN.finditer(text):
        for token in _TOKEN.finditer(chain.group()):
            found.append((chain.start() + token.start(), chain.start() + token.end(),
                          int(token.group()), False))
    for match in _HAN_YEAR.finditer(text):
        found.append((match.start(), match.end(), _han_value(match.group()), True))
    head = doc.ends[min(2, doc.line_count - 1)]
    for match in _PAGE_DATE.finditer(text, 0, head):
        found.append((match.start(), match.end(), int(match.group(1)), False))
    found.sort()
    unique = []
    for item in found:
        if not unique or item[0] >= unique[-1][1]:
            unique.append(item)
    return unique


def _contradictions(doc: Doc) -> int:
    """Statements that need two different years and contradict themselves once every year is
    one value: a change (由2019年…到2021年), a span of years (2019—2021年), a comparison
    (2021年…比2019年), a list (2019、2020年). A placeholder is visible through them."""
    found = 0
    for pattern in (_CHANGE, _RANGE, _COMPARE, _LIST):
        for match in pattern.finditer(doc.text):
            gap = doc.text[match.end("a"):match.start("b")]
            found += match.group("a") != match.group("b") and not _TOKEN.search(gap) \
                and not _within_one_year(doc.text, match)
    return found


# Words that place a statement in time relative to the document's year, or need a span of
# years: with every year one value, they need a past or a future the text no longer has.
_CUES = regex.compile(
    r"去年|上年|前年|明年|今年以来|[一二三四五六七八九十两几多]+年(?:来|以来|间|前)|连续[一二三四五六七八九十两几]+年"
    r"|“[一二三四五六七八九十]+五”|周年|以来|(?<=到|至)(?:19|20)[0-9]{2}年")


_TARGET_BEFORE = regex.compile(r"(?:到|至|截至|截止到?|力争|争取)\s?$")


def _placeholder(evidence: str, choose: str):  # type: ignore[no-untyped-def]
    """Every year of a short document set to one value. ``evidence``: ``statement`` — the
    text has a change, span, comparison or list of two years, which now contradicts itself;
    ``cues`` — it has none, but speaks of 去年, 五年来, “十三五”, anniversaries or targets
    (到2025年) that need years other than the one left."""

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if len(doc.text) > 20000:
            return
        tokens = year_tokens(doc)
        values = sorted({v for _, _, v, _ in tokens})
        if not 5 <= len(tokens) <= 40 or len(values) < 2:
            return
        statements = _contradictions(doc)
        if evidence == "statement" and not statements:
            return
        if evidence == "cues" and (statements or len(_CUES.findall(doc.text)) < 2):
            return
        if choose == "own":  # the document's own year (its dateline's), or its commonest
            counts = {v: sum(1 for t in tokens if t[2] == v) for v in values}
            value = doc.year if doc.year in counts else max(values, key=lambda v: (counts[v], v))
        else:
            value = rng.choice([v for v in range(2016, 2025) if v not in values] or [2020])
        edits = [Edit(s, e, han_year(value) if chinese else str(value))
                 for s, e, v, chinese in tokens if v != value]
        if all(_TARGET_BEFORE.search(doc.text[max(0, edit.start - 4):edit.start])
               for edit in edits):
            return  # only targets moved (到2027年底 → 到2025年底): nothing a reader could see
        name = doc.path.name
        renamed = regex.sub(rf"(?<![0-9]){_Y}(?![0-9])", str(value), name)
        path = str(doc.path.with_name(renamed)) if renamed != name else None
        yield Cand(edits, [(tokens[0][0], tokens[0][1])],
                   f"{len(tokens)} years ({len(values)} values) all set to {value}", path)

    return variant


year_placeholder = kind(
    "year-placeholder", "year-placeholder",
    "every year of a short document rewritten to one value, the dateline included",
    scope="document")
year_placeholder.variants.update({
    "statement-own-year": _placeholder("statement", "own"),
    "statement-other-year": _placeholder("statement", "other"),
    "cues-own-year": _placeholder("cues", "own"),
    "cues-other-year": _placeholder("cues", "other"),
})

# ---------------------------------------------------------------- era markers

# Five-year plans, numbered by start year.
_PLANS = [("六五", 1981), ("七五", 1986), ("八五", 1991), ("九五", 1996), ("十五", 2001),
          ("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026)]
_PLAN_SAY = ["今年是“{p}”{n}的开局之年", "今年是“{p}”{n}的收官之年", "今年是实施“{p}”{n}的关键一年",
             "全力完成“{p}”{n}确定的各项目标任务", "扎实推进“{p}”{n}重大项目建设",
             "紧紧围绕“{p}”{n}目标抓好当前各项工作"]
# Party congresses and plenums: the year they met, and the year their spirit stops being news.
_CONGRESSES = [("十二大", 1982, 1987), ("十三大", 1987, 1992), ("十四大", 1992, 1997),
               ("十五大", 1997, 2002), ("十六大", 2002, 2007), ("十七大", 2007, 2012),
               ("十八大", 2012, 2017), ("十九大", 2017, 2022), ("二十大", 2022, 2027),
               ("二十一大", 2027, 2032),
               ("十六届三中全会", 2003, 2008), ("十七届三中全会", 2008, 2013),
               ("十八届三中全会", 2013, 2018), ("十八届四中全会", 2014, 2018),
               ("十八届五中全会", 2015, 2018), ("十九届四中全会", 2019, 2023),
               ("十九届五中全会", 2020, 2023), ("十九届六中全会", 2021, 2023),
               ("二十届三中全会", 2024, 2028)]
_CONGRESS_SAY = ["深入学习贯彻党的{c}精神", "认真贯彻落实党的{c}精神", "以党的{c}精神为指导",
                 "把思想和行动统一到党的{c}精神上来", "按照党的{c}部署要求"]
# Five-year legal-education plans (普法), by start year.
_PUFA = [("一五", 1986), ("二五", 1991), ("三五", 1996), ("四五", 2001), ("五五", 2006),
         ("六五", 2011), ("七五", 2016), ("八五", 2021)]
_PUFA_SAY = ["深入开展“{n}”普法", "认真实施“{n}”普法规划", "扎实推进“{n}”普法依法治理工作",
             "全面完成“{n}”普法各项任务"]
# Campaigns: name, first year (None: the name was in use before the campaign, as 党史学习教育 was
# for the 90th anniversary in 2011, so it is never early), the year it is certainly over.
_CAMPAIGNS = [("保持共产党员先进性教育活动", 2005, 2009), ("深入学习实践科学发展观活动", 2008, 2013),
              ("创先争优活动", 2010, 2015), ("党的群众路线教育实践活动", 2013, 2017),
              ("“三严三实”专题教育", 2015, 2018), ("“两学一做”学习教育", 2016, 2022),
              ("“不忘初心、牢记使命”主题教育", 2019, 2023), ("党史学习教育", None, 2024),
              ("“三讲”教育", 1998, 2004), ("党纪学习教育", 2024, 2027)]
_CAMPAIGN_SAY = ["扎实开展{c}", "深入推进{c}", "认真组织好{c}", "以{c}为契机"]
# Things that did not exist yet: a sentence, and the last year it certainly could not be said.
_EVENTS = [("统筹做好新冠肺炎疫情防控和经济社会发展工作", 2018),
           ("做好非典型肺炎防治工作", 2001), ("全力做好汶川地震灾后恢复重建工作", 2006),
           ("坚决打赢脱贫攻坚战", 2010), ("大力实施乡村振兴战略", 2014),
           ("深入推进供给侧结构性改革", 2012), ("积极参与“一带一路”建设", 2010),
           ("全面推行河长制", 2005), ("扎实推进碳达峰碳中和工作", 2017),
           ("主动融入粤港澳大湾区建设", 2014), ("以习近平新时代中国特色社会主义思想为指导", 2015)]
# Taxes and bodies abolished: a sentence treating it as current, and the first year that is wrong.
_ABOLISHED = [("认真做好农业税征收工作", 2009), ("确保农业税征收任务按时完成", 2009),
              ("依法加强营业税征收管理", 2019), ("依法做好劳动教养工作", 2016),
              ("项目报国家计委审批后实施", 2006)]


_ARTICLE = regex.compile(r"(?m)^[ \t\u3000]*第[一二三四五六七八九十百零]+条")
_SPEAKS_OF_ITS_TIME = regex.compile(
    r"今年|去年|当前|目前|以来|党的[十二][一二三四五六七八九十]*大|全会|“[一二三四五六七八九十]+五”|普法"
    r"|教育活动|主题教育|学习教育|规划")


def _insert_sentence(doc: Doc, rng: Random, sentences: list[str]) -> Iterator[Cand]:
    """Each of ``sentences`` at a sentence boundary inside a prose paragraph of a text that
    speaks of its own time (a speech, a report, news; not the articles of a law)."""
    if not sentences or len(_ARTICLE.findall(doc.text)) >= 5:
        return
    if len(_SPEAKS_OF_ITS_TIME.findall(doc.text)) < 2:
        return
    spots = [(para, at) for para in prose(doc, 30) for at in boundaries(doc, para)]
    for _para, at in shuffled(spots, rng)[:6]:
        sentence = rng.choice(sentences)
        yield Cand([insert(at, sentence + "。")], [(at, at)], sentence)


def _plans(year: int, stale: bool) -> list[tuple[str, str]]:
    out = []
    for name, start in _PLANS:
        noun = "计划" if start <= 2001 else "规划"
        if (stale and year >= start + 4 + 3) or (not stale and year <= start - 4):
            out.append((name, noun))
    return out


# The document's year in a dateline, a signature or page date, or a document number, in the
# opening or closing lines: text that says when it was written, not only what it looks back on.
_DATED_BY = "(?<![0-9]){year}(?:年[0-9０-９一二三四五六七八九十]{{1,2}}月|[-/.][01]?[0-9][-/.]|〕|[01][0-9][0-3][0-9](?![0-9]))"


_EDGE = 200


def dated_by_text(doc: Doc) -> bool:
    """Whether the text itself bounds the document's year from above. A marker that came later
    than the year (an early plant) is an anomaly only then: a reply that mentions 2018 and no
    date of its own may as well have been written in 2022."""
    if doc.year is None:
        return False
    text = doc.text.strip()
    pattern = regex.compile(_DATED_BY.format(year=doc.year))
    # The opening and closing lines, but no further in than _EDGE characters: a one-line reply
    # is all opening and closing, and a date told in its narrative does not date it.
    lines = [text[s:e] for s, e in ((m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text))]
    head = "\n".join(lines[:5])[:_EDGE]
    tail = "\n".join(lines[-5:])[-_EDGE:]
    return bool(pattern.search(head) or pattern.search(tail))


def _era(family: str, stale: bool):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        year = doc.year
        if year is None or (not stale and not dated_by_text(doc)):
            return
        sentences: list[str] = []
        if family == "plan":
            sentences = [say.format(p=p, n=n) for p, n in _plans(year, stale) for say in _PLAN_SAY]
        elif family == "congress":
            sentences = [say.format(c=c) for c, met, over in _CONGRESSES for say in _CONGRESS_SAY
                         if (stale and year >= over + 2) or (not stale and year <= met - 2)]
        elif family == "pufa":
            sentences = [say.format(n=n) for n, start in _PUFA for say in _PUFA_SAY
                         if (stale and year >= start + 7) or (not stale and year <= start - 3)]
        elif family == "campaign":
            sentences = [say.format(c=c) for c, first, over in _CAMPAIGNS for say in _CAMPAIGN_SAY
                         if (stale and year >= over)
                         or (not stale and first is not None and year <= first - 2)]
        elif family == "event":
            sentences = [s for s, last in _EVENTS if year <= last]
        elif family == "abolished":
            sentences = [s for s, first in _ABOLISHED if year >= first]
        yield from _insert_sentence(doc, rng, sentences)

    return variant


_PLAN_MARK = regex.compile(r"(?<=“)(?:十[一二三四]?五|[六七八九]五)(?=”(?:规划|计划|时期|期间|末|以来|开局"
                           r"|收官|的|发展|目标))")
_CONGRESS_MARK = regex.compile(r"(?<=党的)(?:十[一二三四五六七八九]|二十)大")


def _replaced(pattern: regex.Pattern[str], choices):  # type: ignore[no-untyped-def]
    """An existing plan or congress renamed to one that did not exist in the document's year
    (a passage pasted from a later text, or a find-and-replace gone wrong)."""

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if not dated_by_text(doc):
            return
        assert doc.year is not None
        later = choices(doc.year)
        if not later:
            return
        for match in shuffled(list(pattern.finditer(doc.text)), rng)[:4]:
            new = rng.choice(later)
            if new != match.group():
                yield Cand([Edit(match.start(), match.end(), new)], [(match.start(), match.end())],
                           f"{match.group()} -> {new}")

    return variant


era_marker = kind("era-marker", "anachronism",
                  "an era marker out of its period for the document's (stated) year")
era_marker.variants.update({
    "plan-stale": _era("plan", True),
    "plan-early": _era("plan", False),
    "plan-renamed-later": _replaced(_PLAN_MARK, lambda y: [p for p, _ in _plans(y, False)]),
    "congress-stale": _era("congress", True),
    "congress-early": _era("congress", False),
    "congress-renamed-later": _replaced(
        _CONGRESS_MARK, lambda y: [c for c, met, _ in _CONGRESSES[:10] if y <= met - 2]),
    "pufa-stale": _era("pufa", True),
    "pufa-early": _era("pufa", False),
    "campaign-stale": _era("campaign", True),
    "campaign-early": _era("campaign", False),
    "event-early": _era("event", False),
    "abolished-stale": _era("abolished", True),
})

# ---------------------------------------------------------------- a year and itself

_CHANGE = regex.compile(
    rf"(?:由|从)(?P<a>{_Y})年[^。；！？\n]{{0,40}}?"
    r"(?:增加|提高|增长|上升|下降|减少|降低|扩大|发展|缩小|跃升)?(?:到|至)"
    rf"(?P<b>{_Y})年")
_RANGE = regex.compile(rf"(?<![0-9])(?P<a>{_Y})年?\s?[—－\-~～至到]\s?(?P<b>{_Y})年")
_COMPARE = regex.compile(rf"(?<![0-9])(?P<a>{_Y})年[^。；！？\n]{{1,50}}?比(?P<b>{_Y})年")
_LIST = regex.compile(rf"(?<![0-9])(?P<a>{_Y})、(?P<b>{_Y})(?:、{_Y})*年")


# What may follow a year and place a point inside it (2018年7月1日, 2024年初, 2024年底).
_WITHIN = regex.compile(r"年(?:[0-9０-９一二三四五六七八九十]{1,2}月|初|底|末|上半年|下半年|[一二三四]季度)")


def _within_one_year(text: str, match: regex.Match[str]) -> bool:
    """Both ends of the statement name a point inside their year (从2018年7月1日至2018年7月30日):
    made one year, the statement is a change within that year, no contradiction."""
    return all(_WITHIN.match(text, match.end(end)) for end in ("a", "b"))


def _same_year(pattern: regex.Pattern[str], second: bool = False):  # type: ignore[no-untyped-def]
    """One end of a change, range, comparison or list made equal to the other (with
    ``second``, always the compared year: 2023年…比2023年). Only where no other year stands
    between the two, so the two years are the ends of one statement."""

    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for match in shuffled(list(pattern.finditer(doc.text)), rng)[:4]:
            a, b = match.group("a"), match.group("b")
            gap = doc.text[match.end("a"):match.start("b")]
            if a == b or _TOKEN.search(gap) or _within_one_year(doc.text, match):
                continue
            if second or rng.random() < 0.5:
                edit = Edit(match.start("b"), match.end("b"), a)
            else:
                edit = Edit(match.start("a"), match.end("a"), b)
            yield Cand([edit], [(match.start(), match.end())], f"{match.group()} -> same year")

    return variant


def _same_year_inserted(doc: Doc, rng: Random) -> Iterator[Cand]:
    """A sentence of change whose ends are both the document's year, as an anonymiser leaves
    it (the document has no such sentence of its own)."""
    if doc.year is None:
        return
    y = doc.year
    a = rng.randint(300, 9000)
    b = a + rng.randint(50, 900)
    sentences = [f"全年完成投资由{y}年的{a}万元增加到{y}年的{b}万元",
                 f"从{y}年到{y}年，累计新增就业{a}人",
                 f"{y}年实现收入{b}万元，比{y}年增长{rng.randint(3, 19)}.{rng.randint(1, 9)}%"]
    yield from _insert_sentence(doc, rng, sentences)


same_year = kind("same-year", "year-contradiction",
                 "a change, range, comparison or list between a year and itself")
same_year.variants.update({
    "change": _same_year(_CHANGE),
    "range": _same_year(_RANGE),
    "comparison": _same_year(_COMPARE, second=True),
    "list": _same_year(_LIST),
    "inserted": _same_year_inserted,
})

# ---------------------------------------------------------------- dates

_DATE = regex.compile(
    rf"(?:(?<![0-9])(?P<y>{_Y})年)?(?<![0-9])(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12][0-9]|0?[1-9])日")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _impossible(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for match in shuffled(list(_DATE.finditer(doc.text)), rng)[:6]:
            year = int(match.group("y")) if match.group("y") else 2001
            if not _valid(year, int(match.group("m")), int(match.group("d"))):
                continue
            if how == "short-month":  # 4月31日: a day the month does not have
                month, day = rng.choice([4, 6, 9, 11]), 31
            elif how == "february":  # 2月30日
                month, day = 2, rng.choice([30, 31])
            else:  # 2月29日 of a year that is not a leap year
                if not match.group("y") or _valid(year, 2, 29):
                    continue
                month, day = 2, 29
            new = f"{month}月{day}日"
            yield Cand([Edit(match.start("m"), match.end(), new)], [(match.start(), match.end())],
                       f"{match.group()} -> {new}")

    return variant


impossible_date = kind("impossible-date", "date-invalid", "a date that does not exist")
impossible_date.variants.update({
    "short-month": _impossible("short-month"),
    "february": _impossible("february"),
    "not-leap": _impossible("not-leap"),
})

_WEEKDAYS = "一二三四五六日"


def _weekday(form: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for match in shuffled(list(_DATE.finditer(doc.text)), rng)[:6]:
            if not match.group("y"):
                continue
            y, m, d = int(match.group("y")), int(match.group("m")), int(match.group("d"))
            after = doc.text[match.end():match.end() + 4]
            if not _valid(y, m, d) or after.lstrip("（(， ").startswith(("星期", "周")):
                continue
            if form.startswith("，") and not after.startswith("，"):
                continue  # 2019年8月1日，星期四，…: only where a comma follows the date
            actual = datetime.date(y, m, d).weekday()
            wrong = rng.choice([i for i in range(7) if i != actual])
            say = form.format(w=_WEEKDAYS[wrong])
            yield Cand([insert(match.end(), say)], [(match.start(), match.end())],
                       f"{match.group()}{say} (is {_WEEKDAYS[actual]})")

    return variant


wrong_weekday = kind("wrong-weekday", "date-invalid", "a weekday that does not match its date")
wrong_weekday.variants.update({
    "paren-xingqi": _weekday("（星期{w}）"),
    "comma-xingqi": _weekday("，星期{w}"),
    "paren-zhou": _weekday("（周{w}）"),
})

KINDS = [year_placeholder, era_marker, same_year, impossible_date, wrong_weekday]
