"""A plant: one anomaly written into a copy of a document, and where it must be reported."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from recallbench.corpus import Doc


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``base[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


def insert(at: int, text: str) -> Edit:
    return Edit(at, at, text)


@dataclass(eq=False)
class Plant:
    """One anomaly in one copy of ``doc``.

    ``targets`` are spans of the untouched text (``doc.text``); after the edits each becomes a
    span of the mutated copy (an insertion point becomes the inserted text), and the lines that
    span covers are the planted lines. A ``document`` plant is found anywhere in the copy.
    """

    kind: str
    variant: str
    doc: Doc
    edits: tuple[Edit, ...]
    targets: tuple[tuple[int, int], ...]
    scope: str = "line"  # "line" or "document"
    path: str | None = None  # a different file name for the copy (years in real names)
    note: str = ""  # what was planted, shown for misses (never for the holdout)
    found_by: dict[str, set[str]] = field(default_factory=dict)  # config -> rule codes

    def __post_init__(self) -> None:
        self.edits = tuple(sorted(self.edits, key=lambda e: (e.start, e.end)))
        for a, b in zip(self.edits, self.edits[1:], strict=False):
            if b.start < a.end:
                raise ValueError(f"{self.kind}/{self.variant}: overlapping edits")

    @cached_property
    def text(self) -> str:
        """The mutated copy."""
        parts, at = [], 0
        base = self.doc.text
        for edit in self.edits:
            parts += [base[at:edit.start], edit.text]
            at = edit.end
        parts.append(base[at:])
        return "".join(parts)

    def shift(self, offset: int, right: bool) -> int:
        """Where ``offset`` of the untouched text lands in the copy. Inside an edited span it
        lands at the replacement's start (``right`` False) or end (``right`` True)."""
        delta = 0
        for edit in self.edits:
            grown = len(edit.text) if right else 0
            if edit.start == edit.end == offset:
                return offset + delta + grown
            if edit.start < offset and edit.end <= offset:
                delta += len(edit.text) - (edit.end - edit.start)
            elif edit.start < offset < edit.end:
                return edit.start + delta + grown
            else:
                break
        return offset + delta

    @cached_property
    def planted_lines(self) -> frozenset[int]:
        """1-based lines of the copy the anomaly must be reported on."""
        starts = _line_starts(self.text)
        lines: set[int] = set()
        for start, end in self.targets:
            a, b = self.shift(start, False), self.shift(end, True)
            first = bisect.bisect_right(starts, a) - 1
            last = bisect.bisect_right(starts, max(a, b - 1)) - 1
            lines.update(range(first + 1, last + 2))
        return frozenset(lines)

    @cached_property
    def base_lines(self) -> frozenset[int]:
        """Lines of the untouched text the targets and edits touch."""
        doc = self.doc
        lines: set[int] = set()
        for start, end in (*self.targets, *((e.start, e.end) for e in self.edits)):
            lines.update(range(doc.line_of(start), doc.line_of(max(start, end - 1)) + 1))
        return frozenset(lines)

    @property
    def copy_path(self) -> str:
        return self.path or str(self.doc.path)


def _line_starts(text: str) -> list[int]:
    from doclint.core.document import LineIndex

    return LineIndex(text).starts
