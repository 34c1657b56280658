"""Facts with a known year that a rewritten year contradicts: a leader acting after his death
(``2006年三月，邓小平同志指出``), a session of the National People's Congress dated outside its
year (``2019年四月，第七届全国人民代表大会第一次会议通过决议``: that session met in 1988), a
Central Committee or Politburo of a term dated outside its term (``2020年11月23日在十八届中央政治局
第二十八次集体学习时的讲话``: the 18th sat 2012–2017).

Each is one ``Conflict`` (a tuple of ``Related``) for the year-placeholder rule, for a year
``value``: only a year that opens the clause of the fact dates it.
"""

from __future__ import annotations

import regex

from doclint.core import Document, Message, Related, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals

Conflict = tuple[Related, ...]
_Y = r"(?<![0-9〇○零一二三四五六七八九十])(?P<y>(?:19|20)[0-9]{2}|[一二][〇○零一二三四五六七八九]{3})"
_CN = "〇○零一二三四五六七八九十"
# A year (and month, day) opening a clause: 2006年三月，…; 1952年7月后，…; 在1956年….
_OPENING = (rf"(?:^|(?<=[。！？；：:\n，,（(　 ]|<p>|<br>))(?:在|于)?{_Y}\s?年"
            rf"(?:\s?[0-9{_CN}]{{1,2}}\s?月(?:\s?[0-9{_CN}]{{1,3}}\s?日)?(?:初|中旬|下旬|上旬|底)?)?"
            r"(?:后|以后|底|初|春|夏|秋|冬|春夏之交)?")
# Leaders and the year each died: whatever they did was done by then.
_DIED = {"毛泽东": 1976, "周恩来": 1976, "朱德": 1976, "刘少奇": 1969, "邓小平": 1997, "陈云": 1995,
         "叶剑英": 1986, "李先念": 1992, "胡耀邦": 1989, "彭德怀": 1974, "任弼时": 1950, "董必武": 1975,
         "彭真": 1997, "杨尚昆": 1998, "聂荣臻": 1992, "贺龙": 1969, "陈毅": 1972}
_ACT = (r"(?:指出|说|强调|提出|评价|视察|会见|回国|担任|当选|主持|写道|题词|发表|作出|谈到|讲到|考察|来到"
        r"|恢复工作|开始主持|领导|签署|批示|接见|访问)")
_ACTING = lazy_regex(
    rf"{_OPENING}\s?[，,]?\s?(?:[^。！？；\n，,]{{0,12}}?)(?P<who>{'|'.join(_DIED)})(?:同志|主席|总理|委员长)?"
    rf"(?:在[^。！？；\n]{{0,24}}?)?(?:[^。！？；\n，,]{{0,6}}?){_ACT}", regex.M)
_NOT_ACTING = lazy_regex(r"纪念|诞辰|逝世|去世|缅怀|学习|重温|研究|思想|理论|文选|著作|全集|年谱|传")
# 第七届全国人民代表大会第一次会议, 七届全国人大一次会议, 全国政协十届二次会议: the n-th term
# of the NPC and the CPPCC (from the fifth) opens five years after the one before, in 1978.
_SESSION = lazy_regex(
    rf"{_OPENING}\s?[，,]?\s?(?:[^。！？；\n，,]{{0,8}}?)(?:第)?(?P<term>[{_CN}]{{1,3}})届全国(?:人民代表大会|人大|政协|政治协商会议)"
    rf"(?:第)?(?P<session>[一二三四五])次(?:全体)?会议", regex.M)
_FIFTH_TERM = 1978
# 十八届中央政治局, 十九届中央委员会, 十八届中央纪委 (not 十八届三中全会, a plenum).
_CC_TERM = lazy_regex(
    rf"(?:{_OPENING}|{_Y}\s?年\s?[0-9]{{1,2}}\s?月\s?[0-9]{{1,2}}\s?日\s?(?=在))\s?[，,]?\s?(?:[^。！？；\n]{{0,16}}?)(?<![第全])(?P<term>十[一二三四五六七八九]?|二十[一二]?)届"
    r"(?:中央政治局|中央委员会|中央书记处|中央纪委|中央纪律检查委员会)(?!委员)", regex.M)
# A people's congress (or its standing committee) of a province or the nation, dated: 1999年5月30日
# 河南省第九届人民代表大会常务委员会第九次会议通过. Its terms last five years, so one year sees at
# most two of them.
_TERM_DATED = lazy_regex(
    rf"{_Y}\s?年[^。；\n]{{0,16}}?(?P<body>\p{{Han}}{{0,6}}?)第(?P<term>[{_CN}]{{1,3}})届(?P<nation>全国)?人民代表大会")
