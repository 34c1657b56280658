"""Which county (旗/县/市/区) a speech speaks for, and where it names another one as its own.

A county speech says 我旗/本县/全市 throughout, and names its own unit in slogans ("建设和谐阿荣",
"平安温馨正蓝旗") and in phrases like "阿荣旗人民". One document of a compilation is analysed at a
time: the speaker's kind of unit is the one its 我/本/全 pronouns use; its own unit is the unit of
that kind it names most; a slogan naming another unit is an entity mix. A name is read as a
name: a full name with its suffix that stands as a word ("新增城市绿地" holds no 增城市, "呼包鄂
城市群" no 鄂城市), or a short name in a slogan when the speech also names that place in full
(many short names are words too: "智慧公安", "美丽清新"). A prefecture's report names its
county-level cities as its own places: where a prefecture is named (by its short name) more
often than the county-level city the full names chose, that prefecture is the home and every
unit under it is local.

Where the speaker is settled (its name in the title, or 我市/全市 five times and more), a stray
name counts too: a city of another province (a county of another prefecture) named once or
twice where the text names itself ("株洲市实行河长制" in a 洛阳市 regulation, "过去一年，新洲区
经济…" in a 海拉尔区 report), unless it stands in a list, after its province or city, beside a
partner, a comparison, a journey, a guest or an origin, or names a company, school or road.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import regex

from doclint.core import Document, Span, segmenter
from doclint.core.lazyregex import lazy_regex
from doclint.rules.style.divisions import COMMON_WORDS, WORD_NAMES, Divisions, Unit, divisions
from doclint.rules.templates.link_lists import PageNavigation
from doclint.rules.templates.parts import DocumentParts
from doclint.rules.templates.scan import find_all
from doclint.rules.years.words import at_word_boundaries

# 我旗/本县/全市: led by the unit character so the scan jumps between its occurrences.
_PRONOUNS = {kind: lazy_regex(rf"{kind}(?<=[我本全]{kind})(?![场域级])") for kind in "县旗市区"}
_SLOGAN_WORDS = (
    "和谐|平安|美丽|幸福|魅力|生态|文明|法治|健康|活力|富裕|宜居|数字|智慧|绿色|开放|创新|品质|"
    "书香|诚信|文化|人文|温馨|实力|秀美|大美|锦绣|富强|繁荣|清洁|宜业|宜游|精致|信用|森林|卫生|"
    "园林|畅通|无废|韧性|善治|廉洁|清廉|最美|醉美|印象|多彩|壮美|富美|强盛"
)
# A slogan is what a speech calls on its audience to build: "建设和谐阿荣", "“平安阿荣”创建".
# One pattern per opening word, each led by its literal (a fast scan); the class of the words'
# first characters turns away most openings (建设项目) before the alternation is tried.
_SLOGAN_FIRST = "".join(sorted({word[0] for word in _SLOGAN_WORDS.split("|")}))
_SLOGANS = tuple(
    lazy_regex(
        rf"{lead}(?=[{_SLOGAN_FIRST}])(?:{_SLOGAN_WORDS})+(?P<name>\p{{Han}}{{2,8}}?)"
        r"(?=[”\"」』。，！；、）)]|建设|创建|而|作出|的)"
    )
    for lead in ("建设", "构建", "打造", "创建", "争创", "“")
)
# "阿荣旗人民" is its people; "阿荣旗人民政府" is an institution anyone may name. A speech names
# its own congress ("在闸北区第十四届人民代表大会第三次会议上"), its own head ("…区人民政府区长"),
# its own territory and laws ("杭州市行政区域内", "杭州市地方性法规").
_OWN_AFTER = lazy_regex(
    r"(?:各族|广大|全体)?(?:人民(?![政法检代银医广出大警武团日公])|干部群众)|(?:发展)?史上|历史上"
    r"|(?:第[一二三四五六七八九十百零〇\d]{1,4}届)?人民代表大会"
    r"|人民政府(?:代)?[县区旗市]长|行政区域|地方性法规"
)
# "结合杭州市实际", "举全区之力", "我代表海拉尔区人民政府": the place is the speaker's own.
_OWN_AROUND = (
    (regex.compile(r"结合\Z"), regex.compile(r"(?:的)?(?:具体)?实际")),
    (regex.compile(r"举\Z"), regex.compile(r"之力")),
    (regex.compile(r"我代表\Z"), regex.compile(r"人民政府")),
)
# Another place named beside a partner, a visit or a lesson is not taken as one's own.
_PARTNER = lazy_regex(
    r"对口|支援|帮扶|协作|学习|借鉴|考察|参观|交流|兄弟|友好|结对|毗邻|相邻|周边|来自|赴|与|同"
)
# "…区域", "…市场", "…县级", "…区块": the characters before belong to another word.
_NOT_A_NAME_AFTER = frozenset("域场级块")
_WORD_WINDOW = 8
_NUMERAL_BEFORE = lazy_regex(r"[\d０-９一二三四五六七八九十百千万两几数多]\Z")
_CLAUSE = lazy_regex(r"[，。；！？：\n]")
# A county named by a two-character name at a title's start, after its year or its city:
# "易县2017年…", "2020年唐县政府工作报告", "保定市雄县…".
_SHORT_HOME = lazy_regex(
    r"(?:(?<![\p{Han}])|(?<=[年市州盟]))(?![全本我该各市区省州盟旗县])\p{Han}[县旗]"
    r"(?=人民政府|政府|人大|\d|第)"
)
_MIN_PRONOUNS = 3
_MIN_HOME_SCORE = 2  # named twice, or once as its own
# A stray name ("负责晋城市煤炭消费…" in a 信阳市 regulation) is reported in any frame only
# where the speaker is settled: many pronouns, or its own name in the title; and only when the
# other place is named once or twice (a place named often is a subject of the text).
_MIN_SETTLED_PRONOUNS = 5
_MAX_STRAY = 2
_LIST_MARKS = frozenset("、和及与同跟或至—-～~（(/")
# "四川省宜宾市", "梅州市梅江区": a place qualified by its province or city is named as elsewhere.
_QUALIFIED = lazy_regex(r"(?:省|自治区|[市州盟])\Z")
_OTHER_AFTER = lazy_regex(
    r"等|、|和|与|及|籍|人(?!民)|大学|学院|学校|中学|小学|医院|公司|集团|银行|日报|晚报|电视台"
    r"|客商|商会|企业|站|港|机场|高速|铁路|方向|一带|经验|做法|模式|考察|学习|参观|调研"
    r"|召开|举办|举行|签约|签订|合作|对口|援|帮扶|结对|段"
)
_VERB_JI = frozenset("涉普危顾波论提")
# Partners of a stray name anywhere in its clause: "同" and "与" of "会同", "参与", "同时" are not.
# Lessons, visits and neighbours (学习, 考察, 毗邻) are.
_STRAY_PARTNER = lazy_regex(
    r"对口|支援|帮扶|协作|学习|借鉴|考察|参观|交流|兄弟|友好|结对|毗邻|相邻|周边|来自|赴"
    r"|(?<![会共相不如])同(?![时步比意等])|(?<![参给])与(?!会)"
)
_PARTNER_AFTER = lazy_regex(
    r"合作|协作|交流|对口|结对|帮扶|签约|签署|考察|学习|友好|共建|联动|协同|调研|视察|访问|来访"
    r"|率团|代表团|考察团|一行|同志|客人|朋友|看齐|取经|捐赠|输送|运往|销往|发往"
)
# The speaker named in the same clause as a partner's goal: the other place is its partner or
# guest ("…一行来我市调研", "…与我市签订协议", "…客商在我市投资").
_SELF_NAMED = lazy_regex(r"[来到与和同在对赴向给援][我本全][县旗市区](?![场域级])")
_ELSEWHERE_BEFORE = lazy_regex(
    r"比|较|低于|高于|超过|次于|落后|领先|排名|位居|位列|位于|赶超|追赶|对标|对比|相比|如同|像"
    r"|例如|比如|包括|其中|分别|(?<![看感达做得受提遇想见识])到|至|前往|抵达|途经|经过"
    r"|连接|联通|通往|直达|接壤|对接|融入|联合"
    r"|携手|共建|共同|合作|引进|招商|签约|援建|在京|进京|外地|省外|市外|区外|县外|全国|国内"
)

# Where a route or a flow starts: "项目自临沂市临沭站引出", "从徐州市接入".
_ORIGIN_BEFORE = lazy_regex(r"(?:自|从|由)\Z")


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    unit: Unit
    own: bool  # named as the speaker's own unit (slogan, "…人民", "…史上")
    short: bool = False  # named without its suffix ("和谐阿荣")
    titled: bool = False  # in the document's title ("郑州市贾鲁河保护条例"): its subject


@dataclass(frozen=True, slots=True)
class Mix:
    """One document's own unit, and a mention that names another unit as its own."""

    home: Unit
    home_count: int
    home_first: Span
    kind: str
    pronouns: int
    mention: Mention


