"""Exceptions searched once in a whole document of line units (doclint/yamlrules/kinds/
pairing.py, ``_LineMatches``) find in each line what a search of that line finds; and the
list-number exception of BD009, rewritten so that it never reads a line break, finds what it
found before (an equivalence over generated texts and the real corpus)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from doclint.core.candidates import Candidates
from doclint.core.document import Document
from doclint.yamlrules import builtin_pack_paths, load_pack
from doclint.yamlrules.kinds.base import Exceptions
from doclint.yamlrules.kinds.pairing import PairingRule, _LineMatches
from doclint.yamlrules.patterns import FLAGS
from doclint.yamlrules.scopes import Scopes

# Before: a line break before the number was read by \s; after: by ^ (multi-line).
LIST_NUMBER_BEFORE = (r"）(?<=(?:^|[；。：，\s])(?:[0-9A-Za-z①-⑳]{1,2}|[一二三四五六七八九十]{1,3})）)"
                      r"(?<![（(][ \t　]*[0-9A-Za-z①-⑳一二三四五六七八九十]{1,3}）)"
                      r"(?<!（[^（）\n]{0,200}）)")
LIST_NUMBER_AFTER = LIST_NUMBER_BEFORE.replace(r"[；。：，\s]", r"[；。：，]|[^\S\n]")
ALPHABET = "）（(；。：，1a①一十好 \t　\n\r\x0b\x0c\u2028\x85"


def _line_rules() -> list[type[PairingRule]]:
    return [rule for path in builtin_pack_paths() for rule in load_pack(path)
            if issubclass(rule, PairingRule) and rule.spec.scope == "line"]


def _random_texts(seed: int, alphabet: str, count: int = 200) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
            for _ in range(count)]


def _corpus(shared: Path) -> list[str]:
    folder = shared / "corpus" / "real"
    if not folder.is_dir():
        pytest.skip("no real corpus")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def test_the_pack_holds_the_rewritten_exception() -> None:
    sources = [p.compiled.pattern for rule in _line_rules() for p in rule.spec.exceptions]
    assert LIST_NUMBER_AFTER in sources
    after = next(p for rule in _line_rules() for p in rule.spec.exceptions
                 if p.compiled.pattern == LIST_NUMBER_AFTER)
    assert after.prefilter.one_line


@pytest.mark.parametrize("seed", range(10))
def test_the_rewritten_exception_finds_the_same(seed: int) -> None:
    before, after = regex.compile(LIST_NUMBER_BEFORE, FLAGS), regex.compile(LIST_NUMBER_AFTER, FLAGS)
    for text in _random_texts(seed, ALPHABET):
        assert [m.span() for m in after.finditer(text)] == \
            [m.span() for m in before.finditer(text)], repr(text)


def test_the_rewritten_exception_finds_the_same_on_the_corpus(shared: Path) -> None:
    before, after = regex.compile(LIST_NUMBER_BEFORE, FLAGS), regex.compile(LIST_NUMBER_AFTER, FLAGS)
    for text in _corpus(shared):
        assert [m.span() for m in after.finditer(text)] == \
            [m.span() for m in before.finditer(text)]


def _check(text: str) -> int:
    """Compare, for every line unit of ``text``, each exception's answers; the lines checked."""
    doc = Document(path="<case>", source=text)
    if "\r" in doc.text:
        return 0
    units = doc.facts(Scopes).units("line")
    for rule in _line_rules():
        lines = _LineMatches(doc.text, doc.facts(Candidates))
        for unit in units:
            for pattern in rule.spec.exceptions:
                if pattern.prefilter.one_line:
                    pattern._last_text = None
                    assert lines.found_in(pattern, unit) == pattern.found_in(unit.text), \
                        (pattern.source, unit.text)
            spans = Exceptions([m.span() for p in rule.spec.exceptions
                                for m in p.finditer(unit.text)])
            mine = lines.exceptions(rule.spec.exceptions, unit)
            assert (mine._starts, mine._reach) == (spans._starts, spans._reach), unit.text
    return len(units)


@pytest.mark.parametrize("seed", range(10))
def test_line_matches_are_what_each_line_finds(seed: int) -> None:
    marks = "“”‘’（）《》〈〉<>[]［］()'\"°’′0123456789aAs号好一十政府发文；。：，  \t　\n\n\n"
    rng = random.Random(seed)
    checked = 0
    for _ in range(40):
        text = "".join(rng.choice(marks) for _ in range(rng.randint(0, 300)))
        checked += _check(text)
    assert checked


def test_line_matches_are_what_each_line_finds_on_the_corpus(shared: Path) -> None:
    assert sum(_check(text) for text in _corpus(shared)[:40])