_MAX_TERMS_A_YEAR = 2
# A founding in a year and the founding's anniversary near it: 创办于1923年 … 建校100周年.
_FOUNDED = lazy_regex(
    rf"(?:成立|创办|创建|建立|始建|诞生|创刊|组建|建校|建院)于\s?{_Y}\s?年"
    rf"|(?<![将拟定])于\s?{_Y}\s?年(?:\s?[0-9]{{1,2}}\s?月(?:\s?[0-9]{{1,2}}\s?日)?)?(?:正式)?(?:组建)?(?:成立|创办|创建)(?!以来|后|之后|时)"
    rf"|(?:自|从)\s?{_Y}\s?年(?:\s?[0-9]{{1,2}}\s?月(?:\s?[0-9]{{1,2}}\s?日)?)?(?:正式)?"
    r"(?:启动|开通|建成|成立|创办|创建|建交|开馆|通车|开园)(?:以来|至今)")
_ANNIVERSARY = lazy_regex(
    rf"(?:建校|建院|成立|建厂|建馆|建队|创刊|办学|诞生|创建|创办|组建|启动|开通|建成|建交|开馆|通车|开园)"
    rf"(?P<n>[0-9]{{1,3}}|[{_CN}百]{{1,4}})周年")
_ANNIVERSARY_REACH = 400
# Events of a known year, told as happening in the clause a year opens: 1927年8月1日，中国共产党
# 领导发动了南昌起义. Not a memorial, an anniversary or a spirit of them (参观南昌起义纪念馆).
_EVENTS = {"南昌起义": 1927, "秋收起义": 1927, "广州起义": 1927, "遵义会议": 1935, "古田会议": 1929,
           "九一八事变": 1931, "西安事变": 1936, "七七事变": 1937, "卢沟桥事变": 1937, "全民族抗战爆发": 1937,
           "开国大典": 1949, "汶川特大地震": 2008, "汶川地震": 2008, "香港回归祖国": 1997, "澳门回归祖国": 1999,
           "甲午战争": 1894, "日俄战争": 1904, "辛亥革命": 1911, "五四运动": 1919, "华北事变": 1935,
           "百团大战": 1940, "皖南事变": 1941, "西藏和平解放": 1951, "朝鲜内战爆发": 1950,
           "朝鲜战争爆发": 1950, "唐山大地震": 1976, "瓦窑堡会议": 1935, "洛川会议": 1937,
           "七届二中全会": 1949, "十一届三中全会": 1978, "古田全军政治工作会议": 2014,
           "全国脱贫攻坚总结表彰大会": 2021}
_EVENT = lazy_regex(
    rf"{_OPENING}\s?[，,]?\s?(?P<clause>[^。！？；\n]{{0,40}}?)(?P<event>{'|'.join(_EVENTS)})", regex.M)
# …and not a clause that names another year before the event (1900年…，1904年发动日俄战争).
_ANOTHER_YEAR = lazy_regex(r"(?:19|20)[0-9]{2}\s?年|[一二][〇○零一二三四五六七八九]{3}年")
_NOT_THE_EVENT = lazy_regex(r"纪念|周年|旧址|遗址|精神|以来|展览|重温|回顾|参观|缅怀|学习|故事|电影|话剧|剧")
# A celebration of an anniversary of a known founding, dated by the year opening its clause
# (2021年7月1日，在庆祝中国共产党成立一百周年大会上): it met in the founding's year plus N.
_FOUNDINGS = {"中国共产党成立": 1921, "中华人民共和国成立": 1949, "新中国成立": 1949, "中国人民解放军建军": 1927,
              "改革开放": 1978, "海南建省办经济特区": 1988, "深圳经济特区建立": 1980, "浦东开发开放": 1990,
              "香港回归祖国": 1997, "澳门回归祖国": 1999, "西藏和平解放": 1951, "五四运动": 1919,
              "辛亥革命": 1911, "红军长征胜利": 1936, "中国人民志愿军抗美援朝出国作战": 1950}
_CELEBRATED = lazy_regex(
    rf"{_OPENING}\s?[，,]?\s?(?:习近平(?:总书记|主席|同志)?)?\s?在(?:庆祝|纪念)(?P<what>{'|'.join(_FOUNDINGS)})"
    rf"(?P<n>[0-9]{{1,3}}|[{_CN}百]{{1,4}})周年(?:庆祝|纪念)?大会", regex.M)
# A résumé step of a year, then the post held in the first years of the People's Republic
# (一九三一年加入中国共产党。建国初期任中共天津地委书记): the step came before them.
_STEP_THEN_EARLY_PRC = lazy_regex(
    rf"{_Y}\s?年(?:[0-9{_CN}]{{1,2}}\s?月)?(?:加入中国共产党|入党|参加革命|参加工作|参加中国工农红军|参加八路军|参加新四军|入伍)"
    r"[，,。；]\s?(?:建国|新中国成立|全国解放|解放)(?:初期|初|后)(?:曾)?(?:任|担任|历任|调任)")
_EARLY_PRC_LAST = 1956
# The congress that opens each term: 十六大 2002, 十七大 2007, 十八大 2012, 十九大 2017, 二十大 2022.
_CONGRESS_YEAR = {16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022, 21: 2027}


