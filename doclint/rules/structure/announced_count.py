"""T205: a sentence announces N parts and the text delivers a different number."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.document import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import siblings
from doclint.rules.structure.model import (
    Announcement,
    Block,
    Enumeration,
    Kind,
    Level,
    Structure,
)
from doclint.rules.structure.numerals import han, ordinal

_REACH = 3  # the first numbered part must start within this many blocks of the announcement,
_NEAR = 120  # or within this many characters of it (short lines between: 同志们，⏎（掌声）⏎…)
_NEAR_BLOCKS = 8
# The first part of a list marked ``（一）`` or ``一、`` right after the announcing clause; a scraped
# page may hold its line breaks as the literal characters ``\r\n``, its indents as ``&nbsp;``,
# its paragraphs in tags (``……的工作：</p><p>（一）……``) and a lost character as ``?``
# (``\r\n??（一）``).
_BREAK = r"[\s\u3000\u200b\ufeff。：:]|\\[rn]|</?p(?:\s[^<>\n]*)?>|<br\s*/?>|&nbsp;"
_OUTER_FIRST = lazy_regex(
    rf"(?:{_BREAK}|&nbsp;|[?？](?=[?？]*[（(]))*(?P<m>[（(]一[）)]|(?<![一二三四五六七八九十])一、|(?<![0-9０-９.．])[1１][、.．](?![0-9０-９]))")
# A lead-in of the list's own right before its first item (…还存在一些困难和问题：一是…).
_LEAD_IN = lazy_regex(rf"[：:](?:{_BREAK})*\Z")
_HAN = lazy_regex(r"\p{Han}")
_TRAILING = lazy_regex(rf"(?:{_BREAK})+\Z")
_LINE_BREAK = lazy_regex(r"(?:\n|\\[rn])+")
_SENTENCE_END = lazy_regex(r"[。！？!?；;\n]|\\[rn]")
_RESTATED = lazy_regex(r"[两二三四五六七八九十]{1,2}(?:个|点|条|项|大|方面)")
_OUTER_REACH = 200  # characters from one marked part to the next, to count them
# A part marker opening a line of a page whose line breaks are the characters ``\r\n``
# (``…的工作：\r\n（一）…\r\n（二）…``): the escapes, then white space, ``&nbsp;`` or the
# ``?`` of a lost character, then the marker.
_ESCAPED_LINE_PART = lazy_regex(
    r"(?:\\[rn])+(?:[\s\u3000?？]|&nbsp;)*"
    r"(?P<m>[（(](?P<two>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<one>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])"
    r"|(?P<three>[1-9][0-9]?|[１-９][０-９]?)[.．、](?![0-9０-９]))")
_ESCAPED_BEFORE = lazy_regex(r"(?:\\[rn])(?:[\s\u3000?？]|&nbsp;)*\Z")
_LEVEL_GROUP = {Level.ONE: "one", Level.TWO: "two", Level.THREE: "three"}
_UNKNOWN = (0, Span(0, 0), "")  # a list whose parts cannot be counted: nothing is reported
_BETWEEN = lazy_regex(_BREAK)
_INDENT_SPACE = " \t\u3000\u00a0\u2002\u2003"
# The short clause after a closing count, before its sentence ends (…三个方面⟨，具体是⟩：).
_COMMA_TAIL = lazy_regex(r"[，,][^\s\u3000。！？!?；;：:，,、（）()“”\"]{1,8}(?=[。：:])")
# The rest of an announcing clause up to its colon or full stop: 以下三个方面⟨的要求：⟩
_CLAUSE_TAIL = lazy_regex(r"[^\s\u3000。！？!?；;：:，,、（）()“”\"]{0,10}[：:。]")
# The next items written in words rather than numbered (一是…。另外一点，…).
# A count that sums up a list of names: ``从A、B、C、D、E五个方面`` (names joined by 、, the last
# by 、 or 和, the first right after a clause's start or 从/包括), then the count again. The last
# name is taken short so that the count stays out.
_SUMMED_LIST = lazy_regex(
    r"(?<=[，。；：:（(\s“]|从|包括|涵盖|围绕|聚焦|即)"
    r"(?P<names>(?:\p{Han}{2,6}、)+\p{Han}{2,6}?(?:(?:和|及|以及)\p{Han}{2,6}?)?)"
    r"等?(?P<n>[两二三四五六七八九十]{1,2}|[2-9])(?:个|项|条|大|方面)")
_SUMMED_REACH = 4000  # characters after the announcement searched for such a list
# The last items told together after the numbered ones (…第二，…。第三点和第四点，就是…).
_TOGETHER = lazy_regex(
    r"第(?P<a>[一二三四五六七八九十]{1,2})(?:点|个|条|项|方面)?(?:和|与|及|以及|、)"
    r"第(?P<b>[一二三四五六七八九十]{1,2})(?:点|个|条|项|方面)?")
# An item's marker alone on its line: ``一是``, ``二要``, ``第三，``.
_BARE_ITEM = lazy_regex(
    r"[\s\u3000]*(?P<m>(?P<n>[一二三四五六七八九十]{1,2})(?P<kind>是|要)|第(?P<n>[一二三四五六七八九十]{1,2}))"
    r"[\s\u3000：:，,]*")
_OTHER_ITEM = lazy_regex(r"另外一|另一[点个方条]|再一[点个方条]|还有一[点个方条]|其次|此外|二来|再就是")


class AnnouncedCount(Rule):
    """预告的条目数与正文实际给出的不一致：“下面，我讲四个问题”之后只有 `一、` `二、`。

    识别“讲（谈、提）N个问题/N点意见/N个方面”“以下N个方面”“抓好（做好、突出、提出了）N项工作/N个方面/
    N点要求”（“提出这三个要求”回指前文，不算），以及段末冒号前的“N个××”
    （“要力求做到“四个提升”：”）和段首复述的“N个××”。预告之后三段之内（或隔着的只是 120 字以内的几行短字）的第一个编号（标题或
    一是、一要、第一）必须从一开始，取这一组编号实际到达的最大序号与预告的数目比较。
    段中的“四个全面”“两个确立”之类是口号，不算预告；一句里有两个“N个××”时无法判断，不报。
    预告与编号之间另有一句预告（“办好了八个方面的实事。⏎主要做了以下六个方面的工作：⏎（一）…”）时，
    编号回答的是近的那一句。列出的编号之后，余下各项在同一段里合起来交代（“第一，…第二，…
    第三点和第四点，就是…”）时，各项都在。“讲几点意见”这样的不定数不是预告。每一项都写作“一是”（“一是……，一是……”），或第一项
    之后用“另外一点”“其次”等文字接续时，条目另有数法，不报；在同一段里说完的列表（第一，…；
    第二，…。）到段末为止，第一项接在预告之后、其余各项各自开段的（“……三个方面；一是……⏎二是……⏎
    三是……”）逐段数下去；预告所在的分句之后紧接段中的“（一）…；（二）…”“一、…二、…”或“1、…2、…”
    （“实现以下三个方面的要求：（一）…”，网页把换行存成字面的“\\r\\n”也一样）时，回答预告的是这些
    条目，照 T206 的办法数；条目太长数不清时不报，嵌套在其中的“一是…三是”不拿来数。预告之后、第一项
    之前另有一句以冒号引出这组编号的话（“还存在一些困难和问题：一是…”）时，编号回答的是那一句；
    那一句复述了数目（“提出了三点要求。三点要求，即：第一，…”）时仍回答预告。只以数目收尾的句子（“提出四点倡议。一是…”）由 T206 检查。
    网页把换行存成字面的“\\r\\n”、整篇报告挤在一行里时，各自起行（紧跟“\\r\\n”）的“（一）”“（二）”…
    不论多长都逐项数下去，到更高一级的“三、”、重新从“（一）”起的下一组或断了的序号为止。编号单独
    占一行、内容在下一行的（“一是⏎依法打击…⏎二是⏎…”）也照数。后文以这个数目概括同样多个名目的，
    只看预告所在的一句和最后一项所在的段落：前面某一项里的“粮食、畜牧、水产等三大产业”说的是这一项
    自己的事，不顶替编号。最后一个标题所在的段落里接着写出后面各项的（“（一）…。（二）…。（三）…”
    挤在一段里，网页丢了换行）照数。“讲这么三点，”这样只说点数的也是预告。用全角、不间断、
    en/em 空格缩进的行照常读；网页保留了段落标记的（“……三点主张：</p><p>一是……”），标记不算正文。
    预告句自己在逗号后引出条目的（“我讲三点意见，具体是：一是…”）不是另一句引语。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T205"
    name = "structure.announced-count"
    category = Category.TITLE_SEQUENCE
    summary = Message("预告的条目数与正文不符。", "The announced number of parts is not delivered.")
    message = Message("预告了{announced_zh}项，后文的编号到“{last}”为止（{delivered}项）。",
                      "{announced} parts are announced but the numbering stops at “{last}” "
                      "({delivered}).")
    examples = Examples(
        bad=("同志们：\n下面，我讲四个问题。\n一、统一思想\n要提高认识。\n二、突出重点\n要抓好项目。",
             "要力求做到“三个突破”：\n一是项目建设有突破。\n二是园区建设有突破。"),
        good=("下面，我讲两个问题。\n一、统一思想\n要提高认识。\n二、突出重点\n要抓好项目。",
              "我们要牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。"),
    )
    basis = "预告与实际条目数应一致"
    closing = False  # which announcements this rule reads

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        for announcement in structure.announcements:
            if announcement.closing != self.closing:
                continue
            found = _delivered(structure, announcement, doc.text)
            if found is None or found is _UNKNOWN:
                continue
            delivered, last_span, last_text = found
            if delivered == announcement.count \
                    or _names_summed(doc.text, announcement, last_span) \
                    or _rest_together(doc.text, last_span, delivered, announcement.count):
                continue
            note = Message("编号到此为止", "the numbering stops here")
            yield self.report(announcement.span, announced=announcement.count,
                              announced_zh=_count_zh(announcement.count),
                              delivered=delivered,
                              last=last_text, related=(Related(last_span, note),))


