"""Word segmentation, shared by every rule that needs a word boundary.

One module owns rjieba (the Rust port of jieba): it is imported on the first call that needs
a word, never at start-up, because importing it builds its dictionary (about 0.1 s). Most
documents, and almost every small one, never get there: the rules ask only about a candidate
that their cheaper tests could not settle. Without rjieba, :func:`available` is false and the
rules fall back to what they do without word boundaries.

Every operation works without the HMM guesser, so no unknown "word" is made up, except
:func:`last_tagged`, whose part-of-speech tags come from the tagger as it is.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import sys
from typing import Any

LOG = logging.getLogger(__name__)


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


def words(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of each word of ``text`` (dictionary words, longest first)."""
    return _rjieba().tokenize(text, mode="default", hmm=False)  # type: ignore[no-any-return]


def word_texts(text: str) -> list[str]:
    """The words of ``text``, in order."""
    return [word for word, _, _ in words(text)]


def first_word(text: str) -> str:
    return next(iter(words(text)))[0]


def search_cuts(text: str) -> set[int]:
    """Every offset where a word starts or ends, long words also cut into the words they hold
    (search mode: 认真贯彻 is 认真|贯彻)."""
    cuts: set[int] = set()
    for _, first, last in _rjieba().tokenize(text, mode="search", hmm=False):
        cuts.update((first, last))
    return cuts


def crosses(text: str, offset: int) -> bool:
    """Whether a word of ``text`` runs across ``offset`` (starts before it, ends after it)."""
    return any(first < offset < last for _, first, last in words(text))


def last_tagged(text: str) -> tuple[str, str]:
    """The last word of ``text`` and its part-of-speech tag (``c``, ``p``, ``d`` …)."""
    word, tag = _rjieba().tag(text)[-1]
    return word, tag


def tagged(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` with its part-of-speech tag, as the tagger gives them."""
    return [(word, tag) for word, tag in _rjieba().tag(text)]
