"""The units of scope ``line`` (doclint/yamlrules/scopes.py), the lines of ``core.text.lines_of``
that are not empty: text of LF breaks only is split with ``str.split``; the units are the line
index's lines that are not empty, either way."""

from __future__ import annotations

import random

import pytest

from doclint.core.document import Document
from doclint.yamlrules.scopes import Scopes, Unit


def _by_index(doc: Document) -> list[Unit]:
    """The former definition: the line index's spans, cut from the text."""
    return [Unit(start, doc.text[start:end]) for _, start, end in doc.index.line_spans()
            if end > start]


@pytest.mark.parametrize("seed", range(40))
def test_line_units_are_the_line_index_lines(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = rng.choice(["ab　\n", "ab\n\n\n", "ab\r\n", "a\r"])
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
    doc = Document.from_text(text)
    assert Scopes(doc).units("line") == _by_index(doc)


@pytest.mark.parametrize("text", ["", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb\n", "一\n二　\n"])
def test_line_units_at_the_edges(text: str) -> None:
    doc = Document.from_text(text)
    assert Scopes(doc).units("line") == _by_index(doc)


def test_a_source_with_carriage_returns_is_cut_by_its_index() -> None:
    """The text a rule checks may blank a region of the source, never its line breaks."""
    doc = Document(path="<test>", source="a\r\nb\nc", text="a\r\nb\nc")
    assert [u.text for u in Scopes(doc).units("line")] == ["a", "b", "c"]