class OwnUnits:
    """Every entity mix of the file, found document by document."""

    def __init__(self, mixes: list[Mix]) -> None:
        self.mixes = mixes

    @classmethod
    def from_document(cls, doc: Document) -> OwnUnits:
        mixes: list[Mix] = []
        text = doc.text
        present = {kind: pattern for kind, pattern in _PRONOUNS.items() if kind in text}
        for part in doc.facts(DocumentParts).items:
            start, end = part.span.start, part.span.end
            pronouns = Counter(
                {kind: len(pattern.findall(text, start, end)) for kind, pattern in present.items()}
            )
            kind, count = max(pronouns.items(), key=lambda item: item[1], default=("", 0))
            table = divisions()
            titles = [t.span for t in part.titles]
            if count < _MIN_PRONOUNS:
                # A regulation says 市人民政府 and names its city in its title: "本市" once
                # is enough beside "郑州市…条例".
                kind = _titled_kind(text, titles, table)
                count = pronouns.get(kind, 0)
                if count < 1:
                    continue
            if _short_home_titled(text, titles, table, kind):
                continue  # its home has a name the table leaves out: another would be chosen
            mentions = _full_names(text, start, end, table, kind, titles) + _slogans(
                text, start, end, table, kind
            )
            # The page's link lists name other places' reports: not the speaker's words.
            navigation = doc.facts(PageNavigation)
            mentions = [m for m in mentions if not navigation.covers(m.span.start)]
            mixes.extend(_mixes(mentions, kind, count, text, start, end))
        return cls(mixes)