class ClosingCount(AnnouncedCount):
    """以数目收尾的句子紧接着就是第一项，条目数却与数目不符：“提出四点倡议。一是…二是…三是…”。

    以“N点/N个××/N项××”结束的句子（“提出四点倡议。”“主要把握了以下三点：”），紧接着就是
    第一项（一是、第一，、（一）、一、、1.）时是预告。段中紧接的“（一）（二）…”各项相距
    不远时照数；下一项在段中很远处时（长条目，或压平页面里的节号）数不清，不报。数量单位
    （三个百分点、两个月）和序数（第三个方面）不是预告；“讲几点体会”这样的不定数让同句的
    其他数目也不算预告。以句号收尾时，所数的须是列举之物（意见、问题、方面、任务……），
    含数目的提法（“实现两个根本性转变。第一，…”随后列的是措施）不是预告；数的是“点”时是列举
    （“有两点认识不清。第一，…”），钟点（“下午两点。”）除外。“从扩大供给和引导消费两方面入手。”
    这样的“N方面”概括的是紧挨在数目前、刚列出的几项，不是预告；分句里远在前面的“和”
    （“在“互联网+”和数字经济背景下的转型需要注意两个方面。”）连的是别的东西，仍是预告。扫描把项与项之间的句号读成“.”的
    （“…拖欠.八是…”）照样数下去；最后几项合起来交代的（“第三点和第四点，就是…”）都算。
    第一项开段、其余各项在同一段里接着写
    （“提出八方面措施。⏎一是…。二是…。”）时照数；后文列出同样多个名目并以这个数目概括
    （“五项保障措施”……“从组织领导、政策支持、人才支撑、发展环境、安全保障五个方面”）时，
    数的是这些名目，不报。“处理好两个关系。”数的关系也是列举之物。数目与第一项之间只隔着空白
    （含 en/em 空格缩进的空行）或网页的段落标记（“</p><p>”“<br />”“&nbsp;”）时，照样是紧接着。
    数目之后句子还带一个短分句（“有三点体会，供大家参考。”“抓好两个方面，具体是：”）时，所数的须是
    列举之物或“点”“方面”（“实现了两个翻番，主要做法是：”不是预告）。新闻提要里带编号的标题
    （“11.某国称重新控制四个村镇：”）数的是发生的事，其后的“（1）（2）”是相关报道，所数的
    不是列举之物时不算预告。
    """

    code = "T206"
    name = "structure.closing-count"
    summary = Message("句末预告的条目数与紧接的条目不符。",
                      "A sentence ending on a count is followed by a different number of items.")
    examples = Examples(
        bad=("会议提出四点倡议。一是加强政策沟通。二是深化务实合作。三是促进人文交流。",),
        good=("会议提出三点倡议：一是加强政策沟通；二是深化务实合作；三是促进人文交流。",),
    )
    closing = True


