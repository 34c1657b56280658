"""Candidate lines: where line-bound patterns can match, found once per document for all.

Many patterns are searched in the whole text of a document, each at the regex engine's speed,
although each can only match in a line that holds one of a few literal strings (a hyphen
between figures, ``抄送``, a colon ending an addressee's line). The engine skips quickly to a
literal a pattern opens with, but not to one further in: a pattern that opens with a class of
figures or Han characters, or with ``^`` and white space, is tried at every place.
:func:`doclint.core.prefilter.line_keys` proves from a pattern's syntax that every match lies
inside one line and holds a member of each of a few groups of keys there, and that nothing
after that line matters to it. Such a pattern is searched only in the lines that hold a
member of its rarest group, each search starting at its line (lookbehinds still read the text
before it): it finds exactly what a search of the whole text finds.

Where the keys are is kept per document (:class:`Candidates`, a shared fact): each key is
looked for once, for every pattern that asks, and only until it proves common. A search costs
about as much to start as a fast one costs to scan a thousand characters, so a pattern whose
keys are not rare (one occurrence per thousand characters) searches the whole text at once.
(One Aho–Corasick pass for every key was measured first: with the common keys government
documents are full of, ``20``, ``会议``, ``落实``, it cost more than it saved.)

:class:`LinePattern` wraps a rule module's pattern; the packs' patterns use the same facts
(``doclint.yamlrules.patterns``). A pattern the syntax does not prove line-bound is searched in
the whole text, as before. The tests check that searching candidate lines finds what a search
of the whole text finds, on the corpus and on random texts (``tests/core/test_candidates.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from doclint.core.anchors import Literals, literals_in
from doclint.core.document import Document
from doclint.core.prefilter import line_keys

# A search costs about as much to start as a fast one costs to scan a thousand characters: the
# lines of a pattern's keys are searched one by one only while there are few of them (at most
# one occurrence of a key per ``SPARSE`` characters); else the whole text is searched at once.
SPARSE = 1000

Groups = tuple[frozenset[str], ...]


class Occurs(dict[str, bool]):
    """Whether each string asked about occurs in a text, looked for once: the strings of the
    document's literal scan are known from the start."""

    __slots__ = ("text",)

    def __init__(self, text: str, literals: Literals | None = None) -> None:
        super().__init__()
        self.text = text
        if literals is not None:
            self.update(dict.fromkeys(literals.keys, False))
            self.update(dict.fromkeys(literals.positions, True))

    def __missing__(self, key: str) -> bool:
        found = self[key] = key in self.text
        return found