def _full_names(
    text: str, start: int, end: int, table: Divisions, kind: str, titles: list[Span]
) -> list[Mention]:
    """Full names of the speaker's kind, longest first ("新巴尔虎右旗" before "右旗")."""
    found: list[Mention] = []
    for position in find_all(text, kind, start, end):
        stop = position + 1
        unit = table.name_ending_at(text, stop, start)
        if unit is None or text[stop : stop + 1] in _NOT_A_NAME_AFTER:
            continue
        begin = stop - len(unit.name)
        if not _read_as_name(text, begin, stop, start, end):
            continue
        titled = any(t.start <= begin and stop <= t.end for t in titles)
        own = _named_as_own(text, begin, stop, start, end)
        found.append(Mention(Span(begin, stop), unit, own, titled=titled))
    return found


def _read_as_name(text: str, begin: int, stop: int, start: int, end: int) -> bool:
    """The characters at [begin, stop) read as a place name, not as the pieces of ordinary
    words: "新增城市绿地" holds no 增城市 (新增 ends on its first character), "呼包鄂城市群" no
    鄂城市 (城市群 runs on past it), "13项城市道路" no 项城市 (a numeral and its measure word).
    A word that holds the whole name ("北京市人民政府", "中共上海市委") or starts at its suffix
    ("盐城|市委") leaves it a name, and so does a province or city before it ("河南省项城市")."""
    if _qualified(text, begin, start) or not segmenter.available():
        return True
    low = max(start, begin - _WORD_WINDOW)
    words = [
        (first + low, last + low)
        for _, first, last in segmenter.words(text[low : min(end, stop + _WORD_WINDOW)])
    ]
    # A word before takes the name's head (新增|城市, 天津市|市长); a word after takes its tail
    # (鄂|城市群) or its suffix (天津市|市长).
    head = max((last for first, last in words if first < begin < last < stop), default=0)
    tail = min((first for first, last in words if begin < first < stop < last), default=stop)
    if tail < stop - 1 or (head and (head < stop - 1 or tail < stop)):
        return False  # 于海东|市 leaves the suffix alone: the segmenter knows a person so named
    return not any(
        first == begin and last == begin + 1 and _NUMERAL_BEFORE.search(text, low, begin)
        for first, last in words
    )


def _short_home_titled(text: str, titles: list[Span], table: Divisions, kind: str) -> bool:
    """A title names its county by a two-character name the table leaves out ("2021年易县政府
    工作报告", "蠡县2020年…"), and no unit the table knows: the home cannot be counted, and the
    unit named most would be taken for it."""
    for title in titles:
        if _SHORT_HOME.search(text, title.start, title.end) and _titled_kind(
            text, [title], table
        ) != kind:
            return True
    return False


def _titled_kind(text: str, titles: list[Span], table: Divisions) -> str:
    """The kind (县/旗/市/区) of the first unit a title names, or ""."""
    for title in titles:
        for position in range(title.start, title.end):
            if text[position] in _PRONOUNS:
                unit = table.name_ending_at(text, position + 1, title.start)
                if unit is not None:
                    return unit.kind
    return ""