def _delivered(structure: Structure, announcement: Announcement,
               text: str) -> tuple[int, Span, str] | None:
    """How far the numbering after the announcement goes: (highest number, its span, its text)."""
    blocks = structure.blocks
    origin = blocks[announcement.block]
    if announcement.closing:
        inline = _outer_parts(text, _clause_end(text, announcement), origin)
        if inline is not None:
            return inline
    else:
        # ``以下三个方面的要求：（一）…；（二）…`` — the rest of the clause, then the parts
        tail = _CLAUSE_TAIL.match(text, announcement.span.end, origin.span.end)
        inline = _outer_parts(text, tail.end(), origin) if tail else None
        if inline is not None:
            return inline
    heading = _first_heading(blocks, origin)
    item = _first_item(structure, announcement, origin)
    if item is not None and (heading is None or item.span.start < heading.span.start):
        if item.number != 1 \
                or _announced_between(structure, announcement, item.span.start, text) \
                or _own_lead_in(text, announcement, item.span.start):
            return None  # the list answers a nearer announcement (以下四个方面：第一，…)
        if announcement.closing and not _right_after(text, announcement, item.span.start):
            return None  # the items right after it are of a form not counted here (（一）…)
        return _items_run(structure, item, text)
    if item is None:
        bare = _bare_items(structure, origin, heading)
        if bare is not None:
            first, found = bare
            if _announced_between(structure, announcement, first, text) or (
                    announcement.closing and not _right_after(text, announcement, first)):
                return None
            return found
    if heading is None or heading.heading is None or heading.heading.number != 1 \
            or _announced_between(structure, announcement, heading.span.start, text):
        return None  # (…办好了八个方面的实事。⏎主要做了以下六个方面的工作：⏎（一）…: the nearer one's)
    if announcement.closing and not _right_after(text, announcement, heading.heading.marker.start):
        return None
    sequence = structure.sequences[heading.heading.sequence]
    members = [m for m in sequence.members if m >= heading.index]
    last = max(members, key=lambda m: _number(blocks[m]))
    marker = blocks[last].heading.marker  # type: ignore[union-attr]
    glued = _glued_parts(text, blocks[last])
    if glued is not None:
        return glued
    return _number(blocks[last]), marker, _text(blocks[last], marker)


