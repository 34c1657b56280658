"""Keys of lines without white space (``lines.key``, T601's, T602's and the shared
``text.spaceless``): a line that holds no " " and is printable is returned as its own key,
without cutting anything out. That rests on every other character these keys drop being
unprintable."""

from __future__ import annotations

import sys

import pytest
import regex

from doclint.core import text as core_text
from doclint.core.document import Document
from doclint.core.text import TextKeys, spaceless
from doclint.rules.structure import duplicate_line, lines, repeated_text

_EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
# ``lines.key`` as it was written before it became the shared ``text.without_space``: str.split
# where it drops what the pattern drops, the pattern where the two disagree.
_SPACES = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_NOT_SPLIT = regex.compile("[\x1c-\x1f\u200b\ufeff]")


def _dropped() -> dict[str, set[str]]:
    return {
        "lines.key's former _SPACES": set("".join(_SPACES.findall(_EVERY_CHARACTER))),
        "lines.key's former _NOT_SPLIT": set(_NOT_SPLIT.findall(_EVERY_CHARACTER)),
        "str.split": {c for c in _EVERY_CHARACTER if c.isspace()},
        "duplicate_line._SPACES": set("".join(duplicate_line._SPACES.findall(_EVERY_CHARACTER))),
        "repeated_text._SPACE": set(repeated_text._SPACE.findall(_EVERY_CHARACTER)),
        "text._SPACE_RUN": set("".join(core_text._SPACE_RUN.findall(_EVERY_CHARACTER))),
    }


def test_every_dropped_character_but_the_space_is_unprintable() -> None:
    for name, found in _dropped().items():
        assert found, name
        assert {c for c in found if c.isprintable()} <= {" "}, name


_TEXTS = ["一、总体要求", "第 一 章", "关于\u3000印发", "甲\u200b乙", "甲\ufeff乙", "甲\x1c乙",
          "甲\u00a0乙", "\u3000\u3000段落。", "要求。 ", "plain", "", "甲\t乙\n"]


@pytest.mark.parametrize("text", _TEXTS)
def test_keys_are_what_the_patterns_leave(text: str) -> None:
    split = "".join(text.split()) if _NOT_SPLIT.search(text) is None \
        else _SPACES.sub("", text)
    assert lines.key(text) == split
    assert duplicate_line._without_spaces(text) == duplicate_line._SPACES.sub("", text)
    if "\n" not in text:
        assert spaceless([text]) == [core_text._SPACE_RUN.sub("", text)]
        assert spaceless([text]) == [lines.key(text)]


def test_the_shared_keys_are_the_paragraphs_without_white_space() -> None:
    texts = [text for text in _TEXTS if "\n" not in text]
    assert spaceless(texts) == [core_text._SPACE_RUN.sub("", text) for text in texts]
    assert spaceless([]) == []
    doc = Document.from_text("一、总体要求\n\n　　第 一 章。　　关于\u3000印发\n甲\x1c乙\n")
    keys = doc.facts(TextKeys).paragraphs
    assert keys == ["一、总体要求", "第一章。", "关于印发", "甲\x1c乙"]
    # T602 drops what the standard library's \s drops: the separator controls too
    assert repeated_text._own_keys(doc, keys) == ["一、总体要求", "第一章。", "关于印发", "甲乙"]


def test_a_line_without_white_space_is_its_own_key() -> None:
    text = "坚持稳中求进，扩大有效投资。"
    assert lines.key(text) is text
    assert duplicate_line._without_spaces(text) is text
    assert spaceless([text]) == [text]