def _named_as_own(text: str, begin: int, stop: int, start: int, end: int) -> bool:
    """The name at [begin, stop) in a frame that makes it the speaker's own, not a partner's."""
    own = bool(_OWN_AFTER.match(text, stop, end)) or any(
        before.search(text, max(start, begin - 3), begin) and after.match(text, stop, end)
        for before, after in _OWN_AROUND
    )
    if not own or text[begin - 1 : begin] == "、" or text[stop : stop + 1] == "、":
        return False
    clause = _CLAUSE.split(text[max(start, begin - 16) : begin])[-1]
    return not _PARTNER.search(clause)


def _qualified(text: str, begin: int, start: int) -> bool:
    """The name follows its province or city, as a place elsewhere is named: 四川省宜宾市,
    浙江安吉县, 梅州市梅江区, 湖州安吉县."""
    if _QUALIFIED.search(text, max(start, begin - 4), begin):
        return True
    regions = _region_names()
    return any(text[begin - k : begin] in regions for k in (2, 3) if begin - k >= start)


@functools.cache
def _region_names() -> frozenset[str]:
    """Short names of provinces and prefectures (浙江, 内蒙古, 湖州)."""
    table = divisions()
    prefectures = {
        u.short
        for u in table.by_name.values()
        if u.level in ("province", "prefecture") and len(u.short) >= 2
    }
    provinces = {u.province for u in table.by_name.values() if len(u.province) >= 2}
    return frozenset(prefectures | provinces)


def _among_own(text: str, begin: int, stop: int, start: int, end: int, home: Unit) -> bool:
    """A list of the home's own bodies with one of another place between them: "信阳高新区、
    酒泉市上天梯管理区、信阳市鸡公山管理区". The other name heads an item of its own (no 、 right
    after it) and the home is named in two other items of the clause."""
    if text[stop : stop + 1] in _LIST_MARKS or len(home.short) < 2:
        return False
    left = _CLAUSE.split(text[max(start, begin - 60) : begin])[-1]
    right = _CLAUSE.split(text[stop : min(end, stop + 60)])[0]
    return left.count(home.short) + right.count(home.short) >= 2 and "、" in left + right


def _slogans(text: str, start: int, end: int, table: Divisions, kind: str) -> list[Mention]:
    found = []
    for match in (m for pattern in _SLOGANS for m in pattern.finditer(text, start, end)):
        units = table.units_named(match.group("name"))
        if units:
            unit = next((u for u in units if u.kind == kind and u.level == "county"), units[0])
            short = match.group("name") != unit.name
            found.append(Mention(Span(match.start("name"), match.end("name")), unit, True, short))
    return found


def _mixes(
    mentions: list[Mention], kind: str, pronouns: int, text: str, start: int, end: int
) -> list[Mix]:
    # A slogan's full name is found twice (as a name and in the slogan): keep the slogan.
    by_span = {m.span: m for m in sorted(mentions, key=lambda m: m.own)}
    # A short name is also a word ("智慧公安", "美丽清新"): it names a place only when the
    # speech names that place in full too.
    named = {m.unit.name for m in by_span.values() if not m.short}
    mentions = sorted(
        (m for m in by_span.values() if not m.short or m.unit.name in named),
        key=lambda m: m.span.start,
    )
    scores: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.unit.kind == kind:
            scores[mention.unit.name] += 2 if mention.own or mention.titled else 1
            first.setdefault(mention.unit.name, mention)
    if not scores:
        return []
    home_name = max(scores, key=lambda n: (scores[n], -first[n].span.start))
    if scores[home_name] < _MIN_HOME_SCORE:
        return []
    home = first[home_name].unit
    home_first = first[home_name].span
    count = sum(1 for m in mentions if m.unit.name == home_name)
    settled = pronouns >= _MIN_SETTLED_PRONOUNS or first[home_name].titled
    prefecture = _reporting_prefecture(home, kind, text, start, end)
    if prefecture is not None:
        home, count = prefecture
        short = text.find(home.short, start, end)
        home_first = Span(short, short + len(home.short))
    named_times = Counter(m.unit.name for m in mentions)

    def stray(m: Mention) -> bool:
        return (
            settled
            and named_times[m.unit.name] <= _MAX_STRAY
            and _elsewhere(m.unit, home)
            and _in_own_place(text, m.span.start, m.span.end, start, end, home)
        )

    return [
        Mix(home, count, home_first, kind, pronouns, m)
        for m in mentions
        if _foreign(m.unit, home, kind) and (m.own or stray(m))
    ]