def _glued_parts(text: str, block: Block) -> tuple[int, Span, str] | None:
    """The next parts run into the last heading's paragraph (``（一）…。（二）…。（三）…`` on
    one line, a page that lost its line breaks), each within a short reach of the one before:
    how far they go. None when no next part stands there."""
    heading = block.heading
    assert heading is not None
    number, last = heading.number, heading.marker
    while True:
        found = siblings.GLUED[heading.level](number + 1).search(text, last.end, block.span.end) \
            if heading.level in siblings.GLUED else None
        if found is None or found.start() - last.end > _OUTER_REACH:
            break
        number, last = number + 1, Span(found.start(), found.end())
    if number == heading.number:
        return None
    return number, last, text[last.start : last.end]


def _outer_parts(text: str, start: int, origin: Block) -> tuple[int, Span, str] | None:
    """Parts marked ``（一）…；（二）…`` or ``一、…二、…`` inside the announcing paragraph, right
    after it: the list that answers the announcement. An ``一是…三是`` list further on is nested
    inside one of these parts and is not counted. The parts are counted when each stands within
    a short reach of the one before; when the next one stands further on in the paragraph (long
    parts, or a flattened page's section markers), how far the list goes is unknown: _UNKNOWN.
    None when no such part follows."""
    end = origin.span.end
    first = _OUTER_FIRST.match(text, start, end)
    if first is None:
        return None
    level = Level.TWO if first["m"][0] in "（(" else Level.ONE if first["m"][0] == "一" \
        else Level.THREE
    last = Span(first.start("m"), first.end("m"))
    if _ESCAPED_BEFORE.search(text, max(0, last.start - 40), last.start):
        lines = _escaped_line_parts(text, last, level, end)
        if lines is not None:
            return lines
    number = 1
    while True:
        found = siblings.GLUED[level](number + 1).search(text, last.end, end)
        if found is None:
            break  # the list ends here
        if found.start() - last.end > _OUTER_REACH:
            return _UNKNOWN  # further on: parts with long texts, or sections? unknown
        number, last = number + 1, Span(found.start(), found.end())
    if number == 1 and end - last.end > _OUTER_REACH:
        return _UNKNOWN  # one long part: the rest may stand in later paragraphs
    return number, last, text[last.start : last.end]


