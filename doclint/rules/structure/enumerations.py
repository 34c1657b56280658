"""In-paragraph enumerations (一是/二是, 一要/二要, 第一，/第一点，, 首先/其次/最后) and the
sentences that announce a count (``下面，我讲四个问题``, ``抓好以下五方面工作``,
``做到“四个提升”：``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from doclint.core.document import Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.structure.model import Announcement, Style
from doclint.rules.structure.numerals import ordinal

_SMALL = "[一二三四五六七八九十]"
_COUNT = "[两二三四五六七八九十]{1,2}"

# An item stands at the start of a line or right after punctuation (checked on the character
# before it, which keeps the scan fast), so that 统一是, 唯一要, 之一是 never count; 一是一、二是二
# (an idiom), 二要素 and 第一、二产业 are excluded by the pattern.
_ITEM = lazy_regex(
    rf"""(?P<SHI>{_SMALL}{{1,3}})是(?![否非]|(?P=SHI)[，、,])
      |(?P<YAO>{_SMALL}{{1,3}})要(?![求素点件害么])
      |第(?P<DIAN>{_SMALL}{{1,3}})点(?:[，,：:]|、(?!第?{_SMALL}))
      |第(?P<DI>{_SMALL}{{1,3}})(?:[，,：:]|、(?!第?{_SMALL}))
      |(?P<SHOUXIAN>首先|其次|再次|最后)[，,：:]
    """,
    regex.X,
)
# Where an item may start: scanning for these with the standard library's re (which skips ahead
# on a leading character class) and confirming each with _ITEM is several times faster.
_ITEM_LEAD = "[一二三四五六七八九十第首其再最]"
_ITEM_REST = "[一二三四五六七八九十先次后]{0,3}点?[是要，,：:、]"
_ITEM_CANDIDATE = lazy_re(_ITEM_LEAD + _ITEM_REST)
# A full stop a scan read as "." or "．" ends the item before as well (…拖欠.八是…).
_ITEM_AFTER = frozenset("。．.；;：:，,！？!?”’）)>\n\r \t\u3000\u00a0\u2002\u2003\u200b\ufeff")
_SHOUXIAN_NUMBER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}

# Announcements. A quoted count (“四个提升”) announces only at the end of its paragraph before
# a colon, or when a paragraph opens by restating it (“三个着力”。一是…); elsewhere “四个全面”
# and “两个确立” are slogans, not announcements. A speaker's bare count of points closes its
# clause (``我讲这么三点，供大家参考``, ``讲两点：``).
_ANNOUNCE = lazy_regex(
    rf"""(?:讲|谈|提|说)(?:以下|下面|如下|这么|这样)?(?P<spoken>{_COUNT})(?:个|点|条|项)(?:方面的?)?
         (?:问题|意见|看法|体会|想法|要求|建议|希望|方面)
        |(?:讲|谈)(?:以下|下面|如下|这么|这样)?(?P<points>{_COUNT})点(?=[，,：:。；;])
        |以下(?P<listed>{_COUNT})(?:个|项|点|条|大)?(?:方面|问题|重点|任务|工作|措施|领域)
        |(?:抓好|做好|办好|突出|把握|强调|提出|着力解决|解决好)了?
         (?P<tasks>{_COUNT})(?:个|点|条|项)(?:方面的?)?(?:问题|意见|要求|建议|任务|工作|方面|措施|原则)
    """,
    regex.X,
)
# A sentence that ends on a count (``提出四点建议。``, ``主要把握了以下三点：``, ``有三个问题很
#值得深思。``, or after a short clause of its own: ``有三点体会，供大家参考。``, ``抓好三个方面，
# 具体是：``) announces when the first item follows right after it: its next characters are
# ``一是``, ``第一，``, ``（一）``, ``一、``, ``1.`` … A count inside a longer number (二十三个), an
# ordinal (第三个方面) and a unit of measure (三个百分点, 两个月) announce nothing.
# Between such a sentence and its first item: white space (an indent of ideographic, no-break, en
# or em spaces; blank lines), or the markup of a page saved with its paragraph tags
# (``……三点倡议：</p><p>一是……``, ``<br />``, ``&nbsp;``).
_GAP = r"(?:[ \t\u3000\u00a0\u2002\u2003\u200b\ufeff]|&nbsp;|</?p(?:\s[^<>\n]*)?>|<br\s*/?>)"
_CLOSING = lazy_regex(
    rf"""(?<![一二三四五六七八九十百千万两几第每这那])(?P<n>{_COUNT})
         (?P<unit>个|点|条|项|大|方面)(?!百分|月|小时|工作日|季度|年度|批次|多)
         (?P<noun>[^\s\u3000。！？!?；;：:，,、（）()“”"]{{0,10}})
         (?P<tail>[，,][^\s\u3000。！？!?；;：:，,、（）()“”"]{{1,8}})?[。：:]
         (?=(?:{_GAP}*(?:\r\n?|\n)){{0,8}}{_GAP}*
            (?:一是|一要|第一点?[，,：:、]|首先[，,：:]|[（(]一[）)]|一、|1[.．、](?![0-9])|[（(]1[）)]|①))
    """,
    regex.X,
)
# Where an announcement may start, found with the standard library's re, which skips ahead on
# a leading class of characters: a match of ``_ANNOUNCE`` opens on one of its verbs or 以 with a
# count within the next five characters, a match of ``_CLOSING`` on a count followed by its unit.
# Confirming each such place with ``.match`` finds exactly the matches ``.finditer`` finds,
# at a fraction of the cost: ``regex`` tries every position of the text in turn.
_ANNOUNCE_LEAD, _ANNOUNCE_REST = "[讲谈提说以抓做办突把强着解]", r"(?=[^\n]{0,4}[两二三四五六七八九十])"
_ANNOUNCE_CANDIDATE = lazy_re(_ANNOUNCE_LEAD + _ANNOUNCE_REST)
_CLOSING_LEAD, _CLOSING_REST = "[两二三四五六七八九十]", "(?=[两二三四五六七八九十]?(?:个|点|条|项|大|方面))"
_CLOSING_CANDIDATE = lazy_re(_CLOSING_LEAD + _CLOSING_REST)
# The three kinds of candidates found in one scan of a document (``candidates``): led by the
# class of all their first characters (re skips ahead on it), each place told by a lookbehind
# on its first character and the lookahead of its kind. A place may start an item and a count
# (三点，): the count's group is then taken inside the item's branch.
_ANY_CANDIDATE = lazy_re(
    "[一二三四五六七八九十第首其再最讲谈提说以抓做办突把强着解两]"
    f"(?:(?<={_ITEM_LEAD})(?={_ITEM_REST})(?P<item>)(?:(?<={_CLOSING_LEAD}){_CLOSING_REST}(?P<both>))?"
    f"|(?<={_CLOSING_LEAD}){_CLOSING_REST}(?P<count>)"
    f"|(?<={_ANNOUNCE_LEAD}){_ANNOUNCE_REST}(?P<announce>))"
)
# Another count in the clause makes the announcement ambiguous; a quoted slogan (“四个全面”)
# does not.
_COUNT_WORD = lazy_regex(rf"(?<![第“])(?:{_COUNT})(?:个|点|条|项|大|方面)")
# ``讲几点体会``, ``提若干意见``: an indefinite count announces no number, and another count in
# its clause (``学习十九大精神讲几点体会``) is not what it announces.
# A numbered headline of a news summary (11.某国称…四个村镇：): it counts what happened.
_HEADLINE = lazy_regex(r"[ \t\u3000]*[0-9]{1,2}[.．](?![0-9])")
_INDEFINITE = lazy_regex(r"几(?:个|点|条|项|方面)|若干")
_CLAUSE_START = lazy_regex(r"[。！？!?；;，,\n]")
# A count closed by a full stop (not a colon) announces only when what it counts, first or
# last, is a kind of list (三点意见。两个问题值得深思。四项重点工作。): “实现两个根本性转变。
# 第一，…” names a fixed formulation and then goes on to measures.
_LIST_NOUN = lazy_regex(
    r"(?:意见|建议|要求|希望|倡议|问题|方面|任务|原则|措施|举措|体会|看法|想法|认识|事情|内容|"
    r"重点|方向|途径|办法|环节|特点|经验|教训|理由|原因|情况|工作|考虑|启示|作用|变化|标准|"
    r"条件|目标|部分|阶段|步骤|层次|关系|类|种)")
# … or when it counts points (``有两点对此认识不清。第一，…``): 点 is a list's unit, unless the
# count is an hour (下午两点).
_HOUR = tuple("午晚晨早夜钟")
_QUOTED = lazy_regex(rf"“(?P<n>{_COUNT})(?:个|项|条|大|点)[^”“]{{1,6}}”")
_QUOTED_LEAD = lazy_regex(rf"^“(?P<n>{_COUNT})(?:个|项|条|大|点)[^”“]{{1,6}}”[。：:]")
_SENTENCE_START = lazy_regex(r"[。！？!?；;]")
# ``从增加供给和抑制需求两方面采取措施。``: the count sums up the things its clause has just named.
_JOINED = lazy_regex(r"以及|和|与|及|、")
_LAST_NAME = lazy_regex(r"\p{Han}{1,10}等?")  # the last name, right before the count


class Candidates(NamedTuple):
    """Where items, spoken counts and closing counts may start in a text (offsets, in order)."""

    items: list[int]
    spoken: list[int]
    closing: list[int]


def candidates(text: str) -> Candidates:
    """The places of a whole document where ``items``, ``spoken_counts`` and
    ``closing_counts`` may start, found in one scan instead of one scan each. (The items'
    places include some inside another item's candidate, which ``items`` passes over: the
    character before them is no punctuation.)"""
    found = Candidates([], [], [])
    for place in _ANY_CANDIDATE.finditer(text):
        kind = place.lastgroup
        if kind == "item":
            found.items.append(place.start())
        elif kind == "both":
            found.items.append(place.start())
            found.closing.append(place.start())
        elif kind == "count":
            found.closing.append(place.start())
        else:
            found.spoken.append(place.start())
    return found


def items(text: str, places: Iterable[int] | None = None) -> Iterator[tuple[Style, int, Span]]:
    """Every enumeration item of ``text`` (a whole document, scanned once): style, number, span.
    ``places``: where they may start (``candidates``), when the caller scanned for them."""
    if places is None:
        places = (candidate.start() for candidate in _ITEM_CANDIDATE.finditer(text))
    for start in places:
        if start and text[start - 1] not in _ITEM_AFTER:
            continue
        match = _ITEM.match(text, start)
        if match is None:
            continue
        name = match.lastgroup or ""
        raw = match.group(name)
        number = _SHOUXIAN_NUMBER[raw] if name == "SHOUXIAN" else ordinal(raw)
        if number is not None:
            end = match.end(name) + (1 if name in ("SHI", "YAO", "DIAN") else 0)
            yield Style[name], number, Span(match.start(), end)


def spoken_counts(text: str, places: Iterable[int] | None = None) -> Iterator[tuple[int, Span]]:
    """``讲四个问题``, ``以下十方面``, ``做好三项工作``: the count and its span, over a whole
    document (a task count closing its sentence right before the first item is left to
    ``closing_counts``). ``places``: where they may start (``candidates``)."""
    for match in _confirmed(_ANNOUNCE, _ANNOUNCE_CANDIDATE, text, places):
        closing = _CLOSING.match(text, match.start("tasks")) if match.group("tasks") else None
        if closing is not None and not closing.group("tail"):
            continue  # 抓好四个方面工作：（一）…: a count closing its sentence, T206's
        count = ordinal(match.group("spoken") or match.group("points") or match.group("listed")
                        or match.group("tasks"))
        if count and count > 1:
            yield count, Span(match.start(), match.end())


def closing_counts(text: str, places: Iterable[int] | None = None) -> Iterator[tuple[int, Span]]:
    """A sentence ending on a count with the first item right after it: the count and its span
    (up to the sentence's end), over a whole document. A clause with two counts (``对这两个方面，
    讲三点`` is fine, ``两个方面三点意见`` is not) is left alone: which one is announced?
    ``places``: where they may start (``candidates``)."""
    for match in _confirmed(_CLOSING, _CLOSING_CANDIDATE, text, places):
        count = ordinal(match.group("n"))
        if not count or count < 2:
            continue
        ends = _CLAUSE_START.finditer(text, max(0, match.start() - 200), match.start())
        start = max((m.end() for m in ends), default=max(0, match.start() - 200))
        if (len(_COUNT_WORD.findall(text, start, match.end())) != 1
                or _INDEFINITE.search(text, start, match.end())):
            continue
        if match.group("unit") == "点" and text[match.start() - 1 : match.start()] in _HOUR:
            continue  # 下午两点。: an hour
        if (match.group("unit") == "方面" or text.startswith("方面", match.end("unit"))) \
                and _names_just_joined(text, start, match.start(), count):
            continue  # 从A和B两方面: the pair just named, not a list to come
        counted = text[match.end("unit"):match.end()]
        if match.group("tail"):  # 三点意见，供大家参考。 / 三个方面，具体是：
            noun = match.group("noun")
            if not (match.group("unit") in ("点", "方面") or _LIST_NOUN.match(noun)
                    or _LIST_NOUN.search(noun[-2:])):
                continue
            yield count, Span(match.start("n"), match.end("noun"))
            continue
        if counted.endswith("。") and len(counted) > 1 and not (
                _LIST_NOUN.match(counted) or _LIST_NOUN.search(counted[-3:-1])
                or match.group("unit") == "点"):
            continue
        if _HEADLINE.match(text, start) and not (
                _LIST_NOUN.match(counted) or _LIST_NOUN.search(counted[-3:-1])
                or match.group("unit") in ("点", "方面")):
            continue  # a news summary's headline counts things (乌称重新控制四个村镇：), its
            # related reports follow as (1), (2)
        yield count, Span(match.start("n"), match.end() - 1)


def _confirmed(pattern: regex.Pattern[str], candidate: re.Pattern[str], text: str,
               places: Iterable[int] | None = None) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, where every match starts at a match of ``candidate`` (at one
    of ``places``, when the caller found them)."""
    if places is None:
        places = (place.start() for place in candidate.finditer(text))
    after = 0
    for start in places:
        if start < after:
            continue
        match = pattern.match(text, start)
        if match is not None:
            after = match.end()
            yield match


def _names_just_joined(text: str, start: int, end: int, count: int) -> bool:
    """The clause names ``count`` things joined by 和 or 、 right before the count (``从扩大供给
    和引导消费两方面``); a 和 further back (``在“互联网+”和信息化背景下…需要注意三个方面``)
    joins something else."""
    joins = list(_JOINED.finditer(text, start, end))
    return len(joins) == count - 1 and bool(joins) \
        and _LAST_NAME.fullmatch(text, joins[-1].end(), end) is not None


def quoted_count(text: str, base: int, block: int) -> Iterator[Announcement]:
    """A quoted count that announces: restated at a paragraph's start, or ending it."""
    if text.startswith("“") or "”" in text[-3:]:
        yield from _quoted(text, base, block)


def _quoted(text: str, base: int, block: int) -> Iterator[Announcement]:
    lead = _QUOTED_LEAD.match(text)
    if lead:
        count = ordinal(lead.group("n"))
        if count and count > 1:
            yield Announcement(count, Span(base + 1, base + lead.end() - 2), block)
        return
    tail = text.rstrip(" 　")
    quoted = list(_QUOTED.finditer(tail))
    if not quoted:
        return
    last = quoted[-1]
    rest = tail[last.end():]
    if rest not in ("：", ":", "。", ""):
        return
    ends = _SENTENCE_START.finditer(tail, 0, last.start())
    sentence_start = max((m.end() for m in ends), default=0)
    if any(q.start() >= sentence_start for q in quoted[:-1]):
        return  # two counts in one sentence (“三个着力”，“两条底线”): which one is announced?
    count = ordinal(last.group("n"))
    if count and count > 1:
        yield Announcement(count, Span(base + last.start() + 1, base + last.end() - 1), block)
