"""Apply fixes to a text, and write a file back atomically in its own encoding."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from doclint.core.diagnostic import Edit, Fix
from doclint.core.encoding import encode


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits do not overlap an earlier applied fix; return text and count."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    applied = 0
    for fix in fixes:
        edits = sorted(fix.edits, key=lambda e: e.span.start)
        if any(_overlaps(e.span.start, e.span.end, taken) for e in edits):
            continue
        chosen.extend(edits)
        taken.extend((e.span.start, e.span.end) for e in edits)
        applied += 1
    parts: list[str] = []
    position = 0
    for edit in sorted(chosen, key=lambda e: e.span.start):
        parts.append(text[position : edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
    parts.append(text[position:])
    return "".join(parts), applied


def disjoint_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """The edits in text order, each one overlapping an earlier kept edit dropped."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.span.start):
        if kept and edit.span.start < kept[-1].span.end:
            continue
        kept.append(edit)
    return tuple(kept)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any((start < t_end and t_start < end) or start == end == t_start for t_start, t_end in taken)


def write_atomically(path: str, text: str, encoding: str, original: bytes = b"") -> None:
    """Replace ``path`` with ``text`` encoded as ``encoding``, via a temp file and rename.

    ``original`` is the file's old content: its BOM, if any, is kept.
    """
    target = Path(path)
    data = encode(text, encoding, original)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".doclint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, target.stat().st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