def _escaped_line_parts(text: str, first: Span, level: Level,
                        end: int) -> tuple[int, Span, str] | None:
    """Parts that each open a line of a page whose line breaks are the characters ``\\r\\n``
    (the whole report on one physical line): counted line by line however long each part is,
    up to a part of a higher level (``三、``), a list starting afresh (``（一）`` of the next
    section) or a number that does not go on. None when no second part opens a line."""
    number, last = 1, first
    for found in _ESCAPED_LINE_PART.finditer(text, first.end, end):
        found_level = next((lv for lv, group in _LEVEL_GROUP.items() if found[group]), None)
        if found_level is None or found_level > level:
            continue  # a part nested inside (1、 under （一）)
        if found_level < level:
            break  # a higher part: the list has ended
        value = ordinal(found[_LEVEL_GROUP[level]])
        if value is None or value <= number:
            break  # a list starting afresh, or a repeated number
        number, last = value, Span(found.start("m"), found.end("m"))
    if number == 1:
        return None
    return number, last, text[last.start : last.end]


def _names_summed(text: str, announcement: Announcement, last: Span) -> bool:
    """A list of as many names as announced, summed up by that count (``五项保障措施`` …
    ``从组织领导、政策支持、人才支撑、发展环境、安全保障五个方面``), in the announcing paragraph
    after the count or in the last item's paragraph (with the paragraph after it when the item
    is a heading line): the count names these, not the numbered items. Such a list inside an
    earlier item (``…围绕粮食、畜牧、水产三大产业…`` in the second of six parts) sums up
    something of its own."""
    sentence = _SENTENCE_END.search(text, announcement.span.end)
    windows = [(announcement.span.end, sentence.start() if sentence else len(text))]
    start = max((m.end() for m in _LINE_BREAK.finditer(text, max(0, last.start - 400),
                                                         last.start)),
                default=text.rfind("\n", 0, last.start) + 1)
    end = _line_end(text, last.end)
    if not _SENTENCE_END.search(text, last.end, end):  # a heading line: its text follows
        following = _LINE_BREAK.match(text, end)
        end = _line_end(text, following.end()) if following else end
    windows.append((max(start, announcement.span.end), min(end, start + _SUMMED_REACH)))
    for window_start, window_end in windows:
        for found in _SUMMED_LIST.finditer(text, window_start, window_end):
            names = found["names"]
            count = names.count("、") + 1 + sum(names.count(word) for word in ("和", "及"))
            if count == announcement.count == ordinal(found["n"]):
                return True
    return False


