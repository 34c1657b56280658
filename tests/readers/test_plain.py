"""Plain text: a record header an archive wrote above the text is metadata and not checked."""

from __future__ import annotations

import pytest

from doclint.core import Document
from doclint.readers.plain import read_plain
from doclint.readers.record_header import record_header
from tests.readers.test_markdown import assert_blanked_only, found


def read(text: str, newline: str = "\n") -> Document:
    return read_plain("page.txt", text.replace("\n", newline).encode("utf-8"))


_HEADER = ("标题: 某区XX局关于2023年工作情况的报告\n发布时间: 2024-03-29 10:09\n文号: \n"
           "原文链接: https://www.example.gov.cn/zwgk/t20240329_1.htm\n"
           "页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_record_header_is_metadata_and_not_checked(newline: str) -> None:
    doc = read(_HEADER + "今年XX工作取得新进展。\n", newline)
    assert doc.metadata["标题"] == "某区XX局关于2023年工作情况的报告"
    assert doc.metadata["发布时间"] == "2024-03-29 10:09"
    assert found(doc) == [(7, 3, 7, 5)]  # the header's XX is not checked
    assert_blanked_only(doc)


@pytest.mark.parametrize("text", [
    # a title underlined, no fields
    "某县XX工作报告\n==========\n正文。\n",
    # a 公文's own lines, no separator: they are the document
    "发文机关：XX县人民政府\n签发人：XX\n主送：各乡镇\n正文。\n",
    # two fields only
    "标题：XX\n时间：2024\n----------\n正文。\n",
    # the separator too far down
    "".join(f"第{i}项：XX\n" for i in range(40)) + "==========\n正文。\n",
])
def test_no_record_header(text: str) -> None:
    assert record_header(text) is None
    assert read(text).text == read(text).source


def test_separator_shapes() -> None:
    fields = "标题: 甲\n日期: 2024-01-01\n来源: 乙\n"
    for separator in ("-----", "==========", "***** 正文 *****", "#####"):
        assert record_header(fields + separator + "\n正文") is not None
