"""Shortcuts of the line tests, each against the test it stands in for: ``classify``'s way
out for a line that opens on no marker's character (the full ``_classify_content`` as the
oracle), and ``lines.is_chrome`` split into a standard-library scan and a whole-line match
(its former single ``regex`` pattern as the oracle)."""

from __future__ import annotations

import pytest
import regex

from doclint.core import memo
from doclint.rules.structure import classify, lines
from doclint.rules.structure.model import Kind

_FORMER_CHROME = regex.compile(
    r"【[^】]{0,20}】|www\.|https?://|>>|当前位置|来源[：:]|责任编辑|<!--|-->|<U\+|打印本页|关闭窗口"
    r"|字[体号][：:]|上一篇|下一篇|相关(?:文章|阅读|报道)|阅读次数|发布时间|点击[：:]"
    r"|^(?:下载|打印|全屏|收藏|分享|关闭|返回顶部|加大|还原|减小|[【】])$"
)

_CHROME_LINES = [
    "【字体：大 中 小】", "来源：新华网", "责任编辑：某某", "上一篇：关于某某的通知", "下载", "打印",
    "返回顶部", "【", "】", "下载\n", "相关阅读", "点击：1234", "www.gov.cn", "https://example.cn",
    "<U+00A0>某某", "首页 >> 新闻", "<!-- 注释 -->", "字号：大", "发布时间：2024-01-01",
    "【】之外", "关闭",
]
_OTHER_LINES = [
    "下载文件", "我要下载", "下载 ", " 下载", "打印机采购", "要坚持稳中求进，着力扩大有效投资。",
    "一、总体要求", "各位代表：", "来源于实践", "相关工作", "点击率", "", "www", "http:/",
    "某" * 120 + "来源：", "【" + "某" * 21 + "】",
]


@pytest.mark.parametrize("text", _CHROME_LINES + _OTHER_LINES)
def test_is_chrome_answers_as_its_former_pattern(text: str) -> None:
    memo.forget()
    expected = len(text) <= 100 and _FORMER_CHROME.search(text) is not None
    assert lines.is_chrome(text) == expected


def test_is_chrome_finds_the_furniture() -> None:
    memo.forget()
    assert all(lines.is_chrome(text) for text in _CHROME_LINES)
    assert not any(lines.is_chrome(text) for text in _OTHER_LINES)


# Lines of every kind; the ones the shortcut takes open on none of the marked characters.
_LINES = [
    "要坚持稳中求进，着力扩大有效投资。", "坚持稳中求进", "政府工作报告", "【字体：大 中 小】",
    "来源：新华网，2024年", "各位代表：", "同志们：", "女士们、先生们：", "各位代表，现在我讲三点意见。",
    "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "（2024年4月24日）", "2024年4月24日",
    "一、总体要求", "（一）指导思想", "1. 稳投资", "第一章　总则", "第一条　为了规范管理，制定本办法。",
    "第一篇：政府工作报告", "篇二：讲话", "## 第三章　法律责任", "<U+00A0>一、总体要求",
    "<p>要坚持稳中求进，着力扩大有效投资。</p>", "要坚持稳中求进，着力扩大有效投资...",
    "下面我讲三点意见：", "附件1", "某" * 120, "某" * 101 + "，", "O2O平台，发展迅速。", "—— 某某",
]


@pytest.mark.parametrize("index", range(len(_LINES)))
def test_classify_shortcut_answers_as_the_full_classifier(index: int) -> None:
    memo.forget()
    text = _LINES[index]
    found = classify.classify(_LINES, index)
    if text[0] in classify._MARKED_START or text.startswith("<U+") \
            or text.endswith(classify._ELLIPSES):
        return  # not the shortcut's line
    assert found == classify._classify_content(text)
    assert found[0] in (Kind.BODY, Kind.LABEL)
