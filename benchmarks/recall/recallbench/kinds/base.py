"""What a kind of anomaly is: the category it tests, the categories that count as finding it,
and its variants, each a generator of candidate plants for one document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from random import Random

from recallbench.corpus import Doc
from recallbench.plant import Edit


@dataclass(frozen=True)
class Cand:
    """A candidate plant: edits of the untouched text and the spans that must be reported."""

    edits: Sequence[Edit]
    targets: Sequence[tuple[int, int]]
    note: str = ""
    path: str | None = None
    base: Doc | None = None  # an untouched text of its own (a compilation built from parts)


Variant = Callable[[Doc, Random], Iterator[Cand]]


@dataclass(frozen=True)
class Kind:
    name: str
    category: str  # the category this kind tests
    accepted: frozenset[str]  # categories that count as finding it
    summary: str
    variants: dict[str, Variant] = field(default_factory=dict)
    scope: str = "line"  # "document": found anywhere in the copy
    per_doc: int = 4  # plants of this kind in one document, at most (rare sites allow more)


def kind(name: str, category: str, summary: str, *, also: Sequence[str] = (),
         scope: str = "line", per_doc: int = 4) -> Kind:
    return Kind(name, category, frozenset((category, *also)), summary, {}, scope, per_doc)
