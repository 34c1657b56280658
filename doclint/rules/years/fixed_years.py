"""Names that carry their own year: 《2030年可持续发展议程》, 2008年北京奥运会, “九五”计划和2010年远景目标.

The year inside such a name is fixed by what it names, whatever the document's year. A text
whose years were all rewritten to one value writes these names with the wrong year
(《联合国2024年可持续发展议程》), which is evidence for the placeholder rule (Y301).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

import regex

from doclint.core import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.prefilter import Prefilter, analyse, top_level_branches
from doclint.rules.years.mentions import plan_years
from doclint.rules.years.numerals import chinese_cardinal

_Y = r"(?P<y>(?:19|20)[0-9]{2})\s?年"


class _Name(NamedTuple):
    pattern: regex.Pattern[str]
    low: int  # the years the name allows
    high: int
    what: str


def _name(pattern: str, low: int, high: int | None = None, what: str = "") -> _Name:
    return _Name(lazy_regex(pattern), low, low if high is None else high, what)


_NAMES = (
    _name(rf"{_Y}可持续发展议程", 2030, what="可持续发展议程"),
    _name(rf"{_Y}后发展议程", 2015, what="后发展议程"),
    # Its short form (落实2030年议程); the African Union's 2063 one is the only other.
    _name(rf"(?<![0-9])(?<!会议|会|大会)(?!2063){_Y}议程", 2030, what="2030年议程"),
    # The selected works and their first editions.
    _name(rf"江泽民文选[^人\n]{{0,12}}人民出版社{_Y}", 2006, what="《江泽民文选》的出版年"),
    # 《邓小平文选》: the third volume in 1993; the first two in 1983, their second edition in 1994.
    _name(rf"邓小平文选》?\s?第(?:3|三)卷[^人\n]{{0,4}}人民出版社{_Y}", 1993, what="《邓小平文选》第三卷的出版年"),
    _name(rf"邓小平文选》?\s?第(?:1|2|一|二)卷[^人\n]{{0,4}}人民出版社{_Y}", 1983, 1994,
          what="《邓小平文选》第一、二卷的出版年"),
    _name(rf"(?:非盟|非洲联盟)[^。，；\n]{{0,4}}{_Y}议程", 2063, what="非盟议程"),
    _name(rf"{_Y}北京(?:夏季)?奥运会|北京{_Y}(?:夏季)?奥运会", 2008, what="北京奥运会"),
    _name(rf"{_Y}北京冬(?:残)?奥会|北京{_Y}冬(?:季)?(?:残)?奥(?:运)?会", 2022, what="北京冬奥会"),
    _name(rf"{_Y}上海世(?:界)?博(?:览)?会", 2010, what="上海世博会"),
    _name(rf"{_Y}广州亚运会", 2010, what="广州亚运会"),
    _name(rf"{_Y}(?:巴黎)奥运会|巴黎{_Y}奥运会", 2024, what="巴黎奥运会"),
    _name(rf"{_Y}东京奥运会|东京{_Y}奥运会", 2020, 2021, what="东京奥运会"),
    _name(rf"{_Y}(?:里约)奥运会|里约{_Y}奥运会", 2016, what="里约奥运会"),
    _name(rf"{_Y}伦敦奥运会|伦敦{_Y}奥运会", 2012, what="伦敦奥运会"),
    _name(rf"{_Y}成都大运会", 2021, 2023, what="成都大运会"),
    _name(rf"{_Y}哈尔滨亚冬会|哈尔滨{_Y}亚冬会", 2025, what="哈尔滨亚冬会"),
    _name(rf"{_Y}卡塔尔世界杯", 2022, what="卡塔尔世界杯"),
    _name(rf"{_Y}(?:通过的|达成的|签署的)?《巴黎协定》", 2015, 2016, what="《巴黎协定》"),
    # The national goals of the second centenary stage, set in 2017: 到2035年基本实现社会主义
    # 现代化 (and the army's modernisation, the strong nations of education, science, talent,
    # culture and sport); the army's centenary goal of 2027.
    _name(rf"(?<![率先])(?:到|至|锚定)\s?{_Y}[，,]?\s?(?:我国|我们)?(?:将)?(?:基本实现(?:社会主义现代化|国防和军队现代化)"
          r"|建成(?:教育|科技|人才|文化|体育)强国)", 2035, what="基本实现社会主义现代化的目标年"),
    # The first centenary goal, set for 2020: a moderately prosperous society in all respects,
    # no one left below the current poverty line (not a province's earlier one: 率先…, 全省…).
    _name(rf"(?<![率先])(?:到|至)\s?{_Y}[，,]?\s?(?:我国|我们)?(?:将|要)?(?:如期)?全面建成小康社会"
          rf"|(?:到|至)\s?{_Y}[，,]?\s?(?:我国)?现行标准下(?:的)?(?:农村)?(?:牧区)?贫困人口(?:全部|实现)?脱贫",
          2020, what="全面建成小康社会的目标年"),
    _name(rf"(?:到|至)\s?{_Y}[，,]?\s?(?:如期)?实现建军一百年奋斗目标", 2027, what="建军一百年奋斗目标"),
    _name(rf"{_Y}杭州亚运会", 2022, 2023, what="杭州亚运会"),
    # Crises that broke out in a known year, named with it: 2008年爆发的国际金融危机.
    _name(rf"{_Y}(?:爆发|发生)的(?:国际|全球|世界)(?:经济)?金融危机", 2007, 2008, what="国际金融危机爆发之年"),
    _name(rf"{_Y}(?:爆发|发生)的亚洲金融危机", 1997, 1998, what="亚洲金融危机爆发之年"),
    # National pledges: peak before 2030, neutrality before 2060 (local targets come earlier,
    # but never as early as the years a document is written in).
    _name(rf"{_Y}前(?:实现)?碳中和", 2041, 2070, what="碳中和"),
    _name(rf"{_Y}前(?:实现)?碳达峰|{_Y}前达到(?:碳排放)?峰值", 2025, 2035, what="碳达峰"),
)
# “九五”计划和2010年远景目标: the long-range year lies beyond the plan.
_PLAN_AND_VISION = lazy_regex(
    rf"“?(?P<n>十[一二三四五]?|[一二三四五六七八九])五”?(?:计划|规划)和{_Y}远景目标")


_VISION = (5, 15)  # the long-range year, in years after the plan's last


class FixedYear(NamedTuple):
    span: Span
    year: int
    low: int
    high: int
    what: str


@functools.cache
def _words_of(pattern: str) -> tuple[Prefilter, ...]:
    """The literal words every match of each branch of a name's pattern holds (kept: the names
    are fixed)."""
    return tuple(analyse(branch) for branch in top_level_branches(pattern) or (pattern,))


def fixed_years(doc: Document) -> Iterator[FixedYear]:
    """Every name with a year of its own, whether or not the year written is the right one."""
    text = doc.text
    for name in _NAMES:
        if not any(words.admits(text) for words in _words_of(name.pattern.pattern)):
            continue  # most texts name none of these: a few substring tests rule each name out
        for match in name.pattern.finditer(text):
            yield FixedYear(Span(*match.span()), int(match.group("y")), name.low, name.high,
                            name.what)
    for match in _PLAN_AND_VISION.finditer(text):
        ordinal = chinese_cardinal(match.group("n"))
        last = plan_years(ordinal)[1]
        # 九五 (1996—2000) and 2010, 十四五 (2021—2025) and 2035: about ten years beyond it.
        yield FixedYear(Span(*match.span()), int(match.group("y")), last + _VISION[0], last + _VISION[1],
                        f"“{match.group('n')}五”之后的远景目标")
