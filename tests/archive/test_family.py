"""Every archive rule: documented examples, metadata, defaults, and small picklable facts."""

from __future__ import annotations

import pickle

import pytest
from archivehelp import document, example_docs, made_up, run

from doclint.core import ArchiveRule, Examples
from doclint.rules.archive import RULES
from doclint.testing import default_registry

ARCHIVE = [r for r in default_registry() if issubclass(r, ArchiveRule) and r.origin == "builtin"]


def test_the_family_is_registered() -> None:
    assert [r.code for r in ARCHIVE] == ["A101", "A102", "A103", "A104", "A105"]
    assert {r.code for r in RULES} == {r.code for r in ARCHIVE}


@pytest.mark.parametrize("rule", ARCHIVE, ids=lambda r: r.code)
def test_examples(rule: type) -> None:
    if rule.code == "A102":
        pytest.importorskip("datasketch")
    options = dict(getattr(rule, "example_options", {}))
    assert rule.examples.bad and rule.examples.good
    for item in map(Examples.as_example, rule.examples.bad):
        docs = example_docs(item.text)
        assert len(docs) >= 2, item.text
        assert run(rule.code, docs, **options), f"{rule.code}: bad example does not fire"
    for item in map(Examples.as_example, rule.examples.good):
        assert not run(rule.code, example_docs(item.text), **options), (
            f"{rule.code}: good example fires")


@pytest.mark.parametrize("rule", ARCHIVE, ids=lambda r: r.code)
def test_metadata(rule: type) -> None:
    assert rule.scope == "archive"
    assert rule.message.zh and rule.message.en and rule.summary.zh and rule.summary.en
    assert any("\u4e00" <= c <= "\u9fff" for c in rule.description())
    assert rule.basis
    on = getattr(rule, "default_enabled", True)
    assert on == (rule.code != "A102"), "only the near-duplicate rule (datasketch) is off"
    assert ("默认开启" in rule.description()) == on


def test_default_selection_leaves_out_near_duplicates() -> None:
    chosen = {r.code for r in default_registry().select(None) if r.code.startswith("A")}
    assert chosen == {"A101", "A103", "A104", "A105"}


@pytest.mark.parametrize("rule", ARCHIVE, ids=lambda r: r.code)
def test_facts_are_small_and_picklable(rule: type) -> None:
    if rule.code == "A102":
        pytest.importorskip("datasketch")
    text = "2021年政府工作报告\n" + made_up(7, 100_000) + "2021年，" * 5 + "\n"
    fact = rule().collect(document("big.txt", text))
    assert fact is not None
    size = len(pickle.dumps(fact, protocol=pickle.HIGHEST_PROTOCOL))
    # A103 keeps 20 bytes per long paragraph (1,667 here); the others a fixed few hundred.
    assert size < (40_000 if rule.code == "A103" else 1_000), size
    assert pickle.loads(pickle.dumps(fact)) == fact
