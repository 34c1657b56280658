"""T402–T404, T506: a file damaged throughout by how it was made, reported once per file.

Each rule reports one format of :class:`~doclint.rules.structure.layout.Layout`; the rules that
judge single lines read those files in that light, so a format defect is one finding, not one
per line.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Edit,
    Examples,
    Finding,
    Fix,
    Maturity,
    Message,
    Rule,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.text import INLINE_INDENT
from doclint.rules.structure.layout import SPACED_PAIR, Layout

_LETTER_SPACED = ("中 华 人 民 共 和 国 国 务 院 关 于 进 一 步 加 强 安 全 生 产 工 作 的 决 定 ，"
                  "各 省 、 自 治 区 、 直 辖 市 人 民 政 府 ： 为 了 进 一 步 加 强 安 全 生 产 工 作 ，"
                  "有 效 遏 制 重 特 大 事 故 ， 现 作 如 下 决 定 。 一 、 提 高 认 识 ， 明 确 指 导 思 想"
                  " 和 工 作 目 标 。 二 、 完 善 政 策 ， 大 力 推 进 安 全 生 产 监 管 体 制 建 设 。")


class UnpunctuatedText(Rule):
    """全文几乎没有句末标点：PDF 或扫描件转换时丢失了句号、问号和叹号。

    逗号、顿号还在，句号却在上千个汉字里几乎一个也没有——这是转换的缺陷，不是某一句话的
    问题。每个文件只报告一次；逐行的截断、断行检查在这类文件上不适用，不再逐行报告。
    """

    code = "T402"
    name = "structure.unpunctuated-text"
    category = Category.PUNCTUATION
    maturity = Maturity.PREVIEW
    summary = Message("全文缺少句末标点，疑为转换时丢失。",
                      "The text has lost its sentence punctuation in a conversion.")
    message = Message("全文约{han}字中只有{ends}个句末标点（逗号仍在）：句号等疑在PDF或扫描件"
                      "转换时丢失，逐行的截断检查不适用于此文件。",
                      "Only {ends} sentence-final marks in about {han} characters (commas remain): "
                      "the sentence punctuation was probably lost in a PDF or scan conversion; "
                      "line-by-line truncation checks do not apply to this file.")
    examples = Examples(
        bad=("\n".join(["“十四五”时期经济社会发展主要目标，经济发展取得新成效，在质量效益明显提升的"
                        "基础上实现经济持续健康发展，增长潜力充分发挥，国内市场更加强大"] * 20),),
        good=("\n".join(["“十四五”时期经济社会发展主要目标是，经济发展取得新成效，在质量效益明显"
                         "提升的基础上实现经济持续健康发展。"] * 12),),
    )
    basis = "文件格式：PDF/扫描件转换（issue 10 §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = doc.facts(Layout)
        if layout.unpunctuated is not None:
            yield self.report(layout.unpunctuated, han=layout.han, ends=layout.sentence_ends)


class HardWrappedText(Rule):
    """全文按固定宽度硬换行：多数行在句子中间断开。

    PDF 转文本时常把每一行版面宽度都变成一个换行。每个文件只报告一次（行宽和行数），不再
    逐行报告断行；逐行的截断检查在这类文件上不适用。简历的条目（“1985.07—1988.01 某厅办事员”）
    是宽度相近、不带标点的列表行，不算折行。
    """

    code = "T403"
    name = "structure.hard-wrapped-text"
    category = Category.BROKEN_LINE
    maturity = Maturity.PREVIEW
    summary = Message("全文按固定宽度硬换行。", "The text is hard-wrapped at a fixed width.")
    message = Message("全文按约{width}个字符的固定宽度硬换行，多数行在句中断开：疑为PDF转换，"
                      "段落需要重新合并。",
                      "The text is hard-wrapped at about {width} characters, most lines stop "
                      "mid-sentence: probably a PDF conversion whose paragraphs need rejoining.")
    examples = Examples(
        bad=("\n".join(["过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，扎实推进",
                        "高质量发展，全力以赴稳增长、调结构、惠民生、防风险，经济社会发展取得了新的",
                        "成绩。"] * 14),),
        good=("\n".join(["过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
                         "全力以赴稳增长、调结构、惠民生、防风险，经济社会发展取得新成绩。"] * 12),),
    )
    basis = "文件格式：PDF 转换的硬换行（issue 10 §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = doc.facts(Layout)
        if layout.hard_wrapped is not None:
            yield self.report(layout.hard_wrapped, width=layout.wrap_width)


class FlattenedParagraphs(Rule):
    """段落换行丢失：多个段落被压进同一行，只留下段首缩进。

    网页抓取或表格导出时，段落之间的换行常被删掉，只剩下“……。　　下一段”里的缩进空格。
    每个文件只报告一次，修复（需确认）把每处行内缩进换成换行。doclint 的分段已按这些缩进
    切分段落，其他规则不会把缩进当作句中的空格。
    """

    code = "T404"
    name = "structure.flattened-paragraphs"
    category = Category.BROKEN_LINE
    fixable = True
    summary = Message("段落换行丢失，多段被压进同一行。",
                      "Paragraph breaks were lost: paragraphs run into one line.")
    message = Message("段落换行丢失：行内有{count}处段首缩进，原本应分段。",
                      "Paragraph breaks were lost: {count} paragraph indents sit inside lines.")
    examples = Examples(
        bad=("您好！您的留言已收悉。现将有关情况回复如下：　　经查，该路段已纳入今年改造计划。"
             "　　施工期间将设置临时便道，保障居民出行。　　感谢您对我们工作的关心和支持。",),
        good=("您好！您的留言已收悉。现将有关情况回复如下：\n　　经查，该路段已纳入今年改造计划。\n"
              "　　感谢您对我们工作的关心和支持。",
              "会议指出，要抓好落实。会议强调，要加强领导。"),
    )
    basis = "文件格式：段落换行丢失（issue 10 §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = doc.facts(Layout)
        if layout.flattened is None:
            return
        newline = doc.newline
        edits = tuple(Edit(span, newline + doc.text[span.start:span.end])
                      for span in _indents(doc))
        fix = Fix(edits, Message("在每处行内缩进前换行", "Break the line before every indent"),
                  UNSAFE)
        yield self.report(layout.flattened, count=layout.indents, fix=fix)


def _indents(doc: Document) -> Iterator[Span]:
    text = doc.text
    for _, start, end in doc.index.line_spans():
        for match in INLINE_INDENT.finditer(text, start, end):
            yield Span(match.start(), match.end())


class LetterSpacedText(Rule):
    """全文字间加了空格（“中 华 人 民”“1 9 9 7 年”）。

    这是排版或转换造成的全文格式问题，每个文件只报告一次，修复（需确认）删除字间空格；
    不再逐字报告空格。人名对齐（“马　敏”）和标题的字间距只是少数几处，不会构成全文加空格。
    """

    code = "T506"
    name = "style.letter-spaced-text"
    category = Category.SPACING
    maturity = Maturity.PREVIEW
    fixable = True
    summary = Message("全文字间加了空格。", "Characters are set apart by spaces throughout.")
    message = Message("全文字间加了空格（共{count}处）：疑为排版或转换造成，应删除字间空格。",
                      "Characters are set apart by spaces throughout ({count} places): a layout "
                      "or conversion artefact; remove the spaces between characters.")
    examples = Examples(
        bad=(_LETTER_SPACED,),
        good=("中华人民共和国国务院关于进一步加强安全生产工作的决定。\n出席：马　敏　王立军　李　强",),
    )
    basis = "文件格式：字间空格（issue 10 §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = doc.facts(Layout)
        if layout.letter_spaced is None:
            return
        edits = tuple(Edit(Span(m.start(), m.end()), "")
                      for m in SPACED_PAIR.finditer(doc.text))
        fix = Fix(edits, Message("删除字间空格", "Remove the spaces between characters"),
                  UNSAFE)
        yield self.report(layout.letter_spaced, count=layout.spaced_pairs, fix=fix)
