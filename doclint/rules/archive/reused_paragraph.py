"""A103: the same paragraph in many documents of the archive (boilerplate pasted around)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Related,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.archive.base import FamilyRule, in_path_order
from doclint.rules.archive.fingerprint import MIN_PARAGRAPH_HAN, ParagraphKeys
from doclint.rules.archive.reuse import Group, ParagraphFact, recurring
from doclint.rules.structure.model import Level, Structure

_MAX_RELATED = 5
_LAW_ARTICLES = 3
# A paragraph holding this share of its document's text is the document's body, not a paste.
_BODY_SHARE = 0.5
# Only prose is evidence of pasting: a line without a comma or sentence end is a heading, a
# label, a date or an amendment record, which documents of one kind share by nature; so are a
# note wholly in brackets and a law's articles and everything after the first of them
# (standard legal formulas recur on purpose: local laws borrow clauses from one another).
# NOTE: the patterns made of literal characters only are compiled with the standard library,
# which skips to the characters a match can start with, and is called for less per paragraph;
# `regex` tries an alternation of words at every character (a third of the time of _META).
_PROSE = lazy_re(r"[，。；！？]")
_NOT_PASTED = lazy_regex(
    r"^(?:#|[（(][^）)]*[）)]$|第[一二三四五六七八九十百零〇\d]{1,5}条)"
)
_NOT_PASTED_OPENERS = ("#", "（", "(", "第")  # what a match of _NOT_PASTED opens with
# Formulas a genre repeats by design, each document writing them anew (see ``_formula``).
# Text about the text or its site: a template site's notice, a licence, a source line. Such a
# paragraph is boilerplate whatever else it says, never a formula of the document's genre.
_META = lazy_re(
    r"本文|本站|本网|网站|网页|转载|原文|链接|版权|出处|侵权|免责|声明|来源|摘编|公众号|扫码|"
    r"下载|点击"
)
# The set pieces of a report to a congress (“现在，我代表…向大会报告工作，请予审议”).
_SET_PIECE = lazy_re(r"请予审议")
# Courtesy addressed to the reader: an acknowledgment, a greeting, thanks, a closing wish
# (“您的来信已收悉”“感谢您对我们工作的支持”“希望您继续关心……”).
_COURTESY = lazy_regex(
    r"[您你](?:们)?(?:的|对|继续|一如既往)?\p{Han}{0,6}?"
    r"(?:留言|来信|来电|诉求|反映|关心|关注|支持|理解|监督|意见|建议)"
    r"|感谢|谢谢|致谢|收悉|已收到|敬请|祝[您你大]"
)
_COURTESY_KEY = lazy_re("[您你谢收敬祝]")  # one of them is in every match of _COURTESY
# The record of a meeting's procedure, which every report of such a meeting repeats: who
# attended or presided (“……某某出席。”), what the meeting voted or heard (“会议表决通过了……”),
# and an announcement's broadcast notice (“届时，……将进行现场直播。”).
_PROCEDURE = lazy_regex(
    r"^(?:会议|大会|全会|会上|会前|会后|会议期间|届时)[，,]?\p{Han}"
    r"|(?:(?:出席|列席|主持|陪同|参加)了?"
    r"(?:会议|会见|会谈|活动|仪式|典礼|开幕式|闭幕式|座谈会|考察|调研)?"
    r"(?:并(?:发表|作)?(?:重要)?(?:讲话|致辞|发言))?|主持召开\p{Han}{1,12}?会议?)[。！]$"
)
# A match of _PROCEDURE opens the paragraph with one of these, or ends it with 。 or ！ and
# holds one of _PROCEDURE_KEY.
_PROCEDURE_OPENERS = ("会", "大会", "全会", "届时")
_PROCEDURE_KEY = lazy_re("席|主持|陪同|参加")
# A salutation or lead-in: a line that addresses its readers or opens a list and ends on a
# colon without a sentence of its own (a 公文's 主送机关 “各省、自治区、直辖市人民政府，……：”).
_SALUTATION = lazy_re(r"^[^。！？]*[：:]$")
_COLONS = ("：", ":")  # what a (stripped) salutation ends with
# A 公文's 版记 (imprint): the bodies it is copied to (“抄送：市委各部门，……。”), its subject
# words, its distribution. Every notice of one issuer prints the same lines.
_IMPRINT = lazy_re(r"^(?:抄送|抄报|分送|发送|报送|主题词)[ \u3000]*[：:]")
_SENTENCE_ENDS = "。！？"
# A formula is short: a courtesy or a procedural record runs to at most this many sentences.
_FORMULA_SENTENCES = 3
Block = tuple[int, int, Group]  # first and last paragraph number, the group of the first


class ReusedParagraph(FamilyRule):
    """同一段文字原样出现在档案的许多文件中。

    模板网站和汇编常把同一段话（网站声明、范文套话、整段照搬的工作总结）粘进成百上千篇
    文档。本规则比较不少于 `min_han` 个汉字的段落（忽略空白、标点和全角半角差异），一段
    出现在至少 `min_documents` 个互相独立的文件中时报告。共享至少 3 段、且共享部分占较短
    一篇一半以上文字的文件，视为同一文本的副本（同一报告的不同转载），只算一个来源：它们
    由 A101/A102 报告，不在这里刷屏；出现在 20 个以上文件中的段落是套话，不用来判断副本。
    同类文件各自重写的套语不是粘贴，不算：工作报告开头的“我代表…向大会报告工作，请予审议”；
    公文主送机关这类以冒号结尾、自身不成句的称呼；公文版记中的“抄送：”“主题词：”等行（同一
    发文机关的文件各自印着相同的抄送范围）；答复、来信中致读者的客套话（“您的留言
    已收悉”“感谢您的关心”“希望您继续关注……”）；会议报道中不超过三句的程序记录（“……出席
    会议”“会议表决通过了……”“届时……将进行现场直播”）；以及占一篇短文件一半以上文字、本身
    就是正文的段落。谈论文本或网站本身的段落（“本站”“转载”“原文链接”“版权”）不是套语，
    照常报告。法规从
    第一条起的条、款、项也不算（各地立法互相借用条文是常态）；别的规则整块报告并删除的文字
    （版权模板、网页栏目、页面副本）也不再算一次。

    输出有界：默认（`report: group`）每组重复段落只报一次，报在首次出现处（路径排序最前的
    文件），注明共出现在多少个文件中，并列出至多 5 个其他文件的位置；同一文件中相邻的、
    出现在同一批文件里的几段合并为一条。一段话粘进 300 篇讲话只产生一条诊断。
    `report: each` 则在每个出现的文件里各报一次（便于逐文件清理），同样合并相邻段落，并
    指向首次出现处。默认开启：每篇只对长段落各算一个哈希，合并只用计数表和字典。
    """

    code = "A103"
    name = "archive.reused-paragraph"
    category = Category.DUPLICATE_TEXT
    severity = Severity.WARNING
    summary = Message("同一段文字原样出现在档案的多个文件中。",
                      "The same paragraph appears in many files of the archive.")
    message = Message(
        "{what_zh}原样出现在{files}个文件中（{sources}个互相独立的来源，阈值{minimum}），"
        "疑为粘贴的套话或模板段落{where_zh}。",
        "{what_en} verbatim in {files} files ({sources} independent sources, "
        "threshold {minimum}): boilerplate or a pasted template paragraph{where_en}.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "min_han": Option(int, 30, f"段落最少汉字数（不小于{MIN_PARAGRAPH_HAN}） / fewest Han "
                                   f"characters of a paragraph (at least {MIN_PARAGRAPH_HAN})"),
        "min_documents": Option(int, 3, "最少来源数 / fewest independent files to report"),
        "report": Option(str, "group", "每组报一次或每个文件报一次 / one diagnostic per group "
                                       "or per file", choices=("group", "each")),
    }
    examples = Examples(
        bad=("=== 甲县/讲话.txt ===\n同志们：\n今天召开全县安全生产工作会议。\n"
             "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n"
             "=== 乙县/讲话.txt ===\n同志们：\n今天召开全县农村工作会议。\n"
             "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n"
             "=== 丙县/讲话.txt ===\n各位代表：\n现在向大会报告工作。\n"
             "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n",),
        good=("=== 甲县/讲话.txt ===\n同志们：\n今天召开全县安全生产工作会议。\n"
              "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n"
              "=== 乙县/讲话.txt ===\n同志们：\n今天召开全县农村工作会议。\n"
              "要坚持农业农村优先发展，扎实推进乡村振兴，确保粮食生产稳定、农民收入持续增长。\n",),
    )
    basis = "模板段落与网站套话的批量粘贴（domain-rules §6；issue 7）"

    def collect(self, doc: Document) -> ParagraphFact | None:
        keys = doc.facts(ParagraphKeys)
        text = doc.text
        law_from = _law_body_start(doc)
        masked = doc.masked  # boilerplate another rule reports whole (a licence block, chrome)
        body = _BODY_SHARE * sum(keys.han)
        min_han = self.config["min_han"]
        # NOTE: a scraped page often holds a paragraph more than once (two in five long ones
        # on the real corpus): each text is judged once (its Han count, so ``whole``, is the
        # same each time).
        pasteable: dict[str, bool] = {}
        keep = []
        for i, (han, start, end) in enumerate(zip(keys.han, keys.starts, keys.ends,
                                                  strict=True)):
            if han < min_han or start >= law_from \
                    or (masked and masked.covers(Span(start, end), ())):
                continue
            paragraph = text[start:end]
            if paragraph not in pasteable:
                pasteable[paragraph] = _pasteable(paragraph, whole=han >= body)
            if pasteable[paragraph]:
                keep.append(i)
        if not keep:
            return None
        return ParagraphFact(array("Q", (keys.hashes[i] for i in keep)).tobytes(),
                             array("I", (keys.han[i] for i in keep)).tobytes(),
                             array("I", (keys.starts[i] for i in keep)).tobytes(),
                             array("I", (keys.ends[i] for i in keep)).tobytes(),
                             sum(keys.han))

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        documents = in_path_order(facts)
        if len(documents) < 2:
            return
        groups = recurring([fact for _, fact in documents], self.config["min_documents"])
        spans = [_Spans(fact) for _, fact in documents]
        each = self.config["report"] == "each"
        blocks = _blocks(groups, len(documents), each)
        for document, found in enumerate(blocks):
            for first, last, group in found:
                yield documents[document][0], self._finding(
                    documents, spans, document, first, last, group, each)

    def _finding(self, documents: list[tuple[str, Any]], spans: list[_Spans],
                 document: int, first: int, last: int, group: Group, each: bool) -> Finding:
        span = Span(spans[document][first].start, spans[document][last].end)
        count = last - first + 1
        what_zh = f"这{count}段文字" if count > 1 else "此段"
        what_en = f"These {count} paragraphs appear" if count > 1 else "This paragraph appears"
        others = [d for d in group.documents if d != document]
        anchor = group.documents[0]
        if each and anchor != document:
            # The first occurrence leads, then a few more.
            others = [anchor] + [d for d in others if d != anchor]
        related = []
        for other in others[:_MAX_RELATED]:
            note = (Message("首次出现处", "first occurrence") if each and other == anchor
                    else Message("同一段落", "the same paragraph"))
            related.append(Related(spans[other][group.places[other]], note,
                                   path=documents[other][0]))
        hidden = len(others) - len(related)
        return self.report(
            span, what_zh=what_zh, what_en=what_en, files=len(group.places),
            sources=group.sources, minimum=self.config["min_documents"],
            where_zh=f"；另有{hidden}个文件未列出" if hidden else "",
            where_en=f"; {hidden} more files not listed" if hidden else "",
            related=related)


def _law_body_start(doc: Document) -> int:
    """Where a law's articles begin (the end of the text when it has fewer than three): its
    clauses, items and paragraphs are legal text, which laws of many places share by design."""
    structure = doc.facts(Structure)
    clause = Level.CLAUSE
    articles = [b for b in structure.blocks if b.heading is not None and b.heading.level is clause]
    return articles[0].span.start if len(articles) >= _LAW_ARTICLES else len(doc.text)


def _pasteable(paragraph: str, whole: bool) -> bool:
    """Prose that could have been pasted (see ``_PROSE`` and ``_NOT_PASTED``), not a formula."""
    return (bool(_PROSE.search(paragraph))
            and not (paragraph.startswith(_NOT_PASTED_OPENERS) and _NOT_PASTED.match(paragraph))
            and not _formula(paragraph.strip(), whole))


def _formula(paragraph: str, whole: bool) -> bool:
    """A paragraph a genre writes anew in each document, so that its recurring is no paste:
    a report's set pieces, a salutation, a 公文's imprint (抄送), a reply's courtesies or a meeting's procedural record in a few
    sentences, or the ``whole`` body of a short document (a reply that is only an
    acknowledgment). Text about the text or its site is never one."""
    # NOTE: _META (an alternation tried at every character) is asked last: most paragraphs
    # are no formula, and need not be searched for it.
    return _genre_formula(paragraph, whole) and not _META.search(paragraph)


def _genre_formula(paragraph: str, whole: bool) -> bool:
    """A paragraph of a formula's shape (``_formula``), whether or not it is about the text."""
    if whole or _SET_PIECE.search(paragraph) \
            or (paragraph.endswith(_COLONS) and _SALUTATION.match(paragraph)):
        return True
    if _IMPRINT.match(paragraph):
        return True
    # NOTE: counted with str.count, and each pattern tried only where the words it needs
    # occur: asked of every long paragraph of every document.
    if sum(map(paragraph.count, _SENTENCE_ENDS)) > _FORMULA_SENTENCES:
        return False
    if _COURTESY_KEY.search(paragraph) and _COURTESY.search(paragraph):
        return True
    return (paragraph.startswith(_PROCEDURE_OPENERS)
            or (paragraph.endswith(("。", "！"))
                and _PROCEDURE_KEY.search(paragraph) is not None)) \
        and _PROCEDURE.search(paragraph) is not None


class _Spans:
    """The spans of a document's long paragraphs, read from its fact without copying it."""

    def __init__(self, fact: ParagraphFact) -> None:
        self._starts = memoryview(fact.starts).cast("I")
        self._ends = memoryview(fact.ends).cast("I")

    def __getitem__(self, number: int) -> Span:
        return Span(self._starts[number], self._ends[number])


def _blocks(groups: list[Group], documents: int, each: bool) -> list[list[Block]]:
    """Per document, runs of adjacent recurring paragraphs that recur in the same files.

    With ``each`` every document holding a group gets it; otherwise only the group's first
    document (in path order) does.
    """
    places: list[list[tuple[int, Group]]] = [[] for _ in range(documents)]
    for group in groups:
        holders = group.documents if each else group.documents[:1]
        for document in holders:
            places[document].append((group.places[document], group))
    blocks: list[list[Block]] = []
    for found in places:
        found.sort(key=lambda item: item[0])
        runs: list[Block] = []
        for number, group in found:
            if runs and runs[-1][1] == number - 1 and runs[-1][2].documents == group.documents:
                runs[-1] = (runs[-1][0], number, runs[-1][2])
            else:
                runs.append((number, number, group))
        blocks.append(runs)
    return blocks
