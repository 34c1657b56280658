"""The shared file-level facts: paragraph indents inside lines, page copies, the file's format."""

from __future__ import annotations

import pytest

from doclint.core import Document
from doclint.core.text import Paragraphs
from doclint.rules.structure.copies import PageCopies
from doclint.rules.structure.layout import Layout
from doclint.rules.structure.leads import common_lead

PARAGRAPHS = [
    "一九五五年国家决算的收支总数如下，收入总计二百七十二亿元，支出总计二百六十九亿元。",
    "收支相抵，结余三亿元。各项收入都完成和超额完成了预算，国营企业的缴款增长较快。",
    "基本建设拨款比上年有较大增加，重点工程按计划推进，设备安装工作进展顺利。",
    "农业税的征收贯彻了依率计征、依法减免的政策，农民负担是合理的。",
    "一九五六年的国家预算，收入和支出都比上年有所增加，首先保证了国家重点建设的需要。",
    "各部门要厉行节约，反对浪费，保证预算的实现，共同为完成第一个五年计划而奋斗。",
]
PAGE = "当前位置：首页>>中国概况\n1956年国务院政府工作报告\n" + "\n".join(PARAGRAPHS) + "\n"


def test_indents_inside_a_line_split_its_paragraphs() -> None:
    doc = Document.from_text("网友：　　您好！留言已收悉。　　经查，情况属实。\n下一行。")
    items = doc.facts(Paragraphs).items
    assert [(p.line, p.text) for p in items] == [
        (1, "网友："), (1, "您好！留言已收悉。"), (1, "经查，情况属实。"), (2, "下一行。")]
    assert [doc.slice(p.span) for p in items] == [p.text for p in items]


@pytest.mark.parametrize("text", ["马　敏　王立军", "会议指出。 会议强调。", "第一条　总则"])
def test_single_spaces_and_padding_do_not_split(text: str) -> None:
    assert [p.text for p in Document.from_text(text).facts(Paragraphs).items] == [text]


def test_a_page_saved_three_times_has_two_copies() -> None:
    text = PAGE * 3
    copies = Document.from_text(text).facts(PageCopies)
    assert len(copies.copies) == 2
    first, second = copies.copies
    assert text[first.span.start:].startswith("当前位置") and first.span.start == len(PAGE)
    assert second.span.start == 2 * len(PAGE)
    assert first.original.start == 0
    assert copies.in_copy(len(PAGE) + 30) and not copies.in_copy(30)
    assert copies.segment(30) == (0, len(PAGE))
    assert copies.segment(len(PAGE) + 30) == first.span


@pytest.mark.parametrize("text", ["", "\n", "　　\n \n", "\r\n\r\n"])
def test_a_text_without_sentences_has_no_copies(text: str) -> None:
    assert not Document.from_text(text).facts(PageCopies)


def test_a_copy_counts_the_han_of_its_matching_sentences_only() -> None:
    # a sentence of spaces only is no unit; a changed header is bridged, and its Han
    # characters are not the copy's
    page = PAGE.replace("中国概况\n", "中国概况\n　 　\n")
    changed = page.replace("当前位置：首页>>中国概况", "首页 > 要闻 > 正文")
    text = page + changed
    (copy,) = Document.from_text(text).facts(PageCopies).copies
    han = sum(1 for c in "".join(PARAGRAPHS) + "1956年国务院政府工作报告" if "\u4e00" <= c <= "\u9fff")
    assert copy.han == han and copy.units == "".join(PARAGRAPHS).count("。") + 1
    assert copy.span == (len(page) + text[len(page):].index("1956"), len(text) - 1)


def test_a_changed_page_header_inside_a_copy_is_bridged() -> None:
    changed = PAGE.replace("当前位置：首页>>中国概况", "首页 > 要闻 > 正文")
    copies = Document.from_text(PAGE + changed).facts(PageCopies).copies
    assert len(copies) == 1 and copies[0].units >= len(PARAGRAPHS)


@pytest.mark.parametrize("text", [
    PAGE + PARAGRAPHS[0] + "\n",                     # one paragraph pasted again
    "\n".join(["要坚持以人民为中心。", "抓好落实。"] * 6),  # slogans
    PAGE + "\n".join(p.replace("，", "，全年") for p in PARAGRAPHS),  # similar, not the same
])
def test_repeats_that_are_not_copies(text: str) -> None:
    assert not Document.from_text(text).facts(PageCopies)


def test_a_long_document_with_a_passage_repeated_is_not_a_copy() -> None:
    passage = "\n".join(PARAGRAPHS)
    other = "\n".join(f"第{i}项工作要求各地区各部门认真落实本项部署，切实加强组织领导。"
                      for i in range(60))
    assert not Document.from_text(passage + "\n" + other + "\n" + passage).facts(PageCopies)


def test_an_ordinary_report_has_no_format_defect() -> None:
    layout = Document.from_text(PAGE * 4).facts(Layout)
    assert not any((layout.unpunctuated, layout.hard_wrapped, layout.letter_spaced,
                    layout.flattened, layout.html))
    assert not layout.line_structure_lost


def test_html_is_found_by_its_tags() -> None:
    text = "".join(f"<p>{p}<br></p>\n" for p in PARAGRAPHS) * 2
    assert Document.from_text(text).facts(Layout).html == (0, 3)
    assert not Document.from_text("使用<br>标签换行。" + PAGE).facts(Layout).html


@pytest.mark.parametrize(("text", "lead"), [
    # two labels, then the same first sentence: the lead reaches back to the colons
    ("调研情况：一是接种率偏低，未能建立屏障。二是其他情况。\n问题分析：一是接种率偏低，未能建立屏障。二是其他情况。",
     "一是接种率偏低，未能建立屏障。"),
    # two lines that start alike
    ("一是接种率偏低，未能建立屏障。二是其他情况。\n一是接种率偏低，未能建立屏障。二是其他情况。",
     "一是接种率偏低，未能建立屏障。"),
    # the earlier one opens the text (a page saved twice on one line): from its start
    ("各有关单位：一是接种率偏低，未能建立屏障。二是其他情况。责任部门：办公厅各有关单位：一是接种率偏低，"
     "未能建立屏障。二是其他情况。", "各有关单位：一是接种率偏低，未能建立屏障。"),
    # the words before part inside a sentence: no lead
    ("甲镇的发展很好。二是其他情况。\n乙镇的发展很好。二是其他情况。", ""),
    ("前言。一是接种率偏低。二是其他情况。后来一是接种率偏低。二是其他情况。", ""),
])
def test_common_lead_reaches_back_to_a_shared_clause_start(text: str, lead: str) -> None:
    there = text.index("二是其他情况")
    here = text.index("二是其他情况", there + 1)
    length = common_lead(text, here, there, there + len("二是其他情况。"))
    assert text[here - length : here] == lead
