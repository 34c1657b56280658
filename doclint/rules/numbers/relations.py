"""What the linkers found: numbers a sentence states to be related, and how."""

from __future__ import annotations

from dataclasses import dataclass

from doclint.core import Span
from doclint.rules.numbers.lexicon import Partition
from doclint.rules.numbers.passages import YearMention
from doclint.rules.numbers.quantities import Quantity


@dataclass(frozen=True, slots=True)
class Change:
    """``由A增加到B``, with the increase, growth rate or multiple stated beside it.

    ``start`` is None when the sentence gives only the end and the increase
    (``83040亿元，比上年增加14522亿元，增长21.2%``): the start is then ``end − increase``.
    """

    label: str
    start: Quantity | None
    end: Quantity
    increase: Quantity | None = None
    rate: Quantity | None = None      # 增长21.2%, or 增长3.2倍 (kind TIMES)
    falling: bool = False             # 下降、减少、降低
    real: bool = False                # an indicator whose growth is real by convention
    basis: str = ""                   # a 可比价/同口径 marker: the rate is not the raw ratio
    sentence: Span | None = None
    start_year: YearMention | None = None   # 由2012年的A …
    end_year: YearMention | None = None     # … 增加到2017年的B


@dataclass(frozen=True, slots=True)
class AnnualGrowth:
    """``年均增长r`` over ``years`` years, with what it should take the start to.

    Either ``start`` and ``end`` are both known, or ``multiple`` is (``比1989年增长近两倍``:
    the end over the start as a stated growth).
    """

    label: str
    rate: Quantity
    years: int
    years_from: tuple[Span, ...]      # the spans the number of years comes from
    start: Quantity | None = None
    end: Quantity | None = None
    increase: Quantity | None = None  # 比…增长d: the start is end − d
    multiple: Quantity | None = None  # 增长k倍 (TIMES) or 增长X% (PERCENT) over the period
    target: bool = False              # a plan target rather than a result
    real: bool = False                # an indicator whose growth is real by convention
    basis: str = ""                   # a 可比价/同口径 marker in the sentence


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A total and the parts a ``其中`` or a partition (第一、二、三产业) lists after it."""

    total: Quantity
    total_label: str
    parts: tuple[tuple[str, Quantity], ...]  # (part name, value)
    partition: Partition | None       # the parts are disjoint members of this partition
    complete: bool                    # every member of the partition is listed


@dataclass(frozen=True, slots=True)
class Share:
    """``A，占B的X%`` where the value of B is stated too."""

    part: Quantity
    total: Quantity
    share: Quantity
    total_label: str


@dataclass(frozen=True, slots=True)
class RatioPart:
    value: float
    step: float
    span: Span


@dataclass(frozen=True, slots=True)
class Ratio:
    """``60：16：24`` after a word that makes it a structure (结构, 比例, 比重 …)."""

    span: Span
    parts: tuple[RatioPart, ...]
    cue: str                          # the word that makes it a structure
    industries: bool                  # 三次产业结构
    superseded: bool                  # the old value in 由R1调整到R2
    partial: bool = False             # names only some members (第二、三产业之比)

    @property
    def total(self) -> float:
        return sum(p.value for p in self.parts)

    @property
    def rounding(self) -> float:
        """How far the sum may drift from 100 when each part was rounded on its own."""
        return sum(p.step for p in self.parts) / 2


@dataclass(frozen=True, slots=True)
class Structure:
    """A ratio of the three industries, and the industries' values stated near it."""

    ratio: Ratio
    parts: tuple[tuple[str, Quantity], ...]
    total: Quantity | None            # the stated total, when the passage gives one
