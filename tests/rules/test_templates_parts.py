"""The small compilation model the P and T5 rules share: parts, titles, body starts."""

from __future__ import annotations

from doclint.core import Document
from doclint.rules.templates.parts import DocumentParts, is_distinctive


def _parts(text: str) -> DocumentParts:
    return Document.from_text(text).facts(DocumentParts)


def test_a_file_without_headings_is_one_part_with_its_title_lines() -> None:
    text = "在全县工作会议上的讲话\n王 明\n同志们：\n今天开会。"
    [part] = _parts(text).items
    assert [t.text for t in part.titles] == ["在全县工作会议上的讲话"]  # 王 明 is the byline
    assert text[part.body_start :].startswith("今天开会")  # the head ends with the salutation


def test_headings_split_a_compilation() -> None:
    text = (
        "第一篇：甲会议上的讲话\n同志们：\n甲。\n"
        "第二篇：乙会议上的讲话\n乙会议上的讲话\n同志们：\n乙。"
    )
    first, second = _parts(text).items
    assert [t.text for t in first.titles] == ["甲会议上的讲话"]
    assert [t.text for t in second.titles] == ["乙会议上的讲话", "乙会议上的讲话"]
    assert text[second.span.start :].startswith("第二篇")


def test_a_summary_line_repeating_the_heading_does_not_open_a_part() -> None:
    text = (
        " 第一篇：甲会议上的讲话 同志们：甲……\n"
        "第一篇：甲会议上的讲话\n同志们：\n甲。\n第二篇：乙\n乙。"
    )
    parts = _parts(text).items
    assert len(parts) == 2
    assert [t.text for t in parts[0].titles] == ["甲会议上的讲话"]  # the teaser is no title


def test_heading_must_open_its_line_and_crlf_is_fine() -> None:
    text = "同志们：\r\n本书共分十篇：第一篇讲历史。\r\n第二篇：乙\r\n乙。"
    parts = _parts(text).items
    assert len(parts) == 2
    assert parts[1].titles[0].text == "乙"


def test_part_at() -> None:
    text = "第一篇：甲\n甲。\n第二篇：乙\n乙。"
    parts = _parts(text)
    assert parts.part_at(text.index("乙。")) is parts.items[1]
    assert parts.part_at(0) is parts.items[0]


def test_distinctive_titles() -> None:
    assert is_distinctive("在全县工作会议上的讲话")
    assert not is_distinctive("政府工作报告")
