"""Apply fixes to a ``.docx`` only inside single runs, so that every run keeps its formatting.

The reader turns each paragraph (body, then table cells) into one line. Here the same walk maps
each line's characters back to the runs that hold them. An edit is applied only when it lies
inside one plain run (properties plus text, nothing else: no field, drawing, tab or break) and
its replacement is plain text; a fix is applied only when every one of its edits is. The rest are
reported, never applied. After writing, the document is read again: its text must be exactly
the fixed text, or nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from doclint.core.diagnostic import Edit, Fix

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLAIN_CHILDREN = {f"{_W}rPr", f"{_W}t"}


@dataclass(frozen=True)
class RunSlot:
    """Characters ``[start, end)`` of the reader's text, held by one plain run."""

    start: int
    end: int
    run: Any  # docx.text.run.Run


class DocxRuns:
    """A python-docx document and where its plain runs sit in the reader's text."""

    def __init__(self, data: bytes) -> None:
        import docx

        self.document = docx.Document(io.BytesIO(data))
        self.slots: list[RunSlot] = []
        self.text = self._walk()

    def _paragraphs(self) -> Iterable[Any]:
        yield from self.document.paragraphs
        for table in self.document.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs

    def _walk(self) -> str:
        from docx.text.run import Run

        lines: list[str] = []
        offset = 0
        seen: dict[int, int] = {}
        for paragraph in self._paragraphs():
            text = paragraph.text
            element = id(paragraph._p)
            seen[element] = seen.get(element, 0) + 1
            # A merged table cell is walked once per grid column: its text is not one place.
            if seen[element] == 1:
                slots, position = [], offset
                for item in paragraph.iter_inner_content():
                    piece = item.text
                    if isinstance(item, Run) and _plain(item):
                        slots.append(RunSlot(position, position + len(piece), item))
                    position += len(piece)
                if position == offset + len(text):
                    self.slots.extend(slots)
            lines.append(text)
            offset += len(text) + 1
        return "\n".join(lines)

    def slot(self, edit: Edit) -> RunSlot | None:
        """The plain run holding ``edit`` entirely, or None."""
        start, end = edit.span
        if any(c in edit.replacement for c in "\r\n\t\v\f"):
            return None
        for slot in self.slots:
            if slot.start <= start and end <= slot.end:
                if start == end and (start == slot.start or end == slot.end):
                    return None  # an insertion between two runs: which formatting is unclear
                return slot
        return None

    def allows(self, fix: Fix) -> bool:
        return all(self.slot(edit) is not None for edit in fix.edits)

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply edits (each inside one plain run, no two overlapping) to the runs."""
        by_run: dict[int, tuple[RunSlot, list[Edit]]] = {}
        for edit in edits:
            slot = self.slot(edit)
            if slot is None:
                raise ValueError("edit outside a plain run")
            by_run.setdefault(id(slot.run), (slot, []))[1].append(edit)
        for slot, run_edits in by_run.values():
            text = slot.run.text
            for edit in sorted(run_edits, key=lambda e: e.span.start, reverse=True):
                text = (text[: edit.span.start - slot.start] + edit.replacement
                        + text[edit.span.end - slot.start :])
            slot.run.text = text  # replaces the w:t only; the run's properties stay

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _plain(run: Any) -> bool:
    return all(child.tag in _PLAIN_CHILDREN for child in run._r)