def dated_fact_conflicts(doc: Document, value: int) -> list[Conflict]:
    """Facts of a known year that the year ``value`` dates wrongly in ``doc``."""
    text = doc.text
    found: list[Conflict] = []
    for match in _ACTING.finditer(text):
        died = _DIED[match.group("who")]
        if _year(match) == value > died and not _NOT_ACTING.search(match.group()):
            found.append(_note(match, f"{match.group('who')}逝世于{died}年，此处写作{value}年",
                               f"{match.group('who')} died in {died}, not {value}"))
    for match in _SESSION.finditer(text):
        term = numerals.chinese_cardinal(match.group("term"))
        met = _FIFTH_TERM + 5 * (term - 5) + numerals.chinese_cardinal(match.group("session")) - 1
        if term >= 5 and _year(match) == value != met:
            found.append(_note(match, f"第{match.group('term')}届第{match.group('session')}次会议在{met}年",
                               f"that session met in {met}, not {value}"))
    for match in _CC_TERM.finditer(text):
        term = numerals.chinese_cardinal(match.group("term"))
        first, last = _CONGRESS_YEAR.get(term), _CONGRESS_YEAR.get(term + 1)
        if first is not None and last is not None and _year(match) == value \
                and not first <= value <= last:
            found.append(_note(match, f"{match.group('term')}届任期为{first}—{last}年",
                               f"the {term}th term ran {first}–{last}, not {value}"))
    told: set[int] = set()
    for match in _EVENT.finditer(text, overlapped=True):  # the year nearest the event may start late
        happened = _EVENTS[match.group("event")]
        if match.start("event") in told:
            continue
        after = text[match.end():match.end() + 6]
        if _year(match) == value != happened and not _NOT_THE_EVENT.search(match.group("clause") + after) \
                and not _ANOTHER_YEAR.search(match.group("clause")):
            told.add(match.start("event"))
            found.append(_note(match, f"{match.group('event')}发生于{happened}年，此处写作{value}年",
                               f"{match.group('event')} happened in {happened}, not {value}"))
    for match in _CELEBRATED.finditer(text):
        held = _FOUNDINGS[match.group("what")] + numerals.number(match.group("n"))
        if _year(match) == value != held:
            found.append(_note(match, f"{match.group('what')}{match.group('n')}周年在{held}年，此处写作{value}年",
                               f"that anniversary fell in {held}, not {value}"))
    for match in _STEP_THEN_EARLY_PRC.finditer(text):
        if _year(match) == value > _EARLY_PRC_LAST:
            found.append(_note(match, f"{value}年的经历写在建国初期任职之前",
                               f"a step in {value} told before a post of the early People's Republic"))
    found += _terms_of_one_year(text, value) + _anniversaries(text, value)
    return sorted(found, key=lambda conflict: conflict[0].span.start)


def _terms_of_one_year(text: str, value: int) -> list[Conflict]:
    """Three or more terms of one people's congress dated in the single year ``value`` (the
    adoption and amendment history of a regulation, every year rewritten)."""
    terms: dict[tuple[str, bool], dict[int, regex.Match[str]]] = {}
    for match in _TERM_DATED.finditer(text):
        if _year(match) == value:
            key = (match.group("body"), bool(match.group("nation")))
            terms.setdefault(key, {}).setdefault(numerals.chinese_cardinal(match.group("term")), match)
    found: list[Conflict] = []
    for seen in terms.values():
        if max(seen) - min(seen) >= _MAX_TERMS_A_YEAR:
            first, last = seen[min(seen)], seen[max(seen)]
            found.append((Related(Span(first.start("y"), first.end()), Message(
                f"{value}年同一人大的第{first.group('term')}届与第{last.group('term')}届",
                f"terms {min(seen)} and {max(seen)} of one congress, both in {value}")),
                Related(Span(last.start("y"), last.end()), Message("另一届", "the other term"))))
    return found


def _anniversaries(text: str, value: int) -> list[Conflict]:
    """A founding dated ``value`` and an anniversary of it nearby: its N-th year is ``value`` + N."""
    found: list[Conflict] = []
    for founded in _FOUNDED.finditer(text):
        if _year(founded) != value:
            continue
        start = max(0, founded.start() - _ANNIVERSARY_REACH)
        for anniversary in _ANNIVERSARY.finditer(text, start, founded.end() + _ANNIVERSARY_REACH):
            if numerals.number(anniversary.group("n")) >= 1:
                found.append((Related(Span(founded.start("y"), founded.end()), Message(
                    f"始于{value}年，文中又有“{anniversary.group()}”",
                    f"begun in {value}, yet “{anniversary.group()}”")),
                    Related(Span(*anniversary.span()), Message("周年", "the anniversary"))))
                break
    return found


def _year(match: regex.Match[str]) -> int:
    year = match.group("y")
    return int(year) if year.isdigit() else numerals.chinese_digits(year)


def _note(match: regex.Match[str], zh: str, en: str) -> Conflict:
    return (Related(Span(match.start("y"), match.end()), Message(zh, en)),)
