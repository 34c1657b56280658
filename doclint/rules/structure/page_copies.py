"""T603: the file holds its own text several times (a page scraped once per link)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Edit,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.document import Span
from doclint.rules.structure.copies import PageCopies

_SPACE = " \t\u3000\u00a0\u200b\ufeff"
_BODY = ("一九五五年国家决算的收支总数如下，收入总计二百七十二亿元，支出总计二百六十九亿元。"
         "收支相抵，结余三亿元。各项收入都完成和超额完成了预算，国营企业的缴款增长较快。"
         "基本建设拨款比上年有较大增加，重点工程按计划推进，设备安装工作进展顺利。"
         "农业税的征收贯彻了依率计征、依法减免的政策，农民负担是合理的。\n"
         "一九五六年的国家预算，收入和支出都比上年有所增加。预算的安排，首先保证了国家重点建设"
         "的需要，同时照顾了人民生活的改善。各部门要厉行节约，反对浪费，保证预算的实现。")
_PAGE = "当前位置：首页>>中国概况\n1956年国务院政府工作报告\n" + _BODY


class PageCopiesRule(Rule):
    """文件中含有本文的完整副本：抓取时同一页面被重复保存了几遍。

    抓取程序顺着报告的分页链接一页页保存时，常把同一个页面（网页界面、标题和全文）又存了
    一遍或几遍。这是整个文件的一个缺陷：只报告一次，指出每份副本，修复（需确认）删除全部副本。
    副本里的内容不再由其他规则逐段重复报告（T602 的段落重复、各规则在副本中的同一问题）。
    只把足够长、占原文大半的重复段当作副本；一段话被粘贴两次由 T602 报告。
    """

    code = "T603"
    name = "structure.page-copies"
    category = Category.DUPLICATE_TEXT
    masks = True
    fixable = True
    summary = Message("文件中含有本文的完整副本。",
                      "The file holds copies of its own text.")
    message = Message("自此处起，文件把前文又重复了{copies}遍（共约{han}个汉字）：疑为抓取时重复"
                      "保存了整页；副本中的问题不再重复报告。",
                      "From here the file repeats its text {copies} more time(s) (about {han} "
                      "Han characters): the page was probably saved again by a scraper; problems "
                      "inside the copies are not reported again.")
    examples = Examples(
        bad=(_PAGE + "\n" + _PAGE + "\n" + _PAGE,),
        good=(_PAGE + "\n其他说明：本页内容仅供参考。",
              "要坚持以人民为中心的发展思想。\n" * 3),
    )
    basis = "抓取拼接造成的重复（domain-rules §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        copies = doc.facts(PageCopies).copies
        if not copies:
            return
        first = copies[0]
        related = [Related(first.original, Message("原文", "the original text"))]
        related += [Related(c.span, Message("又一份副本", "another copy")) for c in copies[1:]]
        edits = tuple(Edit(_whole_lines(doc.text, c.span), "") for c in copies)
        fix = Fix(edits, Message(f"删除全部{len(copies)}份副本", f"Delete all {len(copies)} copies"),
                  UNSAFE)
        yield self.report(first.span, copies=len(copies), han=sum(c.han for c in copies),
                          related=related, fix=fix)


def _whole_lines(text: str, span: Span) -> Span:
    """``span`` widened to the start of its first line and past the break of its last line
    when nothing but white space is outside it on those lines (a line that keeps its label,
    ``问题分析：``, keeps its break too)."""
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(_SPACE):
        line_start = start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[end:line_end].strip(_SPACE + "\r\n") or (line_start == start != 0 \
            and text[start - 1] != "\n"):
        line_end = end
    return Span(line_start, line_end)
