"""``paragraph_keys`` (one regex call over many paragraphs) equals ``paragraph_key`` of each."""

from __future__ import annotations

import hashlib

import pytest

from doclint.rules.archive.fingerprint import paragraph_key, paragraph_keys

TEXTS = [
    "现在，我代表市人民政府，向大会报告工作，请予审议。",
    "一、二、三。“引号”（括号）《书名》——完。",
    "第１２３条　全角数字１２３和半角123、ＡＢＣ全角字母。",
    "snake_case、under_score_以及＿全角下划线",
    "㍿株式会社和㈱、①②③、ﬁ连字",
    "，。、；：",  # no word at all: an empty key
    "",
    "Plain ASCII text, with commas. And full stops.",
    "𠀀𠀁扩展B的汉字，和\u200b零宽空格\ufeff。",
    "e\u0301 组合字符，é 预组合。",
]


def test_keys_of_many_paragraphs_equal_each_paragraphs_key() -> None:
    assert paragraph_keys(TEXTS) == [paragraph_key(text) for text in TEXTS]
    assert paragraph_keys([]) == []


@pytest.mark.parametrize("text", TEXTS)
def test_key_of_one_paragraph(text: str) -> None:
    assert paragraph_keys([text]) == [paragraph_key(text)]


def test_a_text_with_its_own_line_break_is_keyed_alone() -> None:
    texts = ["第一行，\n第二行。", "另一段，文字。"]
    assert paragraph_keys(texts) == ["第一行第二行", "另一段文字"]
    assert paragraph_keys(texts) == [paragraph_key(text) for text in texts]


def test_known_keys() -> None:
    assert paragraph_keys(["第１２３条，snake_case。", "，。、"]) == ["第123条snakecase", ""]


@pytest.mark.parametrize("text", [
    "标题\n\n　　正文一句。　　下一段\u200c；\r\n甲\x1c乙\u2060丙\r末行 \n",
    "\ufeff甲\u200b\n \u3000\u00a0\n\t乙\u2028丙\x85丁\u200d\n", "", "\n\n",
])
def test_the_digest_squeezes_the_paragraphs_keys_as_it_would_the_text(text: str) -> None:
    from doclint.core.document import Document
    from doclint.rules.archive.fingerprint import TextDigest, squeeze

    doc = Document.from_text(text)
    squeezed = squeeze(text)
    assert doc.facts(TextDigest).size == len(squeezed)
    assert doc.facts(TextDigest).digest == hashlib.blake2b(squeezed.encode("utf-8"),
                                                           digest_size=16).digest()


def test_squeezed_keys_drop_what_squeeze_drops_from_keyed_text() -> None:
    """TextDigest squeezes the shared keys (text without white space) by scans for the few
    characters ``squeeze`` drops that the keys keep: sound only while those are all of them."""
    from doclint.core.text import SEPARATOR_CONTROLS, spaceless
    from doclint.rules.archive.fingerprint import _INVISIBLE_IN_KEYS, _squeezed_keys, squeeze

    kept_by_keys = {chr(c) for c in range(0x110000)
                    if spaceless([chr(c)]) == [chr(c)] and squeeze(chr(c)) == ""}
    assert kept_by_keys == set(SEPARATOR_CONTROLS + _INVISIBLE_IN_KEYS)
    for text in ["", "第一段文字", "甲\x1c乙\u200c丙\u2060丁\u200d", "\x1f", "甲\u200c\u200c乙"]:
        key = spaceless([text])[0]
        assert _squeezed_keys(key) == squeeze(key)
    assert _squeezed_keys("甲\x1e乙\u200d丙") == "甲乙丙"
    assert _squeezed_keys("甲乙") == "甲乙"