def _reporting_prefecture(
    home: Unit, kind: str, text: str, start: int, end: int
) -> tuple[Unit, int] | None:
    """The prefecture a report speaks for, where the unit its full names chose is a county-level
    city: 昆明's report says 我市 and names 安宁市 as one of its own places, and it names 昆明
    far more often than 安宁. The prefecture of the pronouns' kind named most often, and more
    often than the chosen city, is the home. Returns it and how often it is named."""
    if home.level != "county" or kind != "市":
        return None
    counts = [
        (text.count(unit.short, start, end), unit)
        for unit in _prefectures()
        if unit.short in text
    ]
    named, prefecture = max(counts, key=lambda c: c[0], default=(0, None))
    if prefecture is None or named <= text.count(home.short, start, end):
        return None
    return prefecture, named


@functools.cache
def _prefectures() -> tuple[Unit, ...]:
    """Prefecture-level cities with a short name of two characters and more (昆明, 呼伦贝尔)."""
    table = divisions()
    return tuple(
        u
        for u in table.by_name.values()
        if u.level == "prefecture" and u.kind == "市" and len(u.short) >= 2
        and u.short not in COMMON_WORDS
    )


def _elsewhere(unit: Unit, home: Unit) -> bool:
    """A unit certainly not the home's own: a city of another province beside a city, a
    county of another prefecture beside a county."""
    if unit.name in WORD_NAMES:
        return False
    if home.level == "prefecture":
        return unit.level == "prefecture" and unit.province != home.province
    return unit.level == "county" and unit.parent != home.parent and unit.parent != home.name


def _in_own_place(text: str, begin: int, stop: int, start: int, end: int, home: Unit) -> bool:
    """The name at [begin, stop) stands where the speaker names itself: not in a list (unless
    the list is of the home's own bodies), not qualified by its province or city, not beside a
    partner, a comparison, a journey or an origin, not the name of a company, school or road.
    Followed by one of the home's own counties ("贵阳市西工区" in a 洛阳市 text) it is the home's
    place in any frame."""
    if _home_county_at(text, stop, end, home):
        return True
    listed = _listed(text, begin, stop)
    if listed and not _among_own(text, begin, stop, start, end, home):
        return False
    if not at_word_boundaries(text, begin, stop):  # 适应城市 holds no 应城市
        return False
    if _qualified(text, begin, start):
        return False
    if _OTHER_AFTER.match(text, stop, end):
        return False
    clause = _CLAUSE.split(text[max(start, begin - 24) : begin])[-1]
    after = _CLAUSE.split(text[stop : min(end, stop + 24)])[0]
    if not listed and _SELF_NAMED.search(clause + after):
        return False  # "株洲市委书记一行来我市调研": two places in one clause
    return not (
        _STRAY_PARTNER.search(clause)
        or _ELSEWHERE_BEFORE.search(clause)
        or _ORIGIN_BEFORE.search(clause)
        or _PARTNER_AFTER.search(after)
    )


def _listed(text: str, begin: int, stop: int) -> bool:
    """The name is an item of a list: a list mark right before or after it (涉及, 普及 are
    verbs)."""
    before = text[begin - 1 : begin]
    if before == "及" and text[begin - 2 : begin - 1] in _VERB_JI:
        before = ""
    return before in _LIST_MARKS or text[stop : stop + 1] in _LIST_MARKS


def _home_county_at(text: str, stop: int, end: int, home: Unit) -> bool:
    """One of the home city's counties begins at ``stop``."""
    if home.level != "prefecture":
        return False
    table = divisions()
    for length in range(3, 7):
        unit = table.by_name.get(text[stop : min(end, stop + length)])
        if unit is not None and unit.parent == home.name:
            return True
    return False


def _foreign(unit: Unit, home: Unit, kind: str) -> bool:
    """Another county-level unit (or one of the speaker's kind), not the home, its parents or
    the counties inside it."""
    if unit.name == home.name or unit.name == home.parent or unit.short == home.province:
        return False
    if unit.parent == home.name:
        return False
    if unit.level == "province":
        return False
    if home.level == "prefecture" and unit.province == home.province:
        # Cities of one province merge and split (莱芜市 into 济南市): a city's own laws keep
        # the old name. Only a city of another province is certainly not its own.
        return False
    return unit.kind == kind or unit.level == "county"
