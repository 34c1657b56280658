"""Anchors: a rule is skipped on a document holding none of its anchors, and that changes
nothing (doclint/core/anchors.py).

Two promises are checked. A gated rule reports nothing on a text without its anchors: its own
failing cases and bad examples, and the shared corpus and the user's sample, with the anchors
taken out, run ungated. And gated and ungated runs give the same diagnostics on corpus/real and
the sample.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from doclint.core.anchors import AnchorScan, scan_for
from doclint.core.config import Config
from doclint.core.diagnostic import Severity
from doclint.core.document import Document
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.rule import Examples, Rule
from doclint.runner.engine import Engine
from doclint.testing import default_registry, load_cases

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"


def gated_rules() -> list[type[Rule]]:
    return [r for r in default_registry() if issubclass(r, Rule) and r.anchors]


def without(text: str, anchors: Iterable[str]) -> str:
    """``text`` with every occurrence of the anchors deleted (until none is left)."""
    anchors = sorted(anchors, key=len, reverse=True)
    while any(a in text for a in anchors):
        for anchor in anchors:
            text = text.replace(anchor, "")
    return text


def findings(rule: Rule, text: str, settings: dict[str, object] | None = None,
             path: str = "<case>") -> list[tuple[int, int]]:
    doc = Document(path=path, source=text,
                   settings={"year": None, "era_markers": [], **(settings or {})})
    diagnostics, crashes = lint_document(doc, [ActiveRule(rule, Severity.WARNING)], gated=False)
    assert not crashes, crashes
    return [(d.span.start, d.span.end) for d in diagnostics]


def test_some_rules_are_gated() -> None:
    codes = {r.code for r in gated_rules()}
    assert {"N105", "P101", "P102", "P103", "P204", "BD001", "GW013"} <= codes


@pytest.mark.parametrize("rule_class", gated_rules(), ids=lambda r: r.code)
def test_rule_is_silent_without_its_anchors_on_its_own_cases(rule_class: type[Rule]) -> None:
    rule = rule_class()
    settings = dict(getattr(rule_class, "example_settings", {}) or {})
    texts: list[tuple[str, dict[str, object]]] = [
        (Examples.as_example(e).text, settings) for e in rule_class.examples.bad]
    case_file = CASES / f"{rule_class.code}.yaml"
    if case_file.exists():
        texts += [(c.text, dict(c.settings)) for c in load_cases(case_file) if c.expect]
    assert texts
    for text, text_settings in texts:
        if findings(rule, text, text_settings):
            assert any(a in text for a in rule.anchors), f"fires without an anchor: {text!r}"
        stripped = without(text, rule.anchors)
        assert not findings(rule, stripped, text_settings), f"fires on {stripped!r}"


def _documents(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "real").glob("*.txt")) + sorted(
        (shared / "samples").glob("*.txt"))


def test_gated_rules_are_silent_without_their_anchors_on_the_corpus(shared: Path) -> None:
    """Every document of corpus/real and the sample, with every gated rule's anchors taken
    out: no gated rule, run ungated, reports anything; on the sample (where rules fire) and a
    few real documents, each rule also gets the text without only its own anchors."""
    engine = Engine(Config(preview=True))
    active, _archive = engine.rules_for("x.txt")
    gated = [a for a in active if a.rule.anchors]
    everything = {anchor for a in gated for anchor in a.rule.anchors}
    paths = _documents(shared)
    for path in paths:
        doc = engine.read(str(path), path.read_bytes())
        stripped = Document(path=doc.path, source=without(doc.text, everything),
                            settings=doc.settings)
        diagnostics, _ = lint_document(stripped, gated, gated=False)
        assert not diagnostics, f"{path.name}: {[(d.code, d.start) for d in diagnostics]}"
    chosen = [p for p in paths if "samples" in p.parts]
    chosen += random.Random(13).sample([p for p in paths if "samples" not in p.parts], 6)
    for path in chosen:
        doc = engine.read(str(path), path.read_bytes())
        for active_rule in gated:
            stripped = Document(path=doc.path, source=without(doc.text, active_rule.rule.anchors),
                                settings=doc.settings)
            diagnostics, _ = lint_document(stripped, [active_rule], gated=False)
            assert not diagnostics, f"{path.name}: {active_rule.rule.code} fires"


def test_gated_and_ungated_runs_are_identical(shared: Path) -> None:
    engine = Engine(Config(preview=True))
    active, _archive = engine.rules_for("x.txt")
    maskers = engine.maskers_for("x.txt")
    skipped = 0
    for path in _documents(shared):
        doc = engine.read(str(path), path.read_bytes())
        gated = lint_document(doc, active, maskers)
        doc = engine.read(str(path), path.read_bytes())
        assert gated == lint_document(doc, active, maskers, gated=False), path.name
        present = scan_for(frozenset(a for r in active for a in r.rule.anchors)).present(doc.text)
        skipped += sum(1 for r in active if r.rule.anchors and present.isdisjoint(r.rule.anchors))
    assert skipped  # the gate did skip rules: the comparison means something


@pytest.mark.parametrize("seed", range(20))
def test_the_scans_agree(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "年均某XＸ×、，。%0123456789十百千二〇○（【[ \n"
    anchors = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
               for _ in range(rng.randint(1, 40))}
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
    expected = frozenset(a for a in anchors if a in text)
    for scan in (AnchorScan(anchors), AnchorScan(anchors, automaton=False)):
        assert scan.present(text) == expected
        sets = [tuple(rng.sample(sorted(anchors), rng.randint(0, min(4, len(anchors)))))
                for _ in range(10)]
        assert scan.admitted(text, sets) == [not s or any(a in text for a in s) for s in sets]


@pytest.mark.parametrize("seed", range(20))
def test_the_literal_scan_finds_every_occurrence(seed: int) -> None:
    """The pack literals found in the anchor scan: each string's every start, overlapping ones
    included, as a ``find`` from each start + 1 gives them; the anchors' answers unchanged."""
    from doclint.core import anchors as module

    rng = random.Random(seed)
    alphabet = "年均某XＸ×、，。%0123456789十百千二〇○（【[ \n　"
    anchors = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
               for _ in range(rng.randint(0, 20))}
    literals = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4)))
                for _ in range(rng.randint(1, 30))}
    saved = set(module._LITERALS)
    try:
        module.add_literals(literals)
        scan = AnchorScan(anchors)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        found = scan.literals(text)
        assert found is not None and module.literals_in(text) is found
        assert literals <= found.keys
        for key in found.keys:
            starts = [at for at in range(len(text)) if text.startswith(key, at)]
            assert found.positions.get(key, []) == starts, key
        assert scan.present(text) == frozenset(a for a in anchors if a in text)
    finally:
        module._LITERALS.clear()
        module._LITERALS.update(saved)


