"""Plain text: decode and keep everything, line endings included."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.core.encoding import decode


def read_plain(path: str, data: bytes, encoding: str | None = None) -> Document:
    text, used = decode(data, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(path=path, source=text, encoding=used)
