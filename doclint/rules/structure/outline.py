"""Walk an article's headings into runs of siblings, with each heading's parent."""

from __future__ import annotations

from dataclasses import dataclass, field

from doclint.core.document import Span
from doclint.core.text import Paragraph
from doclint.rules.structure import lines
from doclint.rules.structure.model import Heading, Level, Sequence


@dataclass
class _Run:
    id: int
    level: Level
    parent: int
    members: list[tuple[int, int]] = field(default_factory=list)  # (block, number)
    closed_by: int | None = None  # the heading that closed it by opening a shallower run
    interrupted_by: list[int] = field(default_factory=list)
    scope: int = 0
    across: bool = False  # resumed after a shallower heading that went on with its own list

    @property
    def last(self) -> int:
        return self.members[-1][1]


class Outline:
    """Walks an article's headings with a stack of open sibling runs, ordered by level.

    A heading closes the runs of deeper levels, continues the run of its own level, or opens a
    new run under the nearest shallower heading. A closed run is resumed when its next number
    follows on. When the heading that closed it opened a fresh list (``1.`` … ``（一）（二）`` …
    ``2.``), the text nested the shallower level inside it, which ``Sequence.interrupted_by``
    records; when that heading went on with a list of its own (``（三）`` … ``5.`` ``（四）``
    ``6.``), the run numbers on across its parents, which ``Sequence.across`` records.
    """

    def __init__(self) -> None:
        self.runs: list[_Run] = []
        self.reset()

    def reset(self, scope: int = 0) -> None:
        """Start afresh: a new article, or a new scope of numbering from block ``scope``."""
        self.scope = scope
        self.open: list[_Run] = []
        self.closed: dict[Level, _Run] = {}
        self.continuous: dict[Level, _Run] = {}
        # A run a nested list interrupted by restarting at 1 (二、 … 一、二、三、 … 三、).
        self.suspended: dict[Level, _Run] = {}

    def add(self, index: int, marker: lines.Marker, paragraph: Paragraph) -> Heading:
        level, number = marker.level, marker.number
        popped: list[_Run] = []
        while self.open and self.open[-1].level > level:
            popped.append(self.open.pop())
        count = len(self.runs)
        run = self._run_for(level, number)
        opened = len(self.runs) > count
        fresh = opened and number == 1  # a list opened here, not one going on
        for closed in popped:
            closed.closed_by = index if fresh else None
            self.closed[closed.level] = closed
        last = max(number, marker.last)
        run.members.append((index, last))
        base = paragraph.span.start
        return Heading(level, number, Span(base + marker.start, base + marker.marker_end),
                       paragraph.text[marker.end : marker.title_end],
                       Span(base + marker.end, base + marker.title_end), marker.inline,
                       run.id, run.parent, last)

    def _run_for(self, level: Level, number: int) -> _Run:
        top = self.open[-1] if self.open and self.open[-1].level == level else None
        if level.continuous:
            run = self.continuous.get(level)
            if run is None or number == 1:
                run = self._new(level)
                self.continuous[level] = run
            if top is not run:
                if top is not None:
                    self.open.pop()
                self.open.append(run)
            return run
        # A 1 restarts the run, unless the run is a lone 1 (then it is a repeated 1). A number
        # that does not follow on, but follows the run a restart suspended, resumes that run.
        suspended = self.suspended.get(level)
        if top is not None and number != 1 and number != top.last + 1 \
                and suspended is not None and number == suspended.last + 1:
            self.open[-1] = suspended
            del self.suspended[level]
            return suspended
        if top is not None and (number != 1 or top.last == 1):
            return top
        if top is not None:
            self.suspended[level] = self.open.pop()
        resumed = self.closed.get(level)
        if top is None and number > 1 and resumed is not None and number == resumed.last + 1:
            del self.closed[level]
            if resumed.closed_by is not None:
                resumed.interrupted_by.append(resumed.closed_by)
            else:
                resumed.across = True
            self.open.append(resumed)
            return resumed
        run = self._new(level)
        self.open.append(run)
        return run

    def _new(self, level: Level) -> _Run:
        parents = [r for r in self.open if r.level < level]
        parent = parents[-1].members[-1][0] if parents and parents[-1].members else -1
        run = _Run(len(self.runs), level, parent, scope=self.scope)
        self.runs.append(run)
        return run

    def sequences(self) -> list[Sequence]:
        return [Sequence(r.level, r.parent, tuple(b for b, _ in r.members),
                         tuple(r.interrupted_by), r.scope, r.across) for r in self.runs]
