"""Line tests that keep their answers for the document being checked (doclint.core.memo)."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.core.memo import per_document
from doclint.rules.structure import endings, lines

_LINES = ("一、总体要求", "（二）加强组织领导。各地要压实责任", "【字体：大 中 小】",
          "## 第三章　法律责任", "<U+00A0>新华社北京3月1日电", "同志们：", "全县召开安全生产工作会议，",
          "第一条　为了规范管理，制定本办法。", "关于印发《某某办法》的通知", "  来源：某某网  ")


def test_kept_answers_are_the_answers() -> None:
    """Asked twice, each kept test answers what the function itself answers."""
    tests = [lines.content_start, lines.heading_marker, lines.opens_news_item, lines.is_chrome,
             lines.has_punctuation, lines.han_count, lines.key, lines.compact, lines.title_key,
             endings.ends_sentence, endings.open_ended]
    for test in tests:
        for text in _LINES:
            plain = test.__wrapped__(text)  # type: ignore[attr-defined]
            assert test(text) == plain
            assert test(text) == plain
    for text in _LINES:
        for count in (1, 2, 5, 40):
            assert lines.has_han(text, count) == lines.has_han.__wrapped__(text, count)  # type: ignore[attr-defined]
        assert lines.is_han_char(text[0]) == lines.is_han_char.__wrapped__(text[0])  # type: ignore[attr-defined]


def test_a_released_document_drops_the_kept_answers() -> None:
    calls: list[str] = []

    @per_document
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("abc") == shout("abc") == "ABC"
    assert calls == ["abc"]  # asked once
    assert lines.key("全 县") == "全县"
    assert lines.key.cache_info().currsize > 0  # type: ignore[attr-defined]
    Document.from_text("全县").release()
    assert lines.key.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert shout("abc") == "ABC"
    assert calls == ["abc", "abc"]  # asked again after the release
