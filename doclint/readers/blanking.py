"""Blank regions of a source that a reader excludes from checking, keeping offsets and lines."""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex

_NOT_NEWLINE = lazy_regex(r"[^\r\n]")


def blank_all(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank every (non-overlapping, ordered) span in one pass: spaces for its characters, its
    line breaks kept, so every offset and line means the same in the result."""
    if not spans:
        return text
    parts, position = [], 0
    for start, end in spans:
        parts.append(text[position:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)
