"""The prefilter is sound: with it, a pattern finds exactly what plain `finditer` finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from doclint.core.prefilter import analyse, top_level_branches
from doclint.yamlrules import builtin_pack_paths, load_pack
from doclint.yamlrules.patterns import FLAGS, compile_pattern

PATTERNS = [
    "。。", "ab|a", "(?:ab)?c", "x?y", "a{2,3}b", "(?<=a)b", "(?<!a)bc", "^ab", "ab$",
    "[ab]{2}c|d", "(a|b)\\1", "(?P<t>a|b)(?P=t)+", "a(?=b)", "\\p{Han}的", "[^a]b",
    "(?i:ab)c", "(?:a|)b", "a*b", "\\bab", "(?|(a)b|(b)a)c", "a\\Kb", "[[:alpha:]]b",
    "(?:ab){e<=1}", "(?<=^[ a]*)b", "\\\\b", "b{2,}a", "(?>ab|a)c",
    # line starts found after a line break (``after_break``), matches over lines and empty ones
    "^a\\s*b", "^(?:a\n)+b", "^a*", "^[ a]*$", "^a|^b", "^(?:a|b\n)+", "^\\s+", "^(?<=\n)a",
    "^的(?=\n好)", "^(?i)a",
]
ALPHABET = "ab c的。\n好"


def _texts(seed: int, alphabet: str = ALPHABET, filler: str = "好", count: int = 30) -> list[str]:
    """Dense random texts, and long sparse ones (so rare prefixes are tried one by one)."""
    rng = random.Random(seed)
    dense = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 2000)))
             for _ in range(count)]
    sparse = []
    for _ in range(count):
        chars = list(filler * 3000)
        for _ in range(rng.randint(1, 20)):
            at = rng.randrange(len(chars))
            chars[at:at] = [rng.choice(alphabet) for _ in range(rng.randint(1, 6))]
        sparse.append("".join(chars))
    return dense + sparse


@pytest.mark.parametrize("source", PATTERNS)
def test_prefiltered_matches_equal_plain_matches(source: str) -> None:
    pattern = compile_pattern(source, "test")
    plain = regex.compile(source, FLAGS)
    for text in [*_texts(len(source)), "a" * 500 + "b" * 500, "的" * 900 + "。。"]:
        expected = [m.span() for m in plain.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in pattern.finditer(text)] == expected, (source, text[:40])


# Patterns that match at a line start and within one line, found by their lines.
LINE_PATTERNS = [
    "^[ a]*(?!c)[^\\s。]{1,5}好[。的][ ]*$", "^a[^\\s]{0,3}的", "^(?:ab|b)好.?$",
    "^[ 　]*(?:c的|好)[：:]", "^a.*的(?=。)",
]


@pytest.mark.parametrize("source", [*PATTERNS, *LINE_PATTERNS, "a[|b]c|的。|^好",
                                    "ab|(?:c|d)e|[^a]{2,5}的"])
def test_existence_by_branches_equals_plain_search(source: str) -> None:
    pattern = compile_pattern(source, "test")
    plain = regex.compile(source, FLAGS)
    for text in _texts(len(source) + 1, count=10):
        expected = any(m.end() > m.start() for m in plain.finditer(text))
        assert pattern.found_in(text) == expected, (source, text[:40])


@pytest.mark.parametrize(("source", "branches"), [
    ("特此通知|现予印发|^[ 　]*抄送[：:]", ["特此通知", "现予印发", "^[ 　]*抄送[：:]"]),
    ("a[|b]c|(x|y)z", ["a[|b]c", "(x|y)z"]),
    ("a\\|b|c", ["a\\|b", "c"]),
    ("[]|]a|b", ["[]|]a", "b"]),
    ("abc", None),
    ("(a|b)c", None),
    ("(a)x|\\1", None),  # a back reference ties the branches together
    ("(?P<t>a)|(?P=t)", None),
    ("(?i)a|b", None),  # a global flag applies to every branch
    ("a||b", None),  # an empty branch matches everywhere
])
def test_top_level_branches(source: str, branches: list[str] | None) -> None:
    assert top_level_branches(source) == branches


def test_what_the_analysis_finds() -> None:
    found = analyse("(?<=\\p{Han})[,;]|[,;](?=\\p{Han})")
    assert found.prefixes == frozenset({",", ";"})
    assert analyse("。{3,6}|·{3,6}").required == (frozenset({"。。。", "···"}),)
    assert analyse("\\p{Han}的").prefixes is None
    assert analyse("[0-9]+届[0-9]+中全会").required[-1] == frozenset({"中全会"})
    assert analyse("(?i)abc").prefixes is None
    assert analyse("^一、").anchored and not analyse("一、").anchored
    assert all(analyse(source).one_line for source in LINE_PATTERNS)
    assert analyse("^[^\\s。]+局[：:]$").one_line
    for source in ("a[^b]c", "^a\\s+b", "(?s)^a.b", "^a[^\\S]b", "^\\p{Han}+局", "^a\\bb",
                   "^a(?=[\\n]b)", "(a)\\1", "^a(?:\n|b)"):
        assert not analyse(source).one_line, source


def test_line_patterns_on_real_documents(shared: Path) -> None:
    """The shipped line patterns (the 公文 test's 主送机关 line) by their lines, on real text."""
    folder = shared / "corpus" / "real"
    if not folder.is_dir():
        pytest.skip("no real corpus")
    patterns = [branch for path in builtin_pack_paths() for rule in load_pack(path)
                for pattern in rule.spec.patterns
                for branch in (*pattern.alternatives, pattern)
                if branch.prefilter.anchored and branch.prefilter.one_line]
    assert len(patterns) >= 2
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            plain = regex.compile(pattern.compiled.pattern, pattern.compiled.flags)
            expected = any(m.end() > m.start() for m in plain.finditer(text))
            pattern._last_text = None
            assert pattern.found_in(text) == expected, (path.name, pattern.source)


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.stem)
def test_shipped_patterns_agree_with_plain_search(path) -> None:
    """Every shipped pattern, on texts made of the characters it cares about."""
    for rule in load_pack(path):
        examples = [e if isinstance(e, str) else e.text
                    for e in (*rule.examples.bad, *rule.examples.good)]
        alphabet = "".join(sorted(set("".join(examples)))) + "\n"
        texts = _texts(int(rule.code[2:]), alphabet, "\u3000", count=8)
        texts.append("\n".join(examples * 30))
        for pattern in rule.spec.patterns:
            plain = regex.compile(pattern.compiled.pattern, pattern.compiled.flags)
            for text in texts:
                expected = [m.span() for m in plain.finditer(text) if m.end() > m.start()]
                assert [m.span() for m in pattern.finditer(text)] == expected, \
                    (rule.code, pattern.source)
                assert pattern.found_in(text) == bool(expected), (rule.code, pattern.source)


