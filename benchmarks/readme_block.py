"""Write a benchmark's output into README.md between its markers, so the figures there are the
script's output, not typed.

A block is ``<!-- NAME: begin (COMMAND) -->`` … ``<!-- NAME: end -->``; everything between the
two markers is replaced, the rest of the file is kept.
"""

from __future__ import annotations

from pathlib import Path


def markers(name: str, command: str) -> tuple[str, str]:
    return f"<!-- {name}: begin ({command}) -->", f"<!-- {name}: end -->"


def replace_block(readme: Path, name: str, command: str, body: str) -> None:
    """Put ``body`` between the markers of block ``name`` in ``readme``."""
    begin, end = markers(name, command)
    text = readme.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{readme} has no {name} markers ({begin} … {end})")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{begin}\n{body}\n{end}{tail}", encoding="utf-8")
