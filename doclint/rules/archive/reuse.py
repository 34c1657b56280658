"""Which paragraphs recur across the documents of an archive, counted by independent source.

A paragraph found in three renderings of one report is one text, not a paragraph pasted into
three documents. So documents that share at least ``COPY_PARAGRAPHS`` paragraphs holding at
least half the Han text of the smaller one are *copies* of one another, joined into one
*source*; a paragraph counts the sources it appears in. Boilerplate does not make copies: a
paragraph in more than ``_MAX_PAIRING`` documents is never counted, and one or two pasted
paragraphs are too few. The
whole computation is linear in the number of paragraphs: one counting pass in a fixed-size
table finds the hashes seen in two documents or more, and only those are kept.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

# Documents sharing this many paragraphs, and this share of the smaller one's text, are copies.
COPY_PARAGRAPHS = 3
COPY_SHARE = 0.5
# A paragraph found in more documents than this is boilerplate, never evidence of copying;
# it also bounds the pairs counted per paragraph.
_MAX_PAIRING = 20
_MAX_TABLE_BITS = 24


class ParagraphFact(NamedTuple):
    """A document's long paragraphs: parallel arrays of stable hashes, Han counts and offsets,
    as bytes, and the Han characters of all its paragraphs."""

    hashes: bytes  # array('Q')
    han: bytes  # array('I')
    starts: bytes  # array('I')
    ends: bytes  # array('I')
    total_han: int


@dataclass
class Group:
    """One paragraph text recurring in several documents: where it first occurs in each."""

    hash: int
    places: dict[int, int] = field(default_factory=dict)  # document -> paragraph number
    sources: int = 0

    @property
    def documents(self) -> tuple[int, ...]:
        return tuple(sorted(self.places))


def recurring(facts: Sequence[ParagraphFact], min_sources: int) -> list[Group]:
    """Groups of paragraphs found in at least ``min_sources`` independent sources."""
    hashes = [memoryview(fact.hashes).cast("Q") for fact in facts]
    candidates = _seen_twice(hashes)
    groups: dict[int, Group] = {}
    for document, values in enumerate(hashes):
        for number, value in enumerate(values):
            if value in candidates:
                group = groups.setdefault(value, Group(value))
                group.places.setdefault(document, number)
    shared = [g for g in groups.values() if len(g.places) >= 2]
    source_of = _sources(shared, facts)
    found = []
    for group in shared:
        group.sources = len({source_of.get(d, d) for d in group.places})
        if group.sources >= min_sources:
            found.append(group)
    return found


def _seen_twice(hashes: list[memoryview]) -> set[int]:
    """Hashes that may occur in two documents or more (a superset: slots of a counting table
    can collide; the exact check follows)."""
    total = sum(len(values) for values in hashes)
    bits = min(_MAX_TABLE_BITS, max(10, (2 * total).bit_length()))
    mask = (1 << bits) - 1
    table = bytearray(1 << bits)
    for values in hashes:
        for value in set(values):
            slot = value & mask
            if table[slot] < 2:
                table[slot] += 1
    return {value for values in hashes for value in values if table[value & mask] >= 2}


def _sources(groups: list[Group], facts: Sequence[ParagraphFact]) -> dict[int, int]:
    """Map each document that has copies to the first document of its set of copies."""
    paragraphs, volume = _shared(groups, facts)
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for (first, second), count in sorted(paragraphs.items()):
        smaller = min(facts[first].total_han, facts[second].total_han)
        if count >= COPY_PARAGRAPHS and volume[first, second] >= COPY_SHARE * smaller:
            low, high = sorted((root(first), root(second)))
            if low != high:
                parent[high] = low
    return {node: root(node) for node in parent}


Pairs = Counter[tuple[int, int]]


def _shared(groups: list[Group], facts: Sequence[ParagraphFact]) -> tuple[Pairs, Pairs]:
    """For each pair of documents (the first one first): how many recurring paragraphs they
    share, and how many Han characters those hold in the first (paragraphs in more than
    ``_MAX_PAIRING`` documents are not counted)."""
    han = [memoryview(fact.han).cast("I") for fact in facts]
    # NOTE: the groups of one set of copies recur in the same documents: each set's pairs are
    # counted once, with its groups and each document's Han characters in them summed.
    sets: dict[tuple[int, ...], list[int]] = {}  # documents -> [groups, Han of each document]
    for group in groups:
        if len(group.places) <= _MAX_PAIRING:
            documents = group.documents
            sums = sets.get(documents)
            if sums is None:
                sums = sets[documents] = [0] * (len(documents) + 1)
            sums[0] += 1
            for index, document in enumerate(documents, start=1):
                sums[index] += han[document][group.places[document]]
    paragraphs: Pairs = Counter()
    volume: Pairs = Counter()
    for documents, (count, *weights) in sets.items():
        for (first, weight), (second, _) in itertools.combinations(zip(documents, weights, strict=True), 2):
            paragraphs[first, second] += count
            volume[first, second] += weight
    return paragraphs, volume
