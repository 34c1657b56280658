"""Plain text: a record header an archive wrote above the text is metadata and not checked."""

from __future__ import annotations

import pytest

from doclint.core import Document
from doclint.readers.field_table import field_table
from doclint.readers.plain import read_plain
from doclint.readers.record_header import record_header
from tests.readers.test_markdown import assert_blanked_only, found


def read(text: str, newline: str = "\n") -> Document:
    return read_plain("page.txt", text.replace("\n", newline).encode("utf-8"))


_HEADER = ("标题: 某区XX局关于2023年工作情况的报告\n发布时间: 2024-03-29 10:09\n文号: \n"
           "原文链接: https://www.example.gov.cn/zwgk/t20240329_1.htm\n"
           "页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n")


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


_FIELDS = ("索取号\n1234567890/2025-00001\n载体类型\n发布机构\n某市XX局\n文件编号\n某建〔2025〕1号\n"
           "公开类别\n主动公开\n某市XX局\n关于印发XX办法的通知\n各有关单位：\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(("head", "body", "fields", "flagged"), [
    # a record header: its XX is not checked
    (_HEADER, "今年XX工作取得新进展。\n",
     {"标题": "某区XX局关于2023年工作情况的报告", "发布时间": "2024-03-29 10:09"}, [(7, 3, 7, 5)]),
    # a field table: the value of 发布机构 (line 5) is not checked, the document's own issuer
    # line under the table (line 10) is text
    (_FIELDS, "现将XX办法印发给你们。\n",
     {"发布机构": "某市XX局", "载体类型": "", "公开类别": "主动公开"},
     [(10, 3, 10, 5), (11, 5, 11, 7), (13, 3, 13, 5)]),
])
def test_metadata_above_the_text_is_not_checked(newline: str, head: str, body: str,
                                                 fields: dict[str, str],
                                                 flagged: list[tuple[int, int, int, int]]) -> None:
    doc = read(head + body, newline)
    assert {key: doc.metadata[key] for key in fields} == fields
    assert found(doc) == flagged
    assert_blanked_only(doc)


@pytest.mark.parametrize("text", [
    # three fields only
    "发布机构\n某市XX局\n文号\n某建〔2025〕1号\n主题分类\n城乡建设\n某市XX局关于XX的通知\n",
    # fields with colons inside a 公文's body, not at its head
    "关于XX的通知\n各单位：\n发布机构：某局\n文号：某〔2025〕1号\n公开方式：主动公开\n有效性：有效\n",
])
def test_no_field_table(text: str) -> None:
    assert field_table(text) is None
    assert read(text).text == read(text).source
