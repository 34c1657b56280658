"""Markdown: front matter becomes metadata; it and fenced or indented code are not checked."""

from __future__ import annotations

from typing import Any

import regex

from doclint.core.document import Document, LineIndex
from doclint.core.encoding import decode
from doclint.core.lazyregex import lazy_regex
from doclint.core.suppress import parse_directives
from doclint.readers.blanking import blank_all

_FRONT_MATTER = lazy_regex(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", regex.S)
# A fence opens at a line start and closes at the first line holding at least as many of the
# same marks, or runs to the end. Line starts and ends are found by lookaround on \r and \n
# so that CRLF and CR files close their fences too (``$`` only matches before \n).
_FENCE = lazy_regex(
    r"(?<![^\r\n])[ \t]{0,3}(?P<fence>(?P<mark>[`~])(?P=mark){2,})[^\r\n]*"
    r"(?:.*?(?:\r\n|\r|\n)[ \t]{0,3}(?P=fence)(?P=mark)*[ \t]*(?![^\r\n])|.*\Z)",
    regex.S,
)
# Inline code: a run of backticks, text on the same line, the same run again.
_INLINE_CODE = lazy_regex(r"(?<!`)(?P<ticks>`+)(?!`)[^\r\n]*?(?<!`)(?P=ticks)(?!`)")


def read_markdown(path: str, data: bytes, encoding: str | None = None) -> Document:
    source, used = decode(data, encoding)
    if source.startswith("\ufeff"):
        source = source[1:]
    checked = source
    metadata: dict[str, Any] = {}
    front = _FRONT_MATTER.match(source)
    if front:
        metadata = _parse_front_matter(front.group(1) or "")
        checked = blank_all(checked, [(front.start(), front.end())])
    checked = blank_all(checked, [(m.start(), m.end()) for m in _FENCE.finditer(checked)])
    checked = blank_all(checked, [(m.start(), m.end()) for m in _INLINE_CODE.finditer(checked)])
    directives = ()
    if "doclint-" in checked:
        # Suppression comments outside code are instructions to doclint, not text to check.
        found = parse_directives(checked, LineIndex(source))
        checked = blank_all(checked, [(start, end) for start, end, _ in found])
        directives = tuple(directive for _, _, directive in found)
    return Document(path=path, source=source, text=checked, encoding=used, metadata=metadata,
                    directives=directives)


def _parse_front_matter(block: str) -> dict[str, Any]:
    from doclint.core import fastyaml

    try:
        loaded = fastyaml.safe_load(block)
    except fastyaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}
