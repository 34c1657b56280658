"""The years family's faster scans answer exactly what the scans they replaced answered: each
is checked against the former code on generated strings dense in the cases that matter, and
the extractors on the real documents."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from doclint.core import Document
from doclint.rules.years import review
from doclint.rules.years.paragraphs import Hits, ParagraphSpans, plain

# Pieces of review openings, headings, tags and breaks, to draw documents from.
_PIECES = [
    "十", "五", "两", "1", "12", "年", "来", "过去", "的", "这", "近", "间", "前", "风雨", "征程",
    "党的", "十八", "大以来", "进入", "新时代", "以来", "改革开放", "新中国成立", "70", "回首",
    "回望", "回顾", "这些", "多", "些", "成就", "历程", "变革", "巨变", "答卷", "工作总结",
    "今年", "当前", "我们要", "一、", "（二）", "3.", "第一章", "标题", "工作", "发展", "，", "。",
    "；", "：", "<b>", "</b>", "<p>", "<br/>", "<", ">", " ", "\u3000\u3000", "\n", "\n\n", "a",
    "\u3400", "\U00020000", "成", "就", "以", "新", "时代", "回", "顾", "工作总", "结", "<i>",
]


def _strings(seed: int, count: int, most: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, most)))
            for _ in range(count)]


def test_heading_length_counts_as_the_character_loop_did() -> None:
    rnd = random.Random(5)
    alphabet = "年来a1，。 \u3000\u4e00\u9fff\u4dff\ua000\u3400\U00020000"
    strings = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 70)))
               for _ in range(20000)]
    expected = [sum(1 for char in s if "\u4e00" <= char <= "\u9fff") > review._HEADING_HAN
                for s in strings]
    assert 0 < sum(expected) < len(strings)
    assert [review._MORE_HAN_THAN_A_HEADING.match(s) is not None for s in strings] == expected


def test_every_opening_holds_a_word_of_the_quick_scan() -> None:
    patterns = (review.STRETCH, review.SINCE, review._REVIEW_OPENING, review._REVIEW_HEADING)
    opening = 0
    for s in _strings(seed=6, count=40000, most=5):
        content = plain(s)
        if any(pattern.search(content) for pattern in patterns):
            opening += 1
            assert review._MAY_OPEN.search(s), s
    assert opening > 5000


def _passages(doc: Document) -> list[review.Passage]:
    return review.ReviewPassages.from_document(doc).passages


def _documents(shared: Path) -> list[Document]:
    texts = [text.replace("\n", "。\n") for text in _strings(seed=7, count=3000, most=60)]
    folder = shared / "corpus" / "real"
    texts += [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    return [Document(path="x.txt", source=text, settings={"year": None}) for text in texts]


def test_review_passages_as_without_the_quick_scan(shared: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _documents(shared)
    found = [_passages(doc) for doc in docs]
    monkeypatch.setattr(review, "_MAY_OPEN", re.compile(r"[\s\S]"))  # every paragraph
    assert [_passages(doc) for doc in docs] == found
    assert sum(map(len, found)) > 500


# Pieces of news items: datelines at the head and the end, newspaper pages, titles, tags.
_NEWS_PIECES = [
    "新华社", "本报", "央视网", "北京", "3", "月", "8", "日", "电", "讯", "消息", "2015", "年",
    "（", "）", "(", ")", "——", "－", "-", "在", "大会", "上", "《人民日报》", "01版", "标题",
    "会议指出", "。", "，", "<p>", "</p>", "<b>", "</b>", "\n", "\u3000\u3000", " ",
    "新华社北京3月8日电", "（新华社北京3月8日电）", "《人民日报》（2015年03月09日01版）",
    "（2015年5月25日）", "——在大会上", "会议指出，发展很重要。", "会议强调，要抓落实。",
]


def test_every_item_mark_holds_a_character_of_the_quick_scan() -> None:
    from doclint.rules.structure import lines
    from doclint.rules.years import items

    rnd = random.Random(8)
    marked = 0
    for _ in range(40000):
        s = "".join(rnd.choice(_NEWS_PIECES) for _ in range(rnd.randint(1, 9))).strip("\n")
        s = s.split("\n")[0]
        if not s.strip(" \t\u3000"):
            continue  # not a paragraph
        content = plain(s)
        if not content or items._OPENING.search(s) or items._CLOSING.search(content) \
                or items.PUBLICATION.match(content) or lines.is_head_dateline(content):
            marked += 1
            assert any(char in s for char in items._MAY_MARK), s
    assert marked > 2000


def test_items_as_without_the_quick_scan(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from doclint.core.document import Span
    from doclint.rules.years import items

    rnd = random.Random(9)
    texts = ["\n".join("".join(rnd.choice(_NEWS_PIECES) for _ in range(rnd.randint(0, 12)))
                       for _ in range(rnd.randint(0, 12)))
             for _ in range(3000)]
    texts += [path.read_text(encoding="utf-8")
              for path in sorted((shared / "corpus" / "real").glob("*.txt"))]
    docs = [Document(path="x.txt", source=text, settings={"year": None}) for text in texts]
    found = [items.split_items(doc, Span(0, len(doc.text))) for doc in docs]
    monkeypatch.setattr(ParagraphSpans, "holding",  # every paragraph
                        lambda self, _chars, _text, start, end: list(range(len(self.between(start, end)))))
    assert [items.split_items(doc, Span(0, len(doc.text))) for doc in docs] == found
    assert sum(len(spans) > 1 for spans in found) > 50


def test_paragraphs_holding_answer_as_the_class_pattern_did() -> None:
    rnd = random.Random(10)
    chars = "月—－<-"
    pattern = re.compile(r"[月—－<-]")
    alphabet = "月—－<-a年 \n—\u2013\u3000。"
    asked = 0
    for _ in range(3000):
        doc = Document(path="x.txt", source="".join(rnd.choice(alphabet)
                                                    for _ in range(rnd.randint(0, 60))))
        text, spans = doc.text, doc.facts(ParagraphSpans)
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        old = Hits(pattern, text, start, end)
        expected = [index for index, paragraph in enumerate(spans.between(start, end))
                    if old.within(paragraph.start, paragraph.end)]
        assert spans.holding(chars, text, start, end) == expected, (text, start, end)
        asked += len(expected)
    assert asked > 1000


_BREAK_PIECES = [
    "\n", "\r", "\r\n", "<p>", "</p>", "<br>", "<br/>", "<br \n/>", "<p class='a。  b'>", "<p\n>",
    "<p \r>", "<p\x1c>", "<br\x1c>", "<b>", "<", ">", "。", "：", "”", "）", " ", "\t", "\u3000",
    "\u00a0", "\u2002", "\u2009", "\x1c", "\x1f", "\u200b", "\ufeff", "a", "字",
]
# The paragraph breaks as one pattern, as ParagraphSpans scanned for them before.
_ONE_BREAK_PATTERN = (r"\r?\n|\r|<p(?:\s[^<>\n]{0,200})?>|</p>|<br\s*/?>|"
                      r"(?<=[。！？；!?;：:”’」』）)])[ \t\u3000\u00a0\u2002\u2003]{2,}(?=\S)")


def _paragraphs_by_one_pattern(text: str) -> list[tuple[int, int]]:
    import regex

    spans, start = [], 0
    for match in regex.finditer(_ONE_BREAK_PATTERN, text):
        if match.start() > start and text[start:match.start()].strip(" \t\u3000\u00a0\u200b\ufeff"):
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text) and text[start:].strip(" \t\u3000\u00a0\u200b\ufeff"):
        spans.append((start, len(text)))
    return spans


def test_paragraph_spans_as_one_pattern_found_them(shared: Path) -> None:
    from doclint.core.text import INLINE_INDENT
    from doclint.rules.years.paragraphs import ParagraphSpans

    assert _ONE_BREAK_PATTERN.endswith(INLINE_INDENT.pattern)
    rnd = random.Random(10)
    texts = ["".join(rnd.choice(_BREAK_PIECES) for _ in range(rnd.randint(0, 14)))
             for _ in range(30000)]
    texts += [path.read_text(encoding="utf-8")
              for path in sorted((shared / "corpus" / "real").glob("*.txt"))]
    split = 0
    for text in texts:
        spans = ParagraphSpans.from_document(Document.from_text(text)).spans
        assert [tuple(span) for span in spans] == _paragraphs_by_one_pattern(text), repr(text)
        split += len(spans) > 1
    assert split > 5000
