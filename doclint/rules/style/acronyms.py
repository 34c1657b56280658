"""Latin words standing in Chinese text (GDP, CPI, RCEP), found once and shared by T503 and T504."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import Document, Span
from doclint.core.datafiles import package_file
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.scan import find_all

# A run of Latin letters that is not part of a URL, an e-mail address, a file name or a code.
_WORD = lazy_regex(r"(?<![A-Za-z0-9@./\\_\-&])[A-Za-z]{2,}(?![A-Za-z0-9@/\\_\-&]|\.[A-Za-z])")
# Two acronyms joined by a slash, "or" in Chinese text (AR/VR, 推动vr/AR技术): not a path, which
# has more parts or no Chinese beside it.
_SLASH_PAIR = lazy_regex(
    r"(?<![A-Za-z0-9@./\\_\-&])([A-Za-z]{2,6})/([A-Za-z]{2,6})(?![A-Za-z0-9@/\\_\-&]|\.[A-Za-z])")
_CHINESE = lazy_regex(r"[\p{Han}，。、；：？！“”‘’（）《》【】]")
# A text's ASCII letters become "a", its ASCII digits and points "0", all else a space.
_LETTERS_AND_FIGURES = bytes(
    97 if 65 <= c <= 90 or 97 <= c <= 122 else 48 if 48 <= c <= 57 or c == 46 else 32
    for c in range(256)
)
# Non-ASCII characters become "?" and then spaces: the Latin words fall out of split(), cheaply.
_LETTERS_ONLY = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


@dataclass(frozen=True, slots=True)
class LatinWord:
    span: Span
    text: str


class LatinWords:
    """The document's Latin words, and where a given one stands beside Chinese text."""

    def __init__(self, text: str, words: frozenset[str], ascii_copy: bytes | None = None) -> None:
        self.text = text
        self.words = words
        # The text one byte a character, its non-ASCII characters "?" (offsets kept): the
        # figure acronyms are looked for in it too.
        self.ascii_copy = ascii_copy

    @classmethod
    def from_document(cls, doc: Document) -> LatinWords:
        ascii_copy = doc.text.encode("ascii", "replace")
        letters = ascii_copy.translate(_LETTERS_ONLY)
        return cls(doc.text, frozenset(w.decode() for w in letters.split() if len(w) > 1),
                   ascii_copy)

    def beside_chinese(self, word: str) -> list[LatinWord]:
        """Occurrences of ``word`` as a whole word with Chinese text or punctuation beside it."""
        text = self.text
        found = []
        for start in find_all(text, word):
            match = _WORD.match(text, start)
            if (
                match
                and match.end() == start + len(word)
                and _beside_chinese(text, start, match.end())
            ):
                found.append(LatinWord(Span(start, match.end()), word))
            elif _in_slash_pair(text, start, start + len(word)):
                found.append(LatinWord(Span(start, start + len(word)), word))
        return found


def _in_slash_pair(text: str, start: int, end: int) -> bool:
    """The word is one of two acronyms joined by a slash, with Chinese beside the pair."""
    pair = _SLASH_PAIR.search(text, max(0, start - 7), min(len(text), end + 7))
    return pair is not None and (start, end) in (pair.span(1), pair.span(2)) \
        and _beside_chinese(text, pair.start(), pair.end())


def _beside_chinese(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start].rstrip(" ")[-1:]
    after = text[end : end + 2].lstrip(" ")[:1]
    return bool(_CHINESE.match(before) or _CHINESE.match(after))


@dataclass(frozen=True, slots=True)
class Acronym:
    usual: str  # the usual form: GDP
    accepted: frozenset[str]  # forms that are right too: App beside APP
    strict: bool  # also an English word or a unit: reported only inside Chinese


@functools.cache
def lexicon() -> dict[str, Acronym]:
    """The acronyms of ``data/acronyms.txt``, keyed by their lower-case form."""
    source = package_file("doclint.rules.style", "data", "acronyms.txt")
    entries: dict[str, Acronym] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        strict = fields[-1] == "*"
        forms = [f for f in fields if f != "*"]
        entries[forms[0].lower()] = Acronym(forms[0], frozenset(forms), strict)
    return entries


@functools.cache
def figure_acronyms() -> regex.Pattern[str]:
    """Acronyms with a figure in them (PM2.5, 5G, P2P), in any case, as whole tokens."""
    keys = sorted((k for k in lexicon() if not k.isalpha()), key=len, reverse=True)
    alternatives = "|".join(regex.escape(k) for k in keys)
    return regex.compile(
        rf"(?<![A-Za-z0-9.@/\\_\-])(?i:{alternatives})(?![A-Za-z0-9@/\\_]|\.\d|-[a-z0-9])"
    )


@functools.cache
def _figure_acronym_starts() -> frozenset[str]:
    """The characters an acronym with a figure starts with, in either case."""
    return frozenset(c for k in lexicon() if not k.isalpha() for c in (k[0], k[0].upper()))


def find_figure_acronyms(text: str, ascii_copy: bytes | None = None) -> Iterator[regex.Match[str]]:
    """What ``figure_acronyms().finditer(text)`` finds, without trying the pattern at every
    digit of a text full of figures.

    Every acronym of the list is ASCII letters, digits and points, a letter and a digit among
    them, and none of these stands before it: it starts a run of them that holds a letter and
    a figure. The pattern is tried at the start of each such run only (when an acronym may
    start with its character), found with ``bytes.find`` in a copy of the text that keeps its
    offsets (one byte a character; ``ascii_copy``, when the caller has it: see ``LatinWords``).
    """
    pattern, starts = figure_acronyms(), _figure_acronym_starts()
    if ascii_copy is None:
        ascii_copy = text.encode("ascii", "replace")
    marks = ascii_copy.translate(_LETTERS_AND_FIGURES)
    letter = marks.find(b"a")
    while letter != -1:
        start = letter
        while start and marks[start - 1] == 48:  # "0": a digit or a point
            start -= 1
        run_end = marks.find(b" ", letter)
        if run_end == -1:
            run_end = len(marks)
        if text[start] in starts and (start < letter or marks.find(b"0", letter, run_end) != -1):
            match = pattern.match(text, start)
            if match is not None:
                yield match
        letter = marks.find(b"a", run_end)
