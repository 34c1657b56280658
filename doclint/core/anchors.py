"""Anchors: literal strings a rule cannot report without, found in one scan per document.

A rule may declare ``anchors`` (see :class:`doclint.core.rule.RuleMeta`): strings one of which
occurs in every document it reports anything on (``年均`` for the average-growth check). The
linter collects the anchors of every selected rule, finds which of them occur in the document
once, and does not run a rule none of whose anchors occurs. A rule that is not run asks for no
shared extractor, so the extractors only it needs are not computed either. A rule without
anchors always runs.

Declaring an anchor is a promise, checked by the tests: with every anchor taken out of a text
the rule reports nothing there, and gated and ungated runs give the same findings.

How the scan is done was measured (``benchmarks/anchor_scan.py``, CPU seconds for the ~120
anchors of the built-in rules on corpus/real, 5 MB): a ``regex`` alternation 0.17 s; an ``in``
test per anchor 0.09 s; one Aho–Corasick pass for every anchor 0.05 s (pyahocorasick or
``ahocorasick-rs``: both report every occurrence, and ``，`` or ``年`` occur thousands of times);
an ``in`` test per one-character anchor, which stops at the first occurrence, with one
``ahocorasick-rs`` pass for the longer anchors, 0.02 s. That is the scan; without the package it
tests a longer anchor with ``in`` when its first character occurs. A one-character anchor is
looked for only until each rule is decided (a rule with ``，`` among its anchors is decided by
the first comma).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a dependency; the fallback keeps doclint working
    ahocorasick_rs = None


class Literals:
    """Where the strings one scan looked for occur in one text: ``keys``, every string looked
    for; ``positions``, each one found with its starts, ascending (occurrences may overlap)."""

    __slots__ = ("keys", "positions")

    def __init__(self, keys: frozenset[str], positions: dict[str, list[int]]) -> None:
        self.keys = keys
        self.positions = positions


# Strings of two characters or more that the pack patterns' prefilters test in a whole document
# (``add_literals``): the anchor scan looks for them in the same pass, and keeps where they occur
# for the packs (``literals_in``). The set only grows, with each pack built.
_LITERALS: set[str] = set()
# The last text scanned with its literals: the engine scans a document for its rules' anchors
# just before the rules run on it.
_last: tuple[str, Literals] | None = None


def add_literals(strings: Iterable[str]) -> None:
    """Look for ``strings`` (those of two characters or more) in every scan from now on."""
    _LITERALS.update(s for s in strings if len(s) > 1)


def literals_in(text: str) -> Literals | None:
    """Where the literals (and the longer anchors of the last scan) occur in ``text``: kept
    from the anchor scan of ``text`` when it was the last text scanned, else found now (None
    without the Aho–Corasick package)."""
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    return scan_for(frozenset()).literals(text)


class AnchorScan:
    """Which of a fixed set of anchors occur in a text; where the literals occur, in the same
    pass (``add_literals``)."""

    __slots__ = ("_automaton", "_by_head", "_key_set", "_keys", "_longer", "_scanned",
                 "_single", "_wide")

    def __init__(self, anchors: Iterable[str], automaton: bool = True) -> None:
        distinct = sorted({a for a in anchors if a})
        self._single = [a for a in distinct if len(a) == 1]
        self._longer = [a for a in distinct if len(a) > 1]
        self._automaton = None
        self._wide = None
        self._keys: list[str] = []
        self._key_set: frozenset[str] = frozenset()
        self._scanned = -1  # how many literals the automaton was built with (-1: none)
        if automaton and ahocorasick_rs is not None:
            self._build()
        self._by_head: dict[str, list[str]] = {}
        for anchor in self._longer:
            self._by_head.setdefault(anchor[0], []).append(anchor)

    def _build(self) -> None:
        """The automaton for the longer anchors and the literals (rebuilt when packs added
        literals since it was built)."""
        self._scanned = len(_LITERALS)
        self._keys = sorted({*self._longer, *_LITERALS})
        self._key_set = frozenset(self._keys)
        # NOTE: a DFA: hundreds of strings of Chinese characters share few first bytes, and the
        # other automata walk them at a third of its speed.
        dfa = ahocorasick_rs.Implementation.DFA
        self._automaton = ahocorasick_rs.AhoCorasick(self._keys, implementation=dfa) \
            if self._keys else None
        # The same strings in UTF-16: see ``_hits``.
        self._wide = ahocorasick_rs.BytesAhoCorasick(
            [key.encode("utf-16-le") for key in self._keys], implementation=dfa) \
            if self._keys else None

    def present(self, text: str) -> frozenset[str]:
        """The anchors that occur in ``text``."""
        longer = self._longer_in(text)
        return frozenset([a for a in self._single if a in text]
                         + [a for a in self._longer if a in longer])

    def admitted(self, text: str, anchor_sets: Sequence[tuple[str, ...]]) -> list[bool]:
        """For each rule's anchors, whether the rule runs on ``text``: it has none, or one of
        them occurs. A one-character anchor is looked for only until a rule is decided."""
        longer = self._longer_in(text)
        single: dict[str, bool] = {}
        decided = []
        for anchors in anchor_sets:
            runs = not anchors
            for anchor in anchors:
                if len(anchor) > 1:
                    runs = anchor in longer
                elif anchor in single:
                    runs = single[anchor]
                else:
                    runs = single[anchor] = anchor in text
                if runs:
                    break
            decided.append(runs)
        return decided

    def literals(self, text: str) -> Literals | None:
        """Where the longer anchors and the literals occur in ``text`` (None: no automaton);
        kept as the last text scanned."""
        global _last
        if self._scanned < 0:
            return None
        if self._scanned != len(_LITERALS):
            self._build()
        if self._automaton is None:
            found = Literals(self._key_set, {})
        else:
            hits, wide = self._hits(text)
            by_index: dict[int, list[int]] = {}
            for index, start, _end in hits:
                if wide:
                    if start & 1:
                        continue  # inside a character: no occurrence
                    start >>= 1
                try:
                    by_index[index].append(start)
                except KeyError:
                    by_index[index] = [start]
            keys = self._keys
            found = Literals(self._key_set, {keys[i]: starts for i, starts in by_index.items()})
        _last = (text, found)
        return found

    def _hits(self, text: str) -> tuple[list[tuple[int, int, int]], bool]:
        """``(key index, start, end)`` of every occurrence of a key in ``text``, in the order
        the automaton finds them (overlapping: a string inside or overlapping another one is
        reported too), and whether they are byte offsets in UTF-16 (see below).

        Text of Chinese characters is scanned in UTF-16, two bytes a character, rather than in
        the UTF-8 the package turns a ``str`` into, three bytes a character: a third less to
        walk, and a byte offset is twice the character's; a match at an odd offset starts
        inside a character and is no occurrence. Text outside that form (ASCII, or with
        characters beyond U+FFFF, four bytes in UTF-16) is scanned as a ``str``."""
        assert self._automaton is not None and self._wide is not None
        if not text.isascii():
            wide = text.encode("utf-16-le")
            if len(wide) == 2 * len(text):
                return self._wide.find_matches_as_indexes(wide, overlapping=True), True
        return self._automaton.find_matches_as_indexes(text, overlapping=True), False

    def _longer_in(self, text: str) -> Collection[str]:
        found = self.literals(text)
        if found is not None:
            return found.positions.keys()
        return frozenset([a for head, anchors in self._by_head.items() if head in text
                          for a in anchors if a in text])


@lru_cache(maxsize=32)
def scan_for(anchors: frozenset[str]) -> AnchorScan:
    """The scan of one rule selection's anchors (built once per selection)."""
    return AnchorScan(anchors)


def admitted(text: str, anchor_sets: Sequence[tuple[str, ...]]) -> list[bool]:
    """For each rule's anchors, whether the rule runs on ``text`` (see AnchorScan.admitted)."""
    anchors = frozenset(a for each in anchor_sets for a in each)
    if not anchors:
        return [True] * len(anchor_sets)
    return scan_for(anchors).admitted(text, anchor_sets)


def runs(anchors: tuple[str, ...], present: frozenset[str]) -> bool:
    """Whether a rule with ``anchors`` is run in a document where ``present`` occur."""
    return not anchors or not present.isdisjoint(anchors)
