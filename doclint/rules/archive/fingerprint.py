"""What the archive rules compare, computed once per document (``doc.facts(...)``).

Every key here is stable across processes and machines (``hash()`` is salted per process, so
keys are cut from BLAKE2 digests): facts computed in different workers must compare equal.
"""

from __future__ import annotations

import hashlib
import unicodedata
from array import array
from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.text import Paragraphs, TextKeys, has_separator_control
from doclint.rules.archive.titles import DocumentTitle

# Characters that change nothing a reader sees: a byte-order mark, zero-width spaces and joiners.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
# What a paragraph key keeps: letters (Han included) and digits. Punctuation and spacing vary
# between renderings of one text (，/, “/" 　/space) and say nothing about which text it is.
# NOTE: kept as the runs of word characters joined (``findall``), not as the rest cut out
# (``sub``): the same string, and a run is matched in one tight loop where ``sub`` tries every
# character of a Han paragraph in turn (a sixth faster). The runs are those of ``\w`` (the
# engine's own category, a tenth faster than the class ``[^\W_]``), ``_`` cut out after.
_WORD_RUN = lazy_re(r"\w+")
_WORD_RUN_OR_BREAK = lazy_re(r"\w+|\n")  # the words of many lines joined by line breaks
_COMMON_MARKS = "，。、"  # not word characters: the commonest in Chinese prose by far
_FULLWIDTH_DIGITS = [(chr(0xFF10 + n), str(n)) for n in range(10)]
_HAN = lazy_regex(r"\p{Han}")
# Paragraphs shorter than this never take part in paragraph comparisons.
MIN_PARAGRAPH_HAN = 10


def squeeze(text: str) -> str:
    """``text`` without white space of any kind, line breaks, BOM or zero-width characters."""
    text = "".join(text.split())
    for char in _INVISIBLE:  # NOTE: str.replace is far faster than str.translate with a dict
        if char in text:
            text = text.replace(char, "")
    return text


# What ``squeeze`` drops that text keyed without white space (``text.spaceless``) can hold:
# the separator controls (``text.SEPARATOR_CONTROLS``), and the invisible characters but the
# BOM and the zero-width space (white space to the keys).
_INVISIBLE_IN_KEYS = "\u200c\u200d\u2060"


def _squeezed_keys(keys: str) -> str:
    """``squeeze(keys)`` of ``keys`` without white space (see ``_INVISIBLE_IN_KEYS``): a few
    scans in C, not a split of the whole text into words, when it holds no separator control
    (almost every text)."""
    if has_separator_control(keys):
        return squeeze(keys)
    for char in _INVISIBLE_IN_KEYS:
        if char in keys:
            keys = keys.replace(char, "")
    return keys


def stable_hash(text: str) -> int:
    """A 64-bit hash of ``text`` that is the same in every process."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def paragraph_key(text: str) -> str:
    """A paragraph reduced to its words: compatibility forms folded, punctuation and spaces gone."""
    return _folded(_words(text))


def paragraph_keys(texts: list[str]) -> list[str]:
    """``paragraph_key`` of each of ``texts``: the words of them all found by one regex call
    over the texts joined by line breaks (none of them holds one: else a call per text)."""
    joined = "\n".join(texts)
    # NOTE: a run is cheap to match but dear to return: the commonest marks between words are
    # cut out first (C-fast), the runs they part found as one (a quarter faster).
    for mark in _COMMON_MARKS:
        joined = joined.replace(mark, "")
    words = "".join(_WORD_RUN_OR_BREAK.findall(joined))
    if "_" in words:
        words = words.replace("_", "")
    keys = words.split("\n")
    if len(keys) != len(texts):  # a text with a line break of its own: one call per text
        keys = list(map(_words, texts))
    is_normalized = unicodedata.is_normalized
    return [key if is_normalized("NFKC", key) else _folded(key) for key in keys]


def _folded(key: str) -> str:
    """The words ``key`` of a paragraph with their compatibility forms folded."""
    # NOTE: unicodedata's quick check answers a key of Han characters, ASCII letters and
    # digits (most of them) faster than a scan of it with a character class.
    if unicodedata.is_normalized("NFKC", key):
        return key
    # NOTE: NFKC over long Chinese strings is slow (and so is str.translate); full-width
    # digits, the usual offenders, fold by str.replace first.
    for wide, narrow in _FULLWIDTH_DIGITS:
        key = key.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", key):
        return key
    return _words(unicodedata.normalize("NFKC", key))


def _words(text: str) -> str:
    """``text`` without anything that is not a letter or a digit (``_`` is not one)."""
    words = "".join(_WORD_RUN.findall(text))
    return words.replace("_", "") if "_" in words else words


def wide_count(key: str) -> int:
    """Characters of a paragraph key outside ASCII: its Han characters, near enough."""
    return len(key) - len(key.encode("ascii", "ignore"))


@dataclass(frozen=True, slots=True)
class TextDigest:
    """The whole text's identity, blind to white space, line endings and a BOM."""

    digest: bytes  # 16 bytes of BLAKE2b over the squeezed text
    size: int  # characters left after squeezing
    anchor: Span  # where a finding about the whole document points: its title or first line

    @classmethod
    def from_document(cls, doc: Document) -> TextDigest:
        # NOTE: the text is its paragraphs and white space between them; the paragraphs' shared
        # keys are their text without white space (but for the few characters ``squeeze``
        # drops besides): squeezing them joined is one scan, not a split into words.
        squeezed = _squeezed_keys("".join(doc.facts(TextKeys).paragraphs))
        digest = hashlib.blake2b(squeezed.encode("utf-8"), digest_size=16).digest()
        return cls(digest, len(squeezed), _anchor(doc))


def _anchor(doc: Document) -> Span:
    """The title; else the first line with Han text (not the ``<!--`` a scraper left); else the
    first non-blank line."""
    title = doc.facts(DocumentTitle).title
    if title is not None:
        return title.span
    paragraphs = doc.facts(Paragraphs).items
    for para in paragraphs:
        if _HAN.search(para.text):
            return para.span
    return paragraphs[0].span if paragraphs else Span(0, 0)


@dataclass(frozen=True, slots=True)
class ParagraphKeys:
    """Every paragraph of at least ``MIN_PARAGRAPH_HAN`` Han characters, as a stable hash.

    ``hashes``, ``han``, ``starts`` and ``ends`` are parallel arrays in text order.
    """

    hashes: array[int]  # 'Q'
    han: array[int]  # 'I'
    starts: array[int]  # 'I'
    ends: array[int]  # 'I'

    @classmethod
    def from_document(cls, doc: Document) -> ParagraphKeys:
        # Paragraphs shorter than MIN_PARAGRAPH_HAN cannot hold enough Han characters.
        # NOTE: a scraped page often holds a paragraph more than once: each text is keyed once.
        long = [para for para in doc.facts(Paragraphs).items
                if len(para.text) >= MIN_PARAGRAPH_HAN]
        texts = list(dict.fromkeys(para.text for para in long))
        known: dict[str, tuple[int, int]] = {}
        for text, key in zip(texts, paragraph_keys(texts), strict=True):
            count = wide_count(key)
            if count >= MIN_PARAGRAPH_HAN:
                known[text] = (stable_hash(key), count)
        kept = [(known[para.text], para.span) for para in long if para.text in known]
        hashes = array("Q", [found[0] for found, _ in kept])
        han = array("I", [found[1] for found, _ in kept])
        starts = array("I", [span.start for _, span in kept])
        ends = array("I", [span.end for _, span in kept])
        return cls(hashes, han, starts, ends)

    def __len__(self) -> int:
        return len(self.hashes)