def _line_end(text: str, start: int) -> int:
    """Where the line from ``start`` ends (a break, or the characters ``\\r\\n``)."""
    end = _LINE_BREAK.search(text, start)
    return end.start() if end else len(text)


def _rest_together(text: str, last: Span, delivered: int, count: int) -> bool:
    """The items after the last numbered one are told together later in its paragraph
    (``第一，…第二，…第三点和第四点，就是…``): all are there."""
    end = text.find("\n", last.end)
    end = len(text) if end < 0 else end
    return any(ordinal(found["a"]) == delivered + 1 and ordinal(found["b"]) == count
               for found in _TOGETHER.finditer(text, last.end, end))


def _right_after(text: str, announcement: Announcement, start: int) -> bool:
    """Only the sentence's end and white space stand between the announcement and ``start``
    (after the short clause that may close the announcing sentence: ``…三点意见，具体是：``)."""
    return not _BETWEEN.sub("", text[_clause_end(text, announcement) : start])


def _clause_end(text: str, announcement: Announcement) -> int:
    """Where a closing count's sentence goes on after it: past a short clause of its own
    (``三个方面，供大家参考。``), else right after the count."""
    tail = _COMMA_TAIL.match(text, announcement.span.end) if announcement.closing else None
    return tail.end() if tail else announcement.span.end


def _own_lead_in(text: str, announcement: Announcement, start: int) -> bool:
    """Past the announcing clause, a sentence of its own leads in to the item at ``start``
    (``……主要做了以下六个方面的工作：⏎…还存在一些困难和问题：一是…``): the list answers it."""
    tail = _CLAUSE_TAIL.match(text, announcement.span.end, start)
    between = text[tail.end() if tail else announcement.span.end : start]
    if _HAN.search(between) is None or _LEAD_IN.search(between) is None:
        return False
    if _SENTENCE_END.search(_TRAILING.sub("", between)) is None:
        return False  # the announcing sentence's own lead-in (我讲三点意见，具体是：一是…)
    # a lead-in restating the count picks the announcement up again (…提出了三点要求。三点要求，即：)
    sentence = _SENTENCE_END.split(_TRAILING.sub("", between))[-1]
    return _RESTATED.search(sentence) is None


def _announced_between(structure: Structure, announcement: Announcement, end: int,
                       text: str = "") -> bool:
    """Another announcement stands between this one and ``end``; a count opening its sentence
    (``…提出了三点要求。三点要求，即：第一，…``) restates this one and is none."""
    return any(announcement.span.end <= a.span.start < end
               and not (a.closing and text and _opens_sentence(text, a.span.start))
               for a in structure.announcements)


def _opens_sentence(text: str, start: int) -> bool:
    """Only white space stands between the previous sentence's end (or the text's start) and
    ``start``."""
    at = start
    while at > 0 and text[at - 1] in _INDENT_SPACE:
        at -= 1
    return at == 0 or text[at - 1] in "。！？!?；;\n"


def _number(block: Block) -> int:
    return block.heading.number if block.heading is not None else 0


def _reach(blocks: list[Block], origin: Block) -> int:
    """One past the last block the first numbered part may open: within _REACH blocks of the
    announcement, or further on while the blocks stay within _NEAR characters of it."""
    end = origin.index + 1 + _REACH
    while end < min(len(blocks), origin.index + 1 + _NEAR_BLOCKS) \
            and blocks[end].span.start - origin.span.end <= _NEAR:
        end += 1
    return end


def _first_heading(blocks: list[Block], origin: Block) -> Block | None:
    for block in blocks[origin.index + 1 : _reach(blocks, origin)]:
        if block.article != origin.article:
            return None
        if block.heading is not None:
            return block
    return None


def _first_item(structure: Structure, announcement: Announcement,
                origin: Block) -> Enumeration | None:
    limit = _reach(structure.blocks, origin) - 1
    for item in structure.enumerations:
        if item.span.start < announcement.span.end:
            continue
        if item.block > limit or structure.blocks[item.block].article != origin.article:
            return None
        return item
    return None