class Candidates:
    """Where the keys of the line-bound patterns occur in one document (``doc.facts``): each
    key is looked for once, for every pattern that asks, and only while it stays rare.

    The pack patterns' literals were found in the document's anchor scan, in one pass
    (:func:`doclint.core.anchors.literals_in`): whether they occur and where is read from it.
    """

    __slots__ = ("_cap", "_keys", "_lines", "_literals", "occurs", "text")

    def __init__(self, text: str, literals: Literals | None = None) -> None:
        self.text = text
        self._cap = len(text) // SPARSE
        self._keys: dict[str, list[int] | None] = {}
        self._lines: dict[Groups, list[tuple[int, int]] | None] = {}
        self._literals = literals
        self.occurs = Occurs(text, literals)

    @classmethod
    def from_document(cls, doc: Document) -> Candidates:
        return cls(doc.text, literals_in(doc.text))

    def starts(self, key: str) -> list[int] | None:
        """Where ``key`` occurs (ascending), when the literal scan looked for it (else None)."""
        literals = self._literals
        if literals is None or key not in literals.keys:
            return None
        return literals.positions.get(key, [])

    def lines(self, groups: Groups) -> list[tuple[int, int]] | None:
        """``(start, end)`` of the runs of lines holding a member of one of ``groups`` (the
        first group whose members are rare; ``end`` after the line break), in order; None when
        no group is rare (search the whole text)."""
        try:
            return self._lines[groups]
        except KeyError:
            pass
        found = None
        for keys in groups:
            positions = self._positions(keys)
            if positions is not None:
                found = self._runs(positions)
                break
        self._lines[groups] = found
        return found

    def _positions(self, keys: frozenset[str]) -> list[int] | None:
        """Where the members of ``keys`` occur (sorted), or None when more than the cap."""
        lists = []
        total = 0
        for key in keys:
            try:
                found = self._keys[key]
            except KeyError:
                found = self._keys[key] = self._find(key)
            if found is None:
                return None
            total += len(found)
            if total > self._cap:
                return None
            lists.append(found)
        return lists[0] if len(lists) == 1 else sorted(p for found in lists for p in found)

    def _find(self, key: str) -> list[int] | None:
        """The positions of ``key``, or None when there are more than the cap."""
        scanned = self.starts(key)
        if scanned is not None:
            return None if len(scanned) > self._cap else scanned
        return occurrences(self.text, (key,), self._cap)

    def _runs(self, positions: list[int]) -> list[tuple[int, int]]:
        text = self.text
        runs: list[tuple[int, int]] = []
        start = end = -1
        rfind, find = text.rfind, text.find
        for position in positions:
            if position < end:
                continue  # in the line already taken
            line_start = rfind("\n", 0, position) + 1
            line_end = find("\n", position) + 1 or len(text)
            if line_start == end:
                end = line_end  # the next line: one run
            else:
                if end > start >= 0:
                    runs.append((start, end))
                start, end = line_start, line_end
        if end > start >= 0:
            runs.append((start, end))
        return runs


class LinePattern:
    """A compiled pattern searched only in the lines that can hold a match (see above).

    ``pattern`` is a compiled pattern of `re` or `regex` (or a lazily compiled one); its
    matches are the ones ``pattern.finditer(doc.text)`` yields, in the same order.
    """

    __slots__ = ("_keys", "pattern")

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self._keys: Groups | bool | None = False  # False: not judged yet

    @property
    def keys(self) -> Groups | None:
        """The groups of keys (None: not proved line-bound, the whole text is searched)."""
        keys = self._keys
        if keys is False:
            flags = getattr(self.pattern, "_flags", None)
            if flags is None:
                flags = self.pattern.flags
            keys = self._keys = line_keys(self.pattern.pattern, flags)
        return keys  # type: ignore[return-value]

    def finditer(self, doc: Document, **kwargs: Any) -> Iterator[Any]:
        """What ``pattern.finditer(doc.text, **kwargs)`` yields (``kwargs``: ``timeout``)."""
        keys = self.keys
        text = doc.text
        runs = None if keys is None else doc.facts(Candidates).lines(keys)
        if runs is None:
            yield from self.pattern.finditer(text, **kwargs)
            return
        finditer = self.pattern.finditer
        for start, end in runs:
            yield from finditer(text, start, end, **kwargs)


def timed_runs(runs: list[tuple[int, int]], budget: float
               ) -> Iterator[tuple[int, int, float]]:
    """Each run with the time left of ``budget`` seconds for all of them (TimeoutError when
    none is left): one timeout for a search of several runs, as for one of the whole text."""
    deadline = time.monotonic() + budget
    for start, end in runs:
        yield start, end, time_left(deadline)


def time_left(deadline: float) -> float:
    """The seconds left before ``deadline`` (a ``time.monotonic`` time); TimeoutError when
    there are none."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    return remaining


def occurrences(text: str, strings: Iterable[str], limit: int) -> list[int] | None:
    """Where each of ``strings`` occurs in ``text`` (string by string), or None when they
    occur more than ``limit`` times in all."""
    found: list[int] = []
    for string in strings:
        at = text.find(string)
        while at != -1:
            if len(found) == limit:
                return None
            found.append(at)
            at = text.find(string, at + 1)
    return found