@pytest.fixture
def literal_scan():
    """An anchor scan that also looks for the literals added to it (restored afterwards)."""
    from doclint.core import anchors

    saved = set(anchors._LITERALS)

    def scan_with(patterns):
        for pattern in patterns:
            anchors.add_literals(pattern.literals)
        return anchors.AnchorScan(())

    yield scan_with
    anchors._LITERALS.clear()
    anchors._LITERALS.update(saved)


SCANNED = ["的(?:通知|通报|函)[ \n]*各(?!位)[^\n。]{1,8}[：:]", "(?:19|20)[一二]{2}(?=年)",
           "^[ a]*各(?!位)[^\\s。]{1,6}[：:][ ]*$", "^[ ]*(?!第)[^\\s。]{2,4}(?:局|单位)[：:]$"]


@pytest.mark.parametrize("source", [*PATTERNS, *LINE_PATTERNS, *SCANNED])
def test_patterns_find_the_same_with_the_literal_scan(source: str, literal_scan) -> None:
    """With a document's literal scan (``Candidates``), what they find is unchanged."""
    from doclint.core.candidates import Candidates

    pattern = compile_pattern(source, "test")
    plain = regex.compile(source, FLAGS)
    scan = literal_scan([pattern])
    alphabet = ALPHABET + "通知函各位第局单位：19一二年"
    sparse = ("好" * 900 + "的通知\n各单位：" + "好" * 900 + "2012年\n各局：\n的函 各位：1九年"
              + "好" * 900 + "\n 各地：\n局单位：\n的通报 各局：")
    # 各 everywhere, a colon in a few lines: the lines are found by the colons
    common = "各好" * 2000 + "\n各局：\n" + "各好" * 2000 + "\n局单位：\n 各地：" + "好各" * 2000
    for text in [*_texts(len(source), alphabet, count=10), "的通知\n各单位：" * 300, sparse,
                 common]:
        expected = [m.span() for m in plain.finditer(text) if m.end() > m.start()]
        found = Candidates(text, scan.literals(text))
        assert [m.span() for m in pattern.finditer(text, found)] == expected, (source, text[:40])
        pattern._last_text = None
        assert pattern.found_in(text, found) == bool(expected), (source, text[:40])


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.stem)
def test_shipped_patterns_agree_with_the_literal_scan(path, literal_scan) -> None:
    """Every shipped pattern, read with a document's literal scan, on the examples' text."""
    from doclint.core.candidates import Candidates

    rules = load_pack(path)
    scan = literal_scan([p for rule in rules for p in rule.spec.patterns])
    for rule in rules:
        examples = [e if isinstance(e, str) else e.text
                    for e in (*rule.examples.bad, *rule.examples.good)]
        alphabet = "".join(sorted(set("".join(examples)))) + "\n"
        texts = [*_texts(int(rule.code[2:]), alphabet, "\u3000", count=4),
                 "\n".join(examples * 30)]
        for pattern in rule.spec.patterns:
            plain = regex.compile(pattern.compiled.pattern, pattern.compiled.flags)
            for text in texts:
                found = Candidates(text, scan.literals(text))
                expected = [m.span() for m in plain.finditer(text) if m.end() > m.start()]
                assert [m.span() for m in pattern.finditer(text, found)] == expected, \
                    (rule.code, pattern.source)
                pattern._last_text = None
                assert pattern.found_in(text, found) == bool(expected), (rule.code, pattern.source)