@pytest.mark.parametrize("seed", range(30))
def test_the_literal_scan_is_the_same_in_every_form_of_text(seed: int) -> None:
    """The scan walks Chinese text in UTF-16 (a byte offset twice the character's) and other
    text as a ``str``: every start of every string either way, none of the matches UTF-16 finds
    inside a character (``†\\u2000一`` holds the bytes of two spaces at an odd offset), and the
    same in ASCII text and text with characters beyond U+FFFF (😀, two UTF-16 units)."""
    from doclint.core import anchors as module

    rng = random.Random(seed)
    alphabet = rng.choice([" a1\n", " a1\n†\u2000一年", " a1\n†\u2000一年😀𠀀", "  †\u2000一"])
    anchors = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
               for _ in range(rng.randint(0, 10))}
    literals = {"  ", "†\u2000", "\u2000一", *("".join(rng.choice(alphabet)
                                                for _ in range(rng.randint(2, 4)))
                                        for _ in range(rng.randint(1, 20)))}
    saved = set(module._LITERALS)
    try:
        module.add_literals(literals)
        scan = AnchorScan(anchors)
        for text in ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))),
                     "†\u2000一" * rng.randint(1, 5)):
            found = scan.literals(text)
            assert found is not None
            for key in found.keys:
                starts = [at for at in range(len(text)) if text.startswith(key, at)]
                assert found.positions.get(key, []) == starts, (key, text)
            assert scan.present(text) == frozenset(a for a in anchors if a in text)
    finally:
        module._LITERALS.clear()
        module._LITERALS.update(saved)