def _bare_items(structure: Structure, origin: Block,
                heading: Block | None) -> tuple[int, tuple[int, Span, str]] | None:
    """Items whose markers stand alone on their lines, their texts on the lines after them
    (``一是⏎依法打击…⏎二是⏎严肃查处…``, a page that set the markers in bold): the first within
    reach of the announcement and before any heading, then every marker line of the same kind
    up to the next heading, a list starting afresh or another kind: where the first starts, and
    how far they go. None when fewer than two."""
    blocks = structure.blocks
    stop = heading.index if heading is not None else _reach(blocks, origin)
    run: list[tuple[Block, regex.Match[str]]] = []
    for block in blocks[origin.index + 1 : len(blocks)]:
        if block.article != origin.article or block.heading is not None:
            break
        found = _BARE_ITEM.fullmatch(block.text)
        if not run:
            if block.index >= stop:
                return None
            if found is not None:
                if ordinal(found["n"]) != 1:
                    return None
                run.append((block, found))
            continue
        if found is None:
            continue
        if found["kind"] != run[0][1]["kind"] \
                or (ordinal(found["n"]) or 0) <= (ordinal(run[-1][1]["n"]) or 0):
            break
        run.append((block, found))
    if len(run) < 2:
        return None
    block, found = run[-1]
    span = Span(block.span.start + found.start("m"), block.span.start + found.end("m"))
    first = run[0][0].span.start + run[0][1].start("m")
    return first, (ordinal(found["n"]) or 0, span, found["m"])


def _items_run(structure: Structure, first: Enumeration,
               text: str) -> tuple[int, Span, str] | None:
    """The run of same-style items that ``first`` opens: in its paragraph, then paragraph-opening
    items of the following paragraphs. Gaps do not end it (T203 reports them). None when the
    items are counted some other way: every one written ``一是`` (``一是…；一是…``, an older
    style), or a lone first item followed by ``另外一点`` or ``其次``."""
    blocks = structure.blocks
    stop = next((b.index for b in blocks[first.block + 1 :] if b.heading is not None), len(blocks))

    def opens(item: Enumeration) -> bool:
        """The item opens its paragraph, after any tag of a page saved with them (<p>一是…)."""
        block = blocks[item.block]
        return item.lead or (block.text[0] in "<&" and block.kind is Kind.BODY
                             and not _BETWEEN.sub("", text[block.span.start : item.span.start]))

    first_opens = opens(first)
    run = [first]
    for item in structure.enumerations:
        if item.span.start <= first.span.start or item.style is not first.style:
            continue
        if item.block >= stop or blocks[item.block].article != blocks[first.block].article:
            break
        # a list whose first item opens a paragraph goes on inside that paragraph (…八方面措施。
        # ⏎一是…。二是…。三是…) and then paragraph by paragraph
        same_paragraph = item.block == run[-1].block \
            and (not first_opens or item.block == first.block)
        if not same_paragraph and len(run) > 1 and not first_opens \
                and not (opens(item) and opens(run[-1])):
            break  # a list told inside its paragraph (第一，…；第二，…。) ends with it; one whose
            # first item runs on from the announcement goes on paragraph by paragraph (…三个方面；
            # 一是…⏎二是…⏎三是…)
        if item.number > run[-1].number and (same_paragraph or opens(item)):
            run.append(item)
        elif item.number == 1 and item.block == first.block and len(run) == 1:
            return None  # 一是…，一是…: each item written as the first
        elif item.number == 1 and (opens(item) or not first_opens):
            break
    last = run[-1]
    if len(run) == 1 and _OTHER_ITEM.search(text, first.span.end, blocks[first.block].span.end):
        return None
    return last.number, last.span, _text(blocks[last.block], last.span)


def _count_zh(count: int) -> str:
    return "两" if count == 2 else han(count)


def _text(block: Block, span: Span) -> str:
    return block.text[span.start - block.span.start : span.end - block.span.start]
