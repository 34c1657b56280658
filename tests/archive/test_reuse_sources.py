"""``reuse._shared`` counts each set of copies' pairs once: the same counts as counting the
pairs of every recurring paragraph one by one."""

from __future__ import annotations

import itertools
import random
from array import array
from collections import Counter

import pytest

from doclint.rules.archive import reuse
from doclint.rules.archive.reuse import Group, ParagraphFact


def _shared_pair_by_pair(groups: list[Group], facts: list[ParagraphFact]
                         ) -> tuple[Counter[tuple[int, int]], Counter[tuple[int, int]]]:
    """The plain reading: every pair of every recurring paragraph counted on its own."""
    paragraphs: Counter[tuple[int, int]] = Counter()
    volume: Counter[tuple[int, int]] = Counter()
    han = [memoryview(fact.han).cast("I") for fact in facts]
    for group in groups:
        if len(group.places) <= reuse._MAX_PAIRING:
            for first, second in itertools.combinations(group.documents, 2):
                paragraphs[first, second] += 1
                volume[first, second] += han[first][group.places[first]]
    return paragraphs, volume


def _archive(seed: int) -> tuple[list[Group], list[ParagraphFact]]:
    """Documents with paragraphs of random lengths; paragraphs recurring in random sets of
    documents, some sets shared by many paragraphs (copies), some larger than the pairing cap."""
    rng = random.Random(seed)
    documents = rng.randint(2, 40)
    han = [[rng.randint(20, 400) for _ in range(30)] for _ in range(documents)]
    facts = [ParagraphFact(b"", array("I", counts).tobytes(), b"", b"",
                           sum(counts) + rng.randint(0, 2000)) for counts in han]
    copies = [sorted(rng.sample(range(documents), rng.randint(2, min(documents, 25))))
              for _ in range(rng.randint(1, 6))]
    groups = []
    for number in range(rng.randint(1, 80)):
        members = rng.choice(copies) if rng.random() < 0.8 else \
            sorted(rng.sample(range(documents), rng.randint(2, documents)))
        groups.append(Group(number, {d: rng.randrange(30) for d in members}))
    return groups, facts


@pytest.mark.parametrize("seed", range(300))
def test_the_counts_are_those_of_counting_pair_by_pair(seed: int) -> None:
    groups, facts = _archive(seed)
    assert reuse._shared(groups, facts) == _shared_pair_by_pair(groups, facts)


def test_copies_of_one_document_are_one_source() -> None:
    facts = [ParagraphFact(b"", array("I", [100] * 4).tobytes(), b"", b"", 400)
             for _ in range(3)]
    groups = [Group(n, {0: n, 1: n, 2: n}) for n in range(4)]
    assert reuse._sources(groups, facts) == {1: 0, 2: 0}
