"""Where a news page or a scraped article runs a headline into its text, and the space that
separates the headline's clauses (or ends the headline) is the genre's own separator (T501).

A headline separates its clauses with a space ("俄称打击多个目标 乌称袭击变电站"). A scraper that
lost the line break after it runs the headline into the item's text, so the space stands inside
what looks like a long sentence. :func:`run_in_headline` of the news module reads the item's
opening (a time, a source and its day, a report formula); this module reads what else tells a
headline from a sentence. A headline run into its item follows the previous item's last sentence
(or an item's short dateline), is terse (no 的, 了, 是, no day of the month) and short; then:

- the item's text names again what its headline says ("某市发生火灾 百余栋建筑受损某省某市12日
  下午发生火灾，……"), or names the headline's subject again within its first clause;
- a source opens the item ("……气象台预计，", "……国防部称，", "据某国媒体10日报道，"), or a word
  that opens a sentence ("此外，");
- a dateline follows, which opens an item: what stands before it is its headline, commas and all
  ("……李某主持 王某出席央视网消息（新闻联播）：");
- the document opens with its title run into its text (an article saved as one line).

A space that splits a word written whole elsewhere (other than in the item's restatement right
after it) stays a stray space.
"""

from __future__ import annotations

from doclint.core import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.news import AGENCY, NEWS_DATE
from doclint.rules.style.joined import written_together

_SPACES = " \t\u00a0\u2002\u2003\u3000"
_REACH = 64
# A headline opens after a sentence end, a line break or a tag, or after an item's short
# dateline and its colon ("央视网消息（新闻联播）：").
_START = lazy_regex(
    r"(?r)[。！？!?；;\r\n<>]|(?:讯|消息)(?:[（(][^（()）\r\n]{1,12}[）)])?[：:]"
)
# What a headline holds: characters, figures, quotation and title marks, a leading label
# ("宁夏："), spaces between its clauses; no comma or sentence mark.
_HEADLINE = lazy_regex(
    r"(?:\p{Han}{2,8}[：:])?"
    r"[\p{Han}\p{N}A-Za-z“”‘’\"《》〈〉·—\-.%％ \t\u00a0\u2002\u2003\u3000]+"
)
_HEADLINE_MIN, _HEADLINE_MAX = 2, 60
_CLAUSE_END = lazy_regex(r"[，。；！？、,;!?：:\r\n<>]")
_SENTENCE_END = lazy_regex(r"[。！？!?\r\n<>]")
# A stretch of the headline the text names again: characters and figures, at least this long.
_RESTATED_MIN = 4
_RESTATING_REACH = 200
_WORD = lazy_regex(r"[\p{Han}\p{N}]+")
_HAN_RUN = lazy_regex(r"\p{Han}+")
# A source opening the item's text: an office, an agency or a body, or the holder of an office,
# and what it said, set off by a comma ("中央气象台预计，", "某国国防部22日称，", "某国总统某某
# 表示，"), or a report formula ("据某国媒体10日报道，").
_SOURCE = lazy_regex(
    r"(?:(?:部|局|委|院|署|台|社|厅|办|中心|政府|组织|机构|委员会|办公室|议会|军方)(?:\p{Han}{0,3}?发言人)?"
    r"(?:[0-9０-９]{1,2}日)?(?:称|表示|预计|宣布|说|介绍|通报)"
    r"|(?:总统|总理|首相|主席|秘书长|发言人|部长|外长|大使|国务卿|议长)\p{Han}{1,6}?"
    r"(?:[0-9０-９]{1,2}日)?(?:称|表示|说|指出|强调)"
    r"|(?<![根依证数占论])据\p{Han}{2,16}?(?:[0-9０-９]{1,2}日)?(?:报道|消息|统计|介绍|监测))$"
)
_SOURCE_AFTER = 8  # the headline's second clause and the source's name before what it said
# A word that opens a sentence of the item's text, set off by a comma ("此外，", "目前，").
_CONNECTIVE = lazy_regex(r"(?:此外|另外|同时|与此同时|目前|据悉|据了解|对此|为此|此前|随后|其中)$")
# A dateline that opens an item ("央视网消息（新闻联播）：", "新华社北京3月8日电 ").
_DATELINE = lazy_regex(
    rf"(?<![据从自经])(?:{AGENCY}{NEWS_DATE}|{AGENCY}(?:讯|消息)(?:[（(][^（()）]{{1,12}}[）)])?[：:])"
)
# A document that opens with its title run into its text: the title and the text's first clause
# run together without a mark for this long.
_OPENING_MIN = 32
# A headline run into its item's text after the previous item's last sentence: its clauses and
# the text's first clause run on without a mark for this long.
_RUN_MIN = 28
_ITEM_HEADLINE_MIN, _ITEM_HEADLINE_MAX = 6, 30
# The headline's first two characters (its subject: a place, a country, an office) named again in
# the clause after the space, past the headline's second clause, opening a clause of some length:
# a sentence does not repeat its subject within its first clause ("某地高温天气持续 多国气温
# 破纪录某地多国高温持续。").
_SUBJECT, _SUBJECT_AFTER = 2, 4
# Headlines are terse: a clause with a structural particle, or a day of the month ("27日向"),
# belongs to a sentence.
_PARTICLE = lazy_regex(r"[的了着把是]|[0-9０-９]日")
_BOUND_PARTICLES = "的了着地得过"
_LEAD = lazy_regex(r"[\r\n#>*\ufeff]*")
# A clause that opens with a word continuing a predicate ("……检查清单 的检查内容", "……工作
# 和改进……") goes on with a sentence; a headline's clause opens with a word of its own.
_CONTINUATION = lazy_regex(
    r"(?:应当|应该|必须|可以|要(?![求闻])|将|的|地|得|和|与|及|并|或|等|是|为|由|把|被|向|从|按|经|对|于"
    r"|了|着|过)"
)
# A split word: characters on both sides of the space written together elsewhere.


