"""Candidate lines: a line-bound pattern searched only in the lines holding its keys finds what
a search of the whole text finds (doclint/core/candidates.py, doclint/core/prefilter.py).

Three promises are checked. ``line_keys`` proves only what holds (its refusals and its groups).
Searching candidate lines gives the whole text's matches: on random texts for patterns of
every shape, and on the corpus and the sample for every line-bound pattern of the built-in
packs and rule modules. And runs with and without candidate lines give the same diagnostics.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from doclint.core import candidates
from doclint.core.candidates import Candidates, LinePattern
from doclint.core.config import Config
from doclint.core.document import Document
from doclint.core.linter import lint_document
from doclint.core.prefilter import line_keys
from doclint.runner.engine import Engine
from doclint.yamlrules.patterns import FLAGS, UserPattern, compile_pattern


@pytest.mark.parametrize(("pattern", "flags", "groups"), [
    (r"(?<![0-9])[0-9]{1,3}[-－][0-9]{1,3}(?=[天个])", 0, [{"-", "－"}, {"个", "天"}]),
    (r"(?<=\p{Han})[\[【](?:19|20)[0-9]{2}[\]】]", 0, [{"[", "【"}, {"19", "20"}]),
    (r"^[ \t　]*(?:抄送|主送)[：:]", 0, [{"：", ":"}, {"抄送", "主送"}]),
    (r"(?<=\n)[0-9]+号", 0, [{"号"}]),  # a lookbehind may read the line before
    (r"[0-9]+号$", regex.MULTILINE, [{"号"}]),  # $ is a line's end
    (r"\p{Han}{2}[：:]", 0, [{"：", ":"}]),
])
def test_line_keys_proves_line_bound_patterns(pattern: str, flags: int,
                                               groups: list[set[str]]) -> None:
    found = line_keys(pattern, flags)
    assert found is not None
    assert {frozenset(g) for g in groups} <= set(found)


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"[0-9]+\s*号", 0),  # \s holds a line break
    (r"[^。]+号", 0),  # so does a negated class without one
    (r"[0-9]+号(?=\n)", 0),  # a lookahead reading past the line
    (r"[0-9]+号(?![^\n]*\n第)", 0),
    (r"[0-9]+号$", 0),  # $ of the whole text
    (r"[0-9]+号\Z", regex.MULTILINE),
    (r"[^\p{Han}]号", 0),  # the complement of a property holds a line break
    (r"\P{Han}号", 0),
    (r"\p{Cc}号", 0),  # a property not known to be free of line breaks
    (r"\X号", 0),
    (r"[0-9]*", 0),  # an empty match
    (r"[a-z]+号", regex.IGNORECASE),
    (r"[0-9].号", regex.DOTALL),
    (r"(?s:.)号", 0),
    (r"([0-9])号\1", 0),  # a back reference is not judged
    (r"特此(?:通知|通告)", 0),  # opens with a literal: the engine skips to it by itself
    (r"(?<=\p{Han})号[0-9]", 0),
    (r"\p{Han}+", 0),  # no literal key
])
def test_line_keys_refuses_what_it_cannot_prove(pattern: str, flags: int) -> None:
    assert line_keys(pattern, flags) is None


def test_candidate_lines_are_runs_of_lines_holding_a_rare_key() -> None:
    filler = "好" * 2000 + "\n"
    text = filler + "甲-乙\n丙－丁\n" + filler + "戊-\n" + filler
    lines = Candidates(text).lines((frozenset({"-", "－"}),))
    first = len(filler)
    assert lines == [(first, first + 8), (2 * first + 8, 2 * first + 11)]
    assert text[slice(*lines[0])] == "甲-乙\n丙－丁\n"


def test_common_keys_mean_the_whole_text() -> None:
    text = ("甲-乙" * 10 + "\n") * 10
    assert Candidates(text).lines((frozenset({"-"}),)) is None
    # the first rare group is the one used
    assert Candidates(text).lines((frozenset({"-"}), frozenset({"丙"}))) == []


_SHAPES = [
    r"(?<![0-9])[0-9]{1,3}[-－][0-9]{1,3}(?=[天个年])",
    r"^[ \t　]*(?:抄送|主送)[：:]",
    r"[0-9]+号$",
    r"(?<=\n)[0-9]+号",
    r"(?<=[。\n])[^\s。]{1,3}[：:]",
    r"(?<![^\n])[ 　]*[一二三]、",
    r"\p{Han}[-－](?!\p{Han})",
    r"[甲乙]+(?=[^\n]{0,3}号)",
]
_ALPHABET = "甲乙丙0123-－号：:。、 　天个年一二三抄送主\n"


def _random_text(rng: random.Random) -> str:
    """Sparse keys in long filler (so that candidate lines are used), or dense random text."""
    if rng.random() < 0.5:
        return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 300)))
    lines = []
    for _ in range(rng.randint(1, 40)):
        line = "好" * rng.randint(0, 200)
        if rng.random() < 0.2:
            at = rng.randint(0, len(line))
            piece = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))
            line = line[:at] + piece + line[at:]
        lines.append(line)
    return "\n".join(lines) + rng.choice(["", "\n"])


@pytest.mark.parametrize("seed", range(30))
def test_candidate_lines_find_what_the_whole_text_finds(seed: int) -> None:
    rng = random.Random(seed)
    for source in _SHAPES:
        flags = regex.MULTILINE if source.endswith("$") else 0
        pattern = LinePattern(regex.compile(source, flags))
        assert pattern.keys is not None, source
        for _ in range(20):
            text = _random_text(rng)
            doc = Document(path="<case>", source=text)
            expected = [m.span() for m in regex.finditer(source, doc.text, flags)]
            assert [m.span() for m in pattern.finditer(doc)] == expected, (source, text)


def _documents(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "real").glob("*.txt")) + sorted(
        (shared / "samples").glob("*.txt"))


def _pack_patterns(engine: Engine) -> list[UserPattern]:
    """Every pattern of the selected pack rules that is proved line-bound."""
    active, _archive = engine.rules_for("x.txt")
    found: dict[int, UserPattern] = {}

    def visit(value: object) -> None:
        if isinstance(value, UserPattern):
            found[id(value)] = value
            for branch in value.alternatives:
                visit(branch)
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)

    for active_rule in active:
        spec = getattr(active_rule.rule, "spec", None)
        if spec is not None:
            visit(list(spec.params.values()))
            visit([spec.requires, *spec.exceptions])
    return [p for p in found.values() if p.line_keys is not None]


def _line_patterns() -> list[LinePattern]:
    """Every LinePattern of the built-in rule modules."""
    import importlib
    import pkgutil

    import doclint.rules

    found = []
    for module in pkgutil.walk_packages(doclint.rules.__path__, "doclint.rules."):
        loaded = importlib.import_module(module.name)
        found += [v for v in vars(loaded).values() if isinstance(v, LinePattern)]
    return found


def test_the_built_in_line_patterns_are_proved() -> None:
    patterns = _line_patterns()
    assert patterns
    for pattern in patterns:
        assert pattern.keys is not None, pattern.pattern.pattern


def test_built_in_patterns_find_in_candidate_lines_what_they_find_in_the_text(
        shared: Path) -> None:
    engine = Engine(Config(preview=True))
    packs = _pack_patterns(engine)
    modules = _line_patterns()
    assert len(packs) > 20
    used = 0
    for path in _documents(shared):
        doc = engine.read(str(path), path.read_bytes())
        facts = doc.facts(Candidates)
        for pattern in packs:
            expected = [m.span() for m in pattern.finditer(doc.text)
                        ] if pattern.line_keys is None else [
                m.span() for m in pattern.compiled.finditer(doc.text) if m.end() > m.start()]
            assert [m.span() for m in pattern.finditer(doc.text, facts)] == expected, (
                path.name, pattern.source)
            used += facts.lines(pattern.line_keys) is not None
        for line_pattern in modules:
            assert [m.span() for m in line_pattern.finditer(doc)] == [
                m.span() for m in line_pattern.pattern.finditer(doc.text)], path.name
    assert used  # candidate lines were searched: the comparison means something


def test_runs_with_and_without_candidate_lines_are_identical(
        shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(Config(preview=True))
    active, _archive = engine.rules_for("x.txt")
    maskers = engine.maskers_for("x.txt")
    paths = _documents(shared)
    with_lines = []
    for path in paths:
        doc = engine.read(str(path), path.read_bytes())
        with_lines.append(lint_document(doc, active, maskers, gated=False))
    monkeypatch.setattr(candidates.Candidates, "lines", lambda self, groups: None)
    for path, expected in zip(paths, with_lines, strict=True):
        doc = engine.read(str(path), path.read_bytes())
        assert lint_document(doc, active, maskers, gated=False) == expected, path.name


def test_pack_patterns_keep_their_timeout_over_candidate_lines() -> None:
    pattern = compile_pattern(r"(?<![0-9])[0-9]+[-－][0-9]+(?=天)", "<test>")
    assert pattern.line_keys is not None
    assert pattern.compiled.flags & FLAGS == FLAGS
    text = ("好" * 3000 + "\n") * 3 + "3-5天\n"
    doc = Document(path="<case>", source=text)
    found = list(pattern.finditer(doc.text, doc.facts(Candidates)))
    assert [m.group() for m in found] == ["3-5天"[:3]]
    pattern.timeout = 0.0
    with pytest.raises(Exception, match="took longer"):
        list(pattern.finditer(doc.text, Candidates(doc.text)))


@pytest.mark.parametrize("seed", range(20))
def test_prefilters_answer_alike_from_the_literal_scan(seed: int) -> None:
    """A pattern's prefilter admits the same texts whether it searches them or reads which
    strings occur from the document's literal scan (``Candidates.occurs``)."""
    from doclint.core import anchors

    rng = random.Random(seed)
    saved = set(anchors._LITERALS)
    try:
        for source in _SHAPES:
            pattern = compile_pattern(source, "<test>")
            anchors.add_literals(pattern.literals)
            scan = anchors.AnchorScan(())
            for _ in range(20):
                text = _random_text(rng)
                found = Candidates(text, scan.literals(text))
                assert pattern.could_match(text, found) == pattern.prefilter.admits(text)
                assert found.occurs == {key: key in text for key in found.occurs}
    finally:
        anchors._LITERALS.clear()
        anchors._LITERALS.update(saved)
