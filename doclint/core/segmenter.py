"""Word segmentation, shared by every rule that needs a word boundary.

One module owns rjieba (the Rust port of jieba): it is imported on the first call that needs
a word, never at start-up, because importing it builds its dictionary (about 0.2 s, most of a
one-file check). Most documents, and almost every small one, never get there: the rules ask
only about a candidate that their cheaper tests could not settle, and :func:`available` tells
whether rjieba is installed without importing it. Without rjieba, :func:`available` is false
and the rules fall back to what they do without word boundaries.

What the segmenter answered is kept between runs (``built/segments-*.pickle`` of the user cache
folder, one file per installed rjieba, :mod:`doclint.core.buildcache`), keyed by the operation
and the text asked about, under the files of that rjieba (its dictionary is built into it): checking a document again
after an edit asks mostly about the same few characters, and gets the same answers without
importing rjieba. A missing, read-only or corrupt store means asking rjieba.

Every operation works without the HMM guesser, so no unknown "word" is made up, except
:func:`last_tagged` and :func:`tagged`, whose part-of-speech tags come from the tagger as it is.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

LOG = logging.getLogger(__name__)

STORE = "segments"
STORE_FORMAT = 1
MAX_ANSWERS = 5000  # beyond this, the store starts again from this run's answers



@functools.cache
def _rjieba() -> Any:
    try:
        import rjieba
    except ImportError:  # pragma: no cover - rjieba is a dependency
        LOG.warning("rjieba is not installed: rules check without word boundaries")
        return None
    return rjieba


@functools.cache
def available() -> bool:
    """Whether a segmenter is installed. Asking does not import it: a rule asks before it
    looks for a candidate, and most documents then never use a word boundary."""
    return "rjieba" in sys.modules or importlib.util.find_spec("rjieba") is not None


def _answer(operation: str, text: str, compute: Callable[[Any], Any]) -> Any:
    """``compute(rjieba)`` for ``text``, from the store when it holds the answer."""
    key = (operation, text)
    table = _table()
    found = table.get(key)
    if found is None:
        found = table.added.get(key)
    if found is None:
        found = compute(_rjieba())
        table.add(key, found)
    return found


def words(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of each word of ``text`` (dictionary words, longest first)."""
    return list(_answer("words", text, lambda jieba: tuple(
        jieba.tokenize(text, mode="default", hmm=False))))


def word_texts(text: str) -> list[str]:
    """The words of ``text``, in order."""
    return [word for word, _, _ in words(text)]


def first_word(text: str) -> str:
    return next(iter(words(text)))[0]


def search_cuts(text: str) -> set[int]:
    """Every offset where a word starts or ends, long words also cut into the words they hold
    (search mode: 认真贯彻 is 认真|贯彻)."""

    def cuts(jieba: Any) -> frozenset[int]:
        found: set[int] = set()
        for _, first, last in jieba.tokenize(text, mode="search", hmm=False):
            found.update((first, last))
        return frozenset(found)

    return set(_answer("search_cuts", text, cuts))


def crosses(text: str, offset: int) -> bool:
    """Whether a word of ``text`` runs across ``offset`` (starts before it, ends after it)."""
    return any(first < offset < last for _, first, last in words(text))


def last_tagged(text: str) -> tuple[str, str]:
    """The last word of ``text`` and its part-of-speech tag (``c``, ``p``, ``d`` …)."""
    word, tag = tagged(text)[-1]
    return word, tag


def tagged(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` with its part-of-speech tag, as the tagger gives them."""
    return list(_answer("tagged", text, lambda jieba: tuple(
        (word, tag) for word, tag in jieba.tag(text))))


def save() -> None:
    """Merge the answers of this process into the store on disk."""
    _table().save()


@functools.cache
def _table() -> Any:
    """The kept answers (``buildcache`` imported on first use: asking ``available`` does not)."""
    from doclint.core import buildcache

    return buildcache.KeptTable(_path, _header, MAX_ANSWERS, keep_at_most=MAX_ANSWERS)


def _path() -> Any:
    """The store of the installed rjieba: each environment keeps its own."""
    from doclint.core import buildcache

    spec = importlib.util.find_spec("rjieba")
    where = "\0".join(spec.submodule_search_locations or ()) if spec else ""
    digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return buildcache.folder() / f"{STORE}-{digest}.pickle"


@functools.cache
def _header() -> bytes | None:
    """The store's header: its format, Python's version, and the name, size and time of every
    file of the installed rjieba (the dictionary is built into it). None without rjieba."""
    spec = importlib.util.find_spec("rjieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    parts = [f"segments {STORE_FORMAT} python {sys.version_info}"]
    try:
        for folder in spec.submodule_search_locations:
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file():
                    stat = entry.stat()
                    parts.append(f"{entry.name} {stat.st_size} {stat.st_mtime_ns}")
    except OSError:
        return None
    from doclint.core import buildcache

    return buildcache.FORMAT + "\0".join(parts).encode("utf-8", "surrogatepass") + b"\n"