def item_headline(text: str, start: int, end: int) -> bool:
    """Whether the space ``text[start:end]`` separates the clauses of a headline run into its
    item's text, or ends it (see the module docstring)."""
    if _dateline_follows(text, end):
        return True
    back = _START.search(text, max(0, start - _REACH), start)
    if back is None and start > _REACH:
        return False
    first = back.end() if back else _LEAD.match(text).end()
    if back is None and text[first] in _SPACES:
        return False  # an indented paragraph opens the document, not its title
    while first < start and text[first] in _SPACES:
        first += 1
    if not _HEADLINE_MIN <= start - first <= _HEADLINE_MAX:
        return False
    if _HEADLINE.fullmatch(text, first, start) is None:
        return False
    stop = _CLAUSE_END.search(text, end, end + _REACH)
    after_end = stop.start() if stop else min(len(text), end + _REACH)
    # characters on both sides written together elsewhere, other than in the clause right
    # after the space (where an item's text restates its headline): a split word
    if written_together(text, Span(start, end), besides=Span(end, after_end)):
        return False
    if back is None:
        # The document's title run into its text: the two run on without a mark into the
        # text's first clause; a sentence of its own ends there, or goes on with a particle.
        return (
            after_end - first >= _OPENING_MIN
            and stop is not None
            and stop.group() in "，,"
            and text[end] not in _BOUND_PARTICLES
        )
    if back.group() in "\r\n<>；;" or _CONTINUATION.match(text, end):
        return False  # a line, a paragraph or an item opens with a sentence; a sentence goes on
    if start - first < _ITEM_HEADLINE_MIN:
        # A headline that opens with two names ("某国 某国遭遇暴雨"), whose text names the first
        # again when its first clause is done ("……影响，某国某地……").
        return (
            stop is not None
            and stop.group() in "，,"
            and _HAN_RUN.fullmatch(text, first, start) is not None
            and text.startswith(text[first:start], stop.end())
        )
    if start - first > _ITEM_HEADLINE_MAX:
        return False
    if _PARTICLE.search(text, first, start):
        return False  # a headline is written without particles
    if stop is not None and stop.group() in "，," and _opens_item(text, end, after_end):
        return True
    subject = text[first : first + _SUBJECT]
    again = -1
    if _HAN_RUN.fullmatch(subject):
        again = text.find(subject, end + _SUBJECT_AFTER, after_end)
    if again >= 0 and after_end - again >= _SUBJECT + _SUBJECT_AFTER:
        return True  # the text opens by naming the headline's subject again, in one clause
    return after_end - first >= _RUN_MIN and _restated(text, first, start, end)


def _dateline_follows(text: str, end: int) -> bool:
    """A dateline follows within reach, with no sentence end between: the stretch before it is
    the item's headline."""
    closing = _SENTENCE_END.search(text, end, end + _REACH)
    limit = closing.start() if closing else min(len(text), end + _REACH)
    found = _DATELINE.search(text, end, limit)
    return found is not None and found.start() > end


def _opens_item(text: str, end: int, after_end: int) -> bool:
    """The clause after the space ends with a source and what it said, after the headline's
    second clause ("局地特大暴雨中央气象台预计，"), or it is a word that opens a sentence: the
    space ended the headline ("……应对灾情 此外，")."""
    if _CONNECTIVE.fullmatch(text, end, after_end):
        return True
    source = _SOURCE.search(text, end, after_end)
    return source is not None and source.start() - end >= _SOURCE_AFTER


def _restated(text: str, first: int, start: int, end: int) -> bool:
    """A stretch of the headline before the space reappears in the text after it."""
    after = text[end : end + _RESTATING_REACH]
    for word in _WORD.findall(text, first, start):
        for i in range(len(word) - _RESTATED_MIN + 1):
            if word[i : i + _RESTATED_MIN] in after:
                return True
    return False
