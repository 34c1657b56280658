"""T602: the same sentence or paragraph twice in one document (not on consecutive lines)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import repeat

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.document import Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.text import Paragraphs, TextKeys, has_separator_control
from doclint.rules.structure import lines, news
from doclint.rules.structure.duplicate_line import doubled_half
from doclint.rules.structure.endings import LineEndings, stops_at_end
from doclint.rules.structure.leads import common_lead
from doclint.rules.structure.model import Article, Block, Kind, Level, Structure
from doclint.rules.structure.numerals import ordinal

# Sentences of a paragraph's key (its text without white space); stdlib re is faster here.
_SENTENCE = lazy_re(r"[^。！？!?；;]+[。！？!?；;]*[”’」』）)]*")
# What the quick test compares: the runs of a scope's keys between sentence marks and paragraph
# breaks (\x00), without the closing marks that open a run, of this many characters or more.
_SENTENCE_MARKS = "。！？!?；;"  # what the runs lie between, with paragraph breaks (\x00)
_CLOSING = "”’」』）)"
_LONG_RUN = 15
_SPACE = lazy_re(r"[\s\u3000\u00a0\u200b\ufeff]")
_NON_SPACE = lazy_re(r"[^\s\u3000\u00a0\u200b\ufeff]+")
_TRAILING = "。！？!?；;”’」』）)"
_FIRST = Message("首次出现", "first occurrence")
_HAN = lazy_re(r"[\u4e00-\u9fff]")
_MIN_SENTENCES = 2  # sentences in a run repeated far from its first occurrence
_MIN_RUN_HAN = 40
_NEAR_SENTENCES = 8  # a sentence repeated within this many sentences is pasted, wherever it is
_NEAR_BLOCKS = 6
# One long sentence of prose pasted into a paragraph a few paragraphs on: reported when it is
# there exactly twice, within this many blocks, and reads as prose (a clause break, no item
# marker, not a formula the text repeats three times).
_ELSEWHERE_BLOCKS = 12
_ELSEWHERE_HAN = 20
_DOUBLED_HAN = 8  # a sentence right after its twin: shorter ones are pasted too
# A sentence written twice in a row (a paragraph break, \x00, may stand between), searched in
# the text read backwards: there the second copy starts at its full stop and runs to the next
# mark, so only the places where a stop stands are tried, each over one sentence, and the first
# copy (the tail of the sentence before, perhaps) follows as ``\1``. Searching forwards for
# ``(….)\1`` would try every start inside a long sentence (quadratic). Possessive: a shorter
# run never ends where a copy can begin.
_TWICE_BACKWARDS = lazy_re(r"([。！？!?][^。！？!?；;\x00]{8,}+)\x00?\1")
_ELSEWHERE_CLAUSES_HAN = 15  # … or this many in two clauses
_FULL_STOP = lazy_re(r"[。！？!?][”’」』）)]?$")
_LONG_PARAGRAPH = 30
_LABEL = lazy_re(r"^[\u4e00-\u9fff]{2,6}[：:]")
_CLAUSE_MARK = lazy_regex(r"第[一二三四五六七八九十百]{1,5}条(?=[\s\u3000\p{Han}])")
_LEGAL = 3  # 第N条 headings that make a text a law's (parallel articles share their wording)
_SENTENCE_ENDS = lazy_re(r"[。！？!?；;]")
_FULL_STOPS = lazy_re(r"[。！？!?]")
_BACK_REFERENCE = lazy_re(r"前[一二三四两]?款|前[一二三四两]?项|本条|上述|第[一二三四五六七八九十百]+条")
_BACK_REFERENCE_REACH = 20
_NOTE = lazy_re(r"^[（(][^（()）]*[）)][。；]?$")  # an editor's note: （这是…谈话的一部分。）
_OPEN_QUOTES = "“‘「『"
_CITE_WINDOW = 2000  # characters of the paragraph looked back for an open quotation
_CITE_LABEL = 12
_CITING = lazy_regex(r"(?:原文|原句|出处|修改为|改为|表述为|规定)[：:]\s*$")
# An attachment's label inside a line (a 公文 flattened into one line: ``…妥否，请审议。附件：1.关于…
# 的报告2.…附件1关于…的报告…``): the label, then the title the attachment list gave that number.
_INLINE_ATTACHMENT = lazy_regex(r"(?<![（(，,、；;])附件([0-9０-９]{1,2})(?![）)0-9０-９.．、])")
_ATTACHMENT_LIST = lazy_regex(r"附件[：:]")
_ATTACHMENT_TITLE = 6  # characters of its title that must follow an inline attachment label
# An entry of a labelled list (``省交通运输厅：负责…；省公安厅：负责…``): a short name and a colon
# opening a line or following a sentence's end.
_ENTRY_LABEL = lazy_regex(r"(?:^|(?<=[。；;]))[\p{Han}]{2,12}[:：](?=\p{Han})", regex.M)
_ENTRY_WINDOW = 600
# An enumerated part a sentence opens with (第四章共9条，…; 第二节…): two documents described side
# by side, part by part, say the same of a part both have.
_ENUMERATED = lazy_regex(r"第([一二三四五六七八九十百0-9０-９]{1,4})([章节条款项篇部])")  # characters looked back for the label of the first occurrence's entry
# An office's labelled reply in a record of replies (住建局答复:…;永宁县答复:…): a second office
# relays the first one's text as its own reply, each signed; each reply is a part of its own.
_REPLY_LABEL = lazy_regex(r"(?:^|(?<=[;；]))[\p{Han}]{2,12}(?:答复|回复)[:：]")
# A tag closing an item (（责任单位：…）, (…办公室负责)): the sentence before it closes its paragraph.
_CLOSING_TAG = lazy_regex(r"[（(][^（()）]{2,40}[）)][。；;]?$")
# The number before a title line's words (3.1 , 1.2.3 ).
_TITLE_NUMBER = lazy_regex(r"^[0-9０-９.．]*\s*")
_RESTATED_TITLE = 4  # characters of a section's title that a restating paragraph opens with
# The lead of a news item: 新华社北京9月22日电, 新华网北京１１月２６日电（…）, 央视网消息（新闻联播）：
_NEWS_LEAD = lazy_regex(rf"(?:<[^<>]{{0,40}}>)*{news.DATELINE}")
# A list item's marker shortly before a repeated sentence: ①, （一）, 1., 一是 …
_ITEM_WINDOW = 200
# A list item's marker between two occurrences: they close two items of one list.
_ITEM_BETWEEN = lazy_regex(
    r"(?:^|(?<=[\s\u3000。；;：:]))(?:[①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[0-9０-９]{1,2}[、．.](?![0-9０-９])|[一二三四五六七八九十]{1,3}[、是])",
    regex.M,
)
_ITEM_MARKER = lazy_regex(
    r"[①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]|(?<![\d.．])\d{1,2}[.．、](?!\d)"
    r"|(?<![\p{Han}])[一二三四五六七八九十]{1,3}[、是]"
)
_CLOSE_QUOTES = "”’」』"


@dataclass
class _Sentence:
    block: Block
    start: int  # offsets in the block's key
    end: int
    unit: str = ""
    key: str = ""  # the block's key
    spaced: bool = False  # its block holds white space (offsets in the key are not the text's)

    # (Read only of the few sentences that repeat: worked out when asked.)
    @property
    def after_stop(self) -> bool:
        """The sentence follows a full stop (not a ；-clause, not a line's start)."""
        return _FULL_STOP.search(self.key, max(0, self.start - 2), self.start) is not None

    @property
    def inside(self) -> bool:
        """More text follows it in its paragraph."""
        return self.end < len(self.key) and not _CLOSING_TAG.match(self.key, self.end)

    @property
    def whole(self) -> bool:
        """It ends with a full stop."""
        return self.key[self.start : self.end].rstrip("”’」』）)")[-1:] in "。！？!?"

    @property
    def han(self) -> int:
        """Its Han characters (counted only for the few sentences that repeat)."""
        return _han(self.unit)


@dataclass
class _Run:
    """Consecutive repeated sentences, reported together: [first, last] here and there."""

    here: list[int]
    there: list[int]


class RepeatedText(Rule):
    """同一篇文档里，同一个句子或段落（不在相邻两行）出现了两次。

    多是抓取或复制时把一段又粘贴了一遍。讲话中有意重复的口号、排比和套话都很短，所以只比较
    去掉空白后至少 15 个汉字的句子；整段重复时报告整段，连续几句重复合并报告。离第一次出现
    较远的重复须是两句以上（或一整段长句），单独一句相隔很远的重复多是套话，除非它是一个
完整的长句（至少 20 个汉字，有逗号分句；以编号开头的条目“七是……”须至少 20 个汉字并有逗号分句），全文恰好出现两次，相隔不过十几段，
并且后一次出现在一段的中间、紧跟句号（粘贴进来的句子；套语多在分号之后或位于段首段尾）；法规里同一条内
    相邻的两句以上才报告（“逾期不改正的，处……罚款”一类条款套语各条都有），另一条里原样出现的
    整段须有两个以上完整句子、不以“依照前款”“本条”之类回指开头（平行的条文共用这样的段落）；同一段里（或跨过一个分段）
    一句（或几句）紧接着原样再写一遍的，任何文本（法规也一样）都报告，短到 8 个汉字的整句也算：
    没有套语是连写两遍的。引文（引号内、
    “原文：”“修改为：”之后）、平行列表中编号相同的条目（各级响应措施的“①……”）、编者按（紧接着连写两遍的除外）、
    新闻合集中不同的消息、附件（包括“附件4-1”“附件4-2”各自的示例表；压成一行的公文里，行中紧跟着附件目录所列标题的“附件1”也是附件的开头）和重新从“第一条”编号的另一份文件都不算重复；
    平行起草的文字也不算：隔着一个标题行、在相邻同级条目里出现的同一句（申报指南每个项目末尾的
    “获得软件著作权不少于5件……”），条目末尾责任单位标注“(……负责)”之前的同一结语，以某节标题
    开头、复述该节内容的要点框（“××标准建设重点”下的“识别与传感标准。……”），留言记录中一个
    部门原样转述另一部门的答复（“住建局答复:……;某县答复:……”），职责分工里两个部门各自条目中的同一项职责
    （“某局:负责……;参与……。某厅:负责……;参与……。”），两份文件逐章并列介绍时恰好相同的同一章（接在各自不同的上一章之后）；报刊在正文前单独
    成行、不带句末标点的摘句（提要、引题）与正文里的原句重复，也不算。整篇页面重复
    由 T603 报告；相邻两行完全相同、一行只是同一段文字连写两遍的，由 T601 报告；标题重复由 T101、T102 报告。
    一段（至少 15 个汉字、以标点收尾的段落或编号条目）在文中别处原样再出现、并且放在那里不合位置的，
    无论相隔多远都报告：它的编号接不上紧挨着的同类条目（“（五）……；”夹在“（二）”与“（三）”之间，
    “（2）……；”排在另一个“（2）”前面），或者在段段以空行隔开的文档里，它紧贴着下一段、没有空行。
    法规在两条里各自按顺序列出同一项，是起草时有意为之，不报。以回指词开头的一句（“其中，……问题涉嫌构成犯罪。”“将其涉嫌犯罪问题……移送司法机关依法处理。”）跟在两个不同的句子后面（中间可以隔着同一套语的几个分句），是对两个对象各说一遍的套语（一份通报里的两名干部），不报；跟在同一句后面再写一遍的照报。全文出现三次以上的句子（政策在各节下重申的同一条款、预案各级响应里的同一措施）是有意重申，不报。条文末尾的但书（“法律、法规另有规定的，从其规定。”）一条接一条地出现，即使页面丢了条文编号也不报。分号隔开的条件分句（“……处理；合同没有约定的，视为已被认可。”“……；情节严重的，依法给予处分；”）在平行条文里重复，不报；两个编号列表里编号相同、各在自己序列中的同一条目（季度监测和年度监测都有的“（九）科技服务业。……”）是平行起草，也不报。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T602"
    name = "structure.repeated-text"
    category = Category.DUPLICATE_TEXT
    summary = Message("同一文档中句子或段落重复。",
                      "A sentence or paragraph is repeated in the same document.")
    paragraph = Message("此段与第{line}行的段落完全相同。",
                        "This paragraph repeats the one on line {line}.")
    sentence = Message("这段文字与第{line}行的文字重复。",
                       "This text repeats the text on line {line}.")
    examples = Examples(
        bad=("全县上下要坚定信心、真抓实干，确保全年目标任务圆满完成。\n要抓好项目建设。\n"
             "全县上下要坚定信心、真抓实干，确保全年目标任务圆满完成。",),
        good=("要坚持以人民为中心。\n要抓好项目建设。\n要坚持以人民为中心。",),
    )
    basis = "抓取拼接造成的重复（domain-rules §6）"
    min_han = 15

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        keys = doc.facts(TextKeys).paragraphs  # of each block (see _own_keys)
        reported: list[Span] = []
        for finding in self._repeats(doc, structure, _own_keys(doc, keys)):
            reported.append(finding.span)
            yield finding
        for finding in self._misplaced(doc, structure, keys):
            if not any(span.start < finding.span.end and finding.span.start < span.end
                       for span in reported):
                yield finding

    def _repeats(self, doc: Document, structure: Structure,
                 keys: list[str]) -> Iterator[Finding]:
        text = doc.text
        reported_end = 0
        for article in structure.articles:
            clause: dict[int, int] | None = None
            sections: dict[int, _Section] | None = None
            for body in _scopes(structure, article):
                if not self._has_repeats(body, keys):
                    continue
                if sections is None:  # read only in an article that repeats itself (few do)
                    clause, sections = _clauses(structure, article, text), _sections(structure, article)
                for finding in self._article(body, keys, clause, text, sections):
                    there = finding.related[0].span
                    if not (_quoted(text, finding.span) or _cited(text, finding.span)
                            or _cited(text, there) or _parallel(text, finding.span, there)):
                        finding = _with_lead(text, finding, reported_end)
                        reported_end = finding.span.end
                        yield finding

    def _misplaced(self, doc: Document, structure: Structure,
                   keys: list[str]) -> Iterator[Finding]:
        """A paragraph written again word for word where it does not fit: a numbered item whose
        number breaks the numbering of the items next to it (``（五）…；`` between （二） and
        （三）, ``（2）…；`` before another （2）), or a paragraph without the blank line that
        sets every other paragraph of the document apart (glued to the next one). A law or a
        report repeats a clause or a slogan on purpose, but in its place: numbered in turn, set
        apart as its paragraphs are."""
        # The key of a paragraph written again is there twice, of _MISPLACED_HAN characters or
        # more (as many Han): where no key that long is, nothing is (most files, found in C).
        long_keys = [key for key in keys if len(key) >= _MISPLACED_HAN]
        if len(set(long_keys)) == len(long_keys):
            return
        blocks = structure.blocks
        spaced = doc.facts(LineEndings).spaced
        first: dict[str, Block] = {}
        body = Kind.BODY
        for block in blocks:
            if block.kind is not body and block.heading is None:
                continue  # prose, or a numbered item (（五）…；, 第N条 …)
            last = block.text[-1]
            if last not in _TRAILING and not last.isspace() and last not in "\u200b\ufeff":
                continue  # the line's key ends on ``last`` too: no stop (checked first, C-fast)
            key = keys[block.index]
            earlier = first.setdefault(key, block)  # the first occurrence
            if earlier is block:
                continue
            # (asked only of a key that comes again: the answer is the same for each of them)
            if not (lines.has_han(key, _MISPLACED_HAN) and key[-1] in _TRAILING):
                continue
            if block.index - earlier.index < 2:
                continue  # the line right after its first occurrence (T601's)
            for here, there in ((block, earlier), (earlier, block)):
                if _out_of_place(here, blocks, spaced):
                    yield self.report(here.span, self.paragraph, line=there.line,
                                      related=(Related(there.span, _FIRST),))
                    break

    def _has_repeats(self, body: list[Block], keys: list[str]) -> bool:
        """A quick test on the whole article: is any long enough sentence there twice?"""
        joined = "\x00".join([keys[block.index] for block in body])
        runs = [run for run in _runs(joined) if len(run) >= 8]  # (shorter ones count for neither)
        return _long_run_again(runs) or (_run_closes_the_one_before(runs) and _twice(joined))

    def _article(self, body: list[Block], block_keys: list[str], clause: dict[int, int] | None,
                 text: str, sections: dict[int, _Section]) -> Iterator[Finding]:
        """Repeats inside one scope. What repeats far from its first occurrence must be more
        than one sentence (a law's article, a formula, a note repeats one by design), and in
        a law's text only what repeats inside one article (``clause``: each block's 第N条)."""
        paragraphs: dict[str, Block] = {}
        seen: dict[str, int] = {}
        sentences: list[_Sentence] = []
        run: _Run | None = None
        previous: tuple[int, str] = (-2, "")
        position = {block.index: number for number, block in enumerate(body)}
        keys = [block_keys[block.index] for block in body]
        found = [list(_SENTENCE.finditer(key)) for key in keys]  # … and its sentences
        counts = Counter(m.group().rstrip(_TRAILING) for matches in found for m in matches)
        for block, key, matches in zip(body, keys, found, strict=True):
            if doubled_half(block.text) is not None:
                continue  # one text written twice over: T601 reports the line
            cuts = _news_items(key)
            if cuts and cuts[0] == 0:
                paragraphs.clear()  # a news item of a transcript starts here: nothing before
                seen.clear()        # it is a repeat of its own
                cuts.pop(0)
            first = paragraphs.setdefault(key, block)
            consecutive = previous == (block.index - 1, key)  # T601's case
            previous = (block.index, key)
            whole = first is not block and not consecutive and lines.has_han(key, self.min_han)
            if clause:
                near = whole and clause[block.index] == clause[first.index]
            else:
                near = whole and position[block.index] - position[first.index] <= _NEAR_BLOCKS
            sentences_in = len(_SENTENCE_ENDS.findall(key))
            if clause is not None:  # a law's article is numbered once: twice is a paste
                pasted = sentences_in >= 2 or _is_clause(block)
                # … and so is a paragraph of several full sentences in another article, unless
                # it refers back to the paragraph before it (依照前款规定…: parallel articles)
                pasted_far = _is_clause(block) or _law_paragraph(key)
            else:
                pasted = pasted_far = _pasted_paragraph(key)
            if whole and ((near and sentences_in and not _LABEL.match(key))
                          or (pasted and (near or pasted_far))) \
                    and not _NOTE.match(key) \
                    and not (_in_sequence(block, body, position) and _in_sequence(first, body, position)):
                yield self.report(block.span, self.paragraph, line=first.line,
                                  related=(Related(first.span, _FIRST),))
            for match in matches:
                if cuts and match.start() >= cuts[0]:
                    paragraphs.clear()
                    seen.clear()
                    cuts.pop(0)
                index = len(sentences)
                unit = match.group().rstrip(_TRAILING)
                sentences.append(_Sentence(block, match.start(), match.end(), unit, key,
                                           len(key) < len(block.text)))
                # A shorter sentence counts when it follows its twin right away.
                again = _again(sentences, index)
                if (len(unit) < self.min_han or _NOTE.match(match.group())) and not again:
                    continue  # short, or a bracketed note (（负责部门：…）) that tags items,
                    # unless written twice in a row (（这是…的一部分。（这是…的一部分。）)
                earlier = index - 1 if again else seen.setdefault(unit, index)
                if earlier == index or whole or consecutive:
                    continue
                if not (again or lines.has_han(unit, self.min_han)):
                    continue
                if run is not None and run.here[-1] == index - 1 and run.there[-1] == earlier - 1:
                    run.here.append(index)
                    run.there.append(earlier)
                    continue
                if run is not None:
                    yield from _some(self._run(run, sentences, clause, text, counts, sections))
                run = _Run([index], [earlier])
        if run is not None:
            yield from _some(self._run(run, sentences, clause, text, counts, sections))

    def _run(self, run: _Run, sentences: list[_Sentence], clause: dict[int, int] | None,
             text: str, counts: Counter[str], sections: dict[int, _Section]) -> Finding | None:
        first, later = sentences[run.there[0]].block, sentences[run.here[0]].block
        if _pull_quote(first, later) or _restates(later, sections.get(first.index)):
            return None
        here = _span(sentences[run.here[0]], sentences[run.here[-1]])
        there = _span(sentences[run.there[0]], sentences[run.there[-1]])
        # … near, unless the two stand in two items of a list or under two titles (the same
        # tail of parallel items: a project guide's 获得软件著作权不少于5件。 under each project)
        near = run.here[0] - run.there[-1] <= _NEAR_SENTENCES \
            and not _ITEM_BETWEEN.search(text, there.end, here.start) \
            and _same_section(sections, sentences[run.there[-1]].block, later)
        if clause:
            near = near and clause[sentences[run.here[0]].block.index] \
                == clause[sentences[run.there[-1]].block.index]
        long = len(run.here) >= _MIN_SENTENCES \
            and sum(sentences[i].han for i in run.here) >= _MIN_RUN_HAN
        # Sentences right after their twin in the same paragraph are pasted twice, in any text:
        # no formula is written twice in a row.
        doubled = run.there[-1] == run.here[0] - 1 \
            and _adjacent(sentences[run.there[-1]].block, sentences[run.here[0]].block)
        if not doubled and all(_PROVISO.search(sentences[i].unit) for i in run.here):
            return None  # a legal proviso closes one article after another
        if not doubled and len(run.here) == 1 and not long \
                and _semicolon_clause(sentences[run.here[0]]) and _semicolon_clause(sentences[run.there[0]]):
            return None  # a clause of a rule between semicolons: 情节严重的，对…依法给予处分；
        if not doubled and (_entries(text, there, here)
                            or _parallel_parts(sentences, run.there[0], run.here[0])
                            or _said_of_another(sentences, run.there[0], run.here[0])
                            or all(counts[sentences[i].unit] >= _FORMULA_USES for i in run.here)):
            return None  # two entries of a labelled list share a clause (two offices, one duty),
            # or two documents described part by part read alike in some parts
        # One sentence far from its twin, or the same tail of two items of a list, is a
        # formula more often than a paste; a law repeats its formulas even within an article,
        # so there only a longer run near its twin counts.
        if not doubled and (not (long and near) if clause is not None else not (near or long)) \
                and not self._elsewhere(run, sentences, counts):
            return None
        note = Message("首次出现", "first occurrence")
        return self.report(here, self.sentence, line=sentences[run.there[0]].block.line,
                           related=(Related(there, note),))


    @staticmethod
    def _elsewhere(run: _Run, sentences: list[_Sentence], counts: Counter[str]) -> bool:
        """One long sentence of prose, there exactly twice, pasted into a paragraph a few
        paragraphs after its own (a formula, a slogan or a list item repeats by design: those
        are short, without a clause break, led by an item marker, or there three times)."""
        here, there = sentences[run.here[0]], sentences[run.there[0]]
        if here.block is there.block or here.block.index - there.block.index > _ELSEWHERE_BLOCKS:
            return False
        units = [sentences[i].unit for i in run.here]
        last = sentences[run.here[-1]]
        han = sum(sentences[i].han for i in run.here)
        if not (here.after_stop and last.inside and last.whole):
            return False  # a clause between ；, or a paragraph's opening or closing formula
        clauses = any("，" in unit for unit in units)
        if _ITEM_MARKER.match(units[0]):  # a list item (七是…): a long one, in clauses
            return all(counts[unit] == 2 for unit in units) and han >= _ELSEWHERE_HAN and clauses
        return all(counts[unit] == 2 for unit in units) \
            and (han >= _ELSEWHERE_HAN or (han >= _ELSEWHERE_CLAUSES_HAN and clauses))


_MISPLACED_HAN = 15
def _out_of_place(block: Block, blocks: list[Block], spaced: bool) -> bool:
    """The paragraph does not fit where it stands: its item number does not follow the item
    before it or lead to the item after it (of the same style), or it stands right against the
    next paragraph in a document that sets all its paragraphs apart with blank lines. The
    neighbour must be an item of the same kind, a sentence too (a table's note ``2.…上限。``
    before the next table's title ``2. 示范工厂`` is in its place)."""
    before = blocks[block.index - 1] if block.index > 0 else None
    after = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
    number = lines.item_number(block.text)
    if number is not None:
        for neighbour, step in ((before, -1), (after, 1)):
            if neighbour is None or neighbour.article != block.article:
                continue
            other = lines.item_number(neighbour.text)
            if other is not None and other[0] == number[0] and other[1] != number[1] + step \
                    and neighbour.text.rstrip()[-1] in _TRAILING:  # a sibling item, not a title
                return True
    return spaced and after is not None and after.line == block.line + 1 \
        and before is not None and before.line < block.line - 1


# Words that make a sentence say something of the one before it (其中，… among those acts); a
# paragraph that refers to another article is _BACK_REFERENCE's.
# A legal proviso, the formula that closes one article after another whether or not its text
# kept the articles' numbers: 法律、法规和规章另有规定的，从其规定。
_PROVISO = lazy_regex(
    r"^[^，。；]{0,40}(?:另有规定|另有特别规定|有特别规定|另有约定)的，"
    r"(?:从其规定|依照其规定|依其规定|适用其规定|按照其规定执行|从其约定)[。；]?$")
def _in_sequence(block: Block, body: list[Block], position: dict[int, int]) -> bool:
    """The paragraph is an item whose number follows the item before it or leads to the one
    after it: a list item in its place. The same item in two such lists (an indicator of the
    quarterly and of the yearly monitoring) is parallel drafting, not a paste."""
    number = lines.item_number(block.text)
    if number is None:
        return False
    at = position[block.index]
    for step in (-1, 1):
        if 0 <= at + step < len(body):
            other = lines.item_number(body[at + step].text)
            if other is not None and other[0] == number[0] and other[1] == number[1] + step:
                return True
    return False


def _semicolon_clause(sentence: _Sentence) -> bool:
    """A conditional clause of a rule set off by semicolons (…按照合同的约定处理；合同没有约定的，
    视为已被认可。 …责令改正；情节严重的，依法给予处分；): rules repeat such clauses in parallel
    articles. A duty listed after a semicolon (…;配合开展调查工作。) is no formula."""
    return bool(_CONDITION.match(sentence.unit)) \
        and (not sentence.whole or not (sentence.after_stop or sentence.start == 0))


_CONDITION = lazy_regex(r"[^，,。；;]{2,30}的[，,]")


_FORMULA_CLAUSES = 6  # clauses of a formula read back for the subject it is said of
_FORMULA_USES = 3  # sentences said this often are restated on purpose (under each section)
_OPENS_ON_REFERENCE = lazy_regex(
    r"(?:其中|其余|上述|以上|对此|据此|为此|该|其|(?:将|对|给予|把|向|由|使|责令)其)")


def _said_of_another(sentences: list[_Sentence], there: int, here: int) -> bool:
    """The repeated sentence refers back (``其中，…问题涉嫌构成犯罪。``, ``将其涉嫌犯罪问题移送…``)
    and follows other sentences each time (after the clauses of the formula they share): one
    formula said of two subjects (two officials of one notice), not a paste."""
    if not there or not _OPENS_ON_REFERENCE.match(sentences[here].unit):
        return False
    # the clauses before may be the same formula too (…；收缴其违纪所得；将其…移送…。): what
    # tells the subjects apart stands before them
    for back in range(1, min(there, _FORMULA_CLAUSES) + 1):
        if sentences[there - back].unit != sentences[here - back].unit:
            return True
    return False


def _pull_quote(first: Block, later: Block) -> bool:
    """The first occurrence stands on a line of its own that ends without a stop: a pull-quote
    or display line a paper sets over its text (社会主义社会仍然存在阶级斗争。…是不可避免的),
    repeating what the text goes on to say."""
    return first is not later and not stops_at_end(first.text)


def _runs(keys: str) -> list[str]:
    """``keys`` cut at sentence marks and paragraph breaks. NOTE: each mark made a break by
    str.replace, then one str.split: half the time of a regex split."""
    for mark in _SENTENCE_MARKS:
        if mark in keys:
            keys = keys.replace(mark, "\x00")
    return keys.split("\x00")


def _twice(keys: str) -> bool:
    """Whether a sentence of 8 characters or more is written twice in a row in ``keys`` (the
    first copy may be the tail of a longer sentence)."""
    return _TWICE_BACKWARDS.search(keys[::-1]) is not None


def _long_run_again(runs: list[str]) -> bool:
    """Whether a run of at least _LONG_RUN characters (not counting the closing marks it opens
    with) is there twice."""
    stripped = list(map(str.lstrip, runs, repeat(_CLOSING)))
    if len(set(stripped)) == len(stripped):
        return False  # no run is there twice, long or short (most scopes: decided in C)
    long_enough = [run for run in stripped if len(run) >= _LONG_RUN]
    return len(set(long_enough)) < len(long_enough)


def _run_closes_the_one_before(runs: list[str]) -> bool:
    """A cheap test ``_twice`` needs to pass: the second copy of a sentence written twice in a
    row is a whole run of 8 characters or more, and the run before it (or before the empty run
    of a paragraph break) ends with it (the first copy may be the tail of a longer sentence).
    ``runs``: those of 8 characters or more."""
    return any(map(str.endswith, runs, runs[1:]))


def _again(sentences: list[_Sentence], index: int) -> bool:
    """The sentence at ``index`` repeats the one right before it, in its paragraph or across a
    paragraph break: a whole sentence of some length pasted twice."""
    if not index:
        return False
    this, before = sentences[index], sentences[index - 1]
    return before.unit == this.unit and this.whole and _adjacent(before.block, this.block) \
        and lines.has_han(this.unit, _DOUBLED_HAN)


def _adjacent(first: Block, second: Block) -> bool:
    return second.index - first.index in (0, 1)


def _with_lead(text: str, finding: Finding, reported_end: int) -> Finding:
    """The finding from where its two occurrences start to read alike: a passage written again
    under another label matched from its second sentence on (its first holds the label). It
    does not reach back into the repeat reported before it."""
    here, (first,) = finding.span, finding.related
    lead = common_lead(text, here.start, first.span.start, max(first.span.end, reported_end))
    if not lead:
        return finding
    return replace(finding, span=Span(here.start - lead, here.end),
                   related=(replace(first, span=Span(first.span.start - lead, first.span.end)),))


def _some(finding: Finding | None) -> Iterator[Finding]:
    if finding is not None:
        yield finding


def _own_keys(doc: Document, keys: list[str]) -> list[str]:
    """The blocks' keys as the repeats are found in: without white space as the standard
    library's ``\\s`` has it, which also holds the separator controls U+001C–U+001F (the
    shared keys keep them; a text almost never holds one)."""
    if not has_separator_control(doc.text):
        return keys
    return [_SPACE.sub("", paragraph.text) for paragraph in doc.facts(Paragraphs).items]


def _han(text: str) -> int:
    return len(_HAN.findall(text)) if len(text) >= 15 else 0


def _span(first: _Sentence, last: _Sentence) -> Span:
    """Map sentences found in blocks' keys back to the document's offsets."""
    return Span(_offset(first, first.start), _offset(last, last.end - 1) + 1)


def _offset(sentence: _Sentence, key_offset: int) -> int:
    """The document offset of the ``key_offset``-th non-space character of the sentence's
    block."""
    block = sentence.block
    if not sentence.spaced:
        return block.span.start + key_offset
    for run in _NON_SPACE.finditer(block.text):
        if key_offset < run.end() - run.start():
            return block.span.start + run.start() + key_offset
        key_offset -= run.end() - run.start()
    return block.span.end


def _quoted(text: str, span: Span) -> bool:
    """A quotation repeated on purpose (a leader's words cited again): quote marks on both sides."""
    inner = text[span.start : span.end].strip().rstrip("。！？；")
    if inner and inner[0] in _OPEN_QUOTES and inner[-1] in _CLOSE_QUOTES:
        return True
    before = text[max(0, span.start - 8) : span.start].rstrip()
    after = text[span.end : span.end + 8].lstrip()
    return bool(before and after) and before[-1] in _OPEN_QUOTES and after[0] in _CLOSE_QUOTES


def _news_items(key: str) -> list[int]:
    """Where news items start in a paragraph's key (a transcript or a page of news reports run
    together: ``…融合发展新华网北京11月26日电（记者…）``), or an office's labelled reply in a
    record of replies (``…;永宁县答复:…``: one office may relay another's reply word for word)."""
    cuts = []
    if "电" in key or "消息" in key:
        cuts = [m.start() for m in _NEWS_LEAD.finditer(key)]
    if "答复" in key or "回复" in key:
        cuts = sorted(cuts + [m.start() for m in _REPLY_LABEL.finditer(key)])
    if "附件" in key:
        cuts = sorted(cuts + _attachments(key))
    return cuts


def _attachments(key: str) -> list[int]:
    """Where attachments start inside a paragraph's key: ``附件2`` followed by the title that an
    earlier attachment list (``附件：1.…2.关于…``) gave number 2 (an attachment restates its
    request's body by design; a mention such as ``（附件2）`` is no boundary)."""
    listed = _ATTACHMENT_LIST.search(key)
    if listed is None:
        return []
    starts = []
    for label in _INLINE_ATTACHMENT.finditer(key, listed.end()):
        number = str(int(label.group(1)))  # int() reads full-width digits too
        title = key[label.end() : label.end() + _ATTACHMENT_TITLE]
        if len(title) < _ATTACHMENT_TITLE or not lines.has_han(title, _ATTACHMENT_TITLE - 2):
            continue
        catalogue = key[listed.end() : label.start()]
        if any(number + mark + title in catalogue for mark in ".．、"):
            starts.append(label.start())
    return starts


def _is_clause(block: Block) -> bool:
    return block.heading is not None and block.heading.level is Level.CLAUSE


def _pasted_paragraph(key: str) -> bool:
    """A paragraph repeated far from its first occurrence that reads as pasted text: two or
    more sentences, or one long sentence (not a label line: 依据：《…》, 适用：…)."""
    if len(_SENTENCE_ENDS.findall(key)) >= 2:
        return True
    return key[-1] in "。！？!?" and lines.has_han(key, _LONG_PARAGRAPH) and not _LABEL.match(key)


def _law_paragraph(key: str) -> bool:
    """A paragraph of a law repeated in another article that reads as pasted: two or more
    full sentences of some length, not opening on a reference to its neighbours (a law's
    formulas are one sentence; parallel articles share a paragraph that says 依照前款规定)."""
    return len(_FULL_STOPS.findall(key)) >= 2 and lines.has_han(key, _MIN_RUN_HAN) \
        and not _BACK_REFERENCE.search(key, 0, _BACK_REFERENCE_REACH)


def _clauses(structure: Structure, article: Article, text: str) -> dict[int, int] | None:
    """Each block's 第N条 in a law's text (None for other texts; empty for a law whose
    articles are run into one line)."""
    found: dict[int, int] = {}
    current = count = 0
    for block in structure.blocks[article.start : article.end]:
        if block.heading is not None and block.heading.level is Level.CLAUSE:
            count += 1
            current = block.index
        found[block.index] = current
    if count >= _LEGAL:
        return found
    span = structure.article_span(article, len(text))
    run_in = sum(1 for _ in _CLAUSE_MARK.finditer(text, span.start, span.end))
    return {} if run_in >= _LEGAL else None


@dataclass(frozen=True)
class _Section:
    """The title line a body paragraph stands under: its ordinal in the article, its words."""

    ordinal: int
    title: str


def _sections(structure: Structure, article: Article) -> dict[int, _Section]:
    """Each body paragraph's section: the last title line before it (a numbered heading, or an
    unnumbered title such as ``3.2 动力电池组…`` or ``智能装备标准建设重点``)."""
    found: dict[int, _Section] = {}
    current = _Section(0, "")
    for block in structure.blocks[article.start : article.end]:
        heading = block.heading
        if heading is not None and not heading.inline:
            current = _Section(current.ordinal + 1, lines.compact(heading.title))
        elif block.kind is Kind.LABEL:
            text = block.text.strip()
            current = _Section(current.ordinal + 1,
                               lines.compact(text[_TITLE_NUMBER.match(text).end() :]))
        else:
            found[block.index] = current
    return found


def _same_section(sections: dict[int, _Section], first: Block, later: Block) -> bool:
    """No title line stands between two paragraphs."""
    a, b = sections.get(first.index), sections.get(later.index)
    return a is None or b is None or a.ordinal == b.ordinal


def _restates(later: Block, section: _Section | None) -> bool:
    """The later paragraph opens with the title of the section the text first stood in
    (``（1）识别与传感标准`` ⏎ ``主要包括标识及解析…`` and, in a box of key points, ``识别与传感
    标准。标识及解析…``): a summary restating that section, by design."""
    if section is None or len(section.title) < _RESTATED_TITLE:
        return False
    key = lines.key(later.text)
    mark = key[len(section.title) : len(section.title) + 1]
    return key.startswith(section.title) and mark != "" and mark in "。：:"


def _scopes(structure: Structure, article: Article) -> Iterator[list[Block]]:
    """The body paragraphs of an article, cut where a document inside it starts its own
    numbering: an attachment's label, a 第一条 or 第一章 after a law's later articles (two
    regulations attached to one notice share their standard clauses)."""
    body: list[Block] = []
    seen: dict[Level, int] = {}
    prose = Kind.BODY
    for block in structure.blocks[article.body_start : article.end]:
        heading = block.heading
        restart = heading is not None and heading.level.continuous and heading.number == 1 \
            and seen.get(heading.level, 0) > 1
        if restart or (heading is None and lines.opens_attachment(block.text)):
            if body:
                yield body
            body, seen = [], {}
        if heading is not None:
            seen[heading.level] = max(seen.get(heading.level, 0), heading.number)
        if block.kind is prose or (heading is not None and heading.inline):
            body.append(block)  # prose, and numbered paragraphs (（四）开展评估。…, 第十条 …)
    if body:
        yield body


def _cited(text: str, span: Span) -> bool:
    """The text is cited, not pasted: inside a quotation that opened before it in its paragraph
    (``修改为：“…”``), or after a label that quotes (``原文：``)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    window = text[max(line_start, span.start - _CITE_WINDOW) : span.start]
    opened = max(window.rfind("“"), window.rfind("「"))
    closed = max(window.rfind("”"), window.rfind("」"))
    if opened > closed:
        return True
    if _CITING.search(window[-_CITE_LABEL:]):
        return True
    paragraph = window[window.rfind("\u3000\u3000") + 1 :]
    return "原文：" in paragraph or "原文:" in paragraph


def _parallel(text: str, here: Span, there: Span) -> bool:
    """Items of the same number in parallel lists (``（2）Ⅱ级响应 ①引导公众加强防护。儿童…`` and
    ``（3）Ⅰ级响应 ①引导公众加强防护。儿童…``): the same words from the same item marker on, by
    design, not a paste."""
    a = _item_prefix(text, here.start)
    return a is not None and a == _item_prefix(text, there.start)


def _item_prefix(text: str, start: int) -> str | None:
    """The text from the nearest list item marker before ``start`` up to it."""
    window = text[max(0, start - _ITEM_WINDOW) : start]
    starts = [m.start() for m in _ITEM_MARKER.finditer(window)]
    return window[starts[-1] :] if starts else None


def _entries(text: str, there: Span, here: Span) -> bool:
    """The two occurrences close two entries of a labelled list (``省交通运输厅：负责…；参与…。
    省公安厅：负责…；参与…。``): each stands in an entry opened by a label of its own (no full
    stop between the label and it), the second one's label after the first occurrence, and the
    two labels differ."""
    first = _entry_label(text, there.start, max(0, there.start - _ENTRY_WINDOW))
    second = _entry_label(text, here.start, max(there.end, here.start - _ENTRY_WINDOW))
    return first is not None and second is not None and first != second


def _entry_label(text: str, start: int, floor: int) -> str | None:
    """The label of the labelled entry holding ``start``: the last label after ``floor`` in its
    line."""
    floor = max(floor, text.rfind("\n", 0, start) + 1)
    labels = list(_ENTRY_LABEL.finditer(text, floor, start))
    found = labels[-1] if labels else None
    if found is None or _FULL_STOPS.search(text, found.end(), start):
        return None
    return found.group()


def _parallel_parts(sentences: list[_Sentence], there: int, here: int) -> bool:
    """Both occurrences open on the same enumerated part (``第四章…``) right after the part
    before it (``第三章…``) with other words: two enumerations running side by side (two
    agreements summarised chapter by chapter), each copy in its place in its own."""
    if not there or here - 1 == there:
        return False
    parts = [_enumerated(sentences[i].unit) for i in (there - 1, there, here - 1, here)]
    if None in parts or parts[1] != parts[3] or parts[0] != parts[2]:
        return False
    return parts[0][1] == parts[1][1] and parts[0][0] + 1 == parts[1][0] \
        and sentences[there - 1].unit != sentences[here - 1].unit


def _enumerated(unit: str) -> tuple[int, str] | None:
    found = _ENUMERATED.match(unit)
    if found is None:
        return None
    number = ordinal(found.group(1))
    return None if number is None else (number, found.group(2))
