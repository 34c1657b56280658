"""Plain text: decode and keep everything, line endings included; a record header an archive
wrote above the text (see :mod:`doclint.readers.record_header`) becomes metadata."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.core.encoding import decode
from doclint.readers.blanking import blank_all
from doclint.readers.record_header import record_header


def read_plain(path: str, data: bytes, encoding: str | None = None) -> Document:
    text, used = decode(data, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    header = record_header(text)
    if header is None:
        return Document(path=path, source=text, encoding=used)
    end, fields = header
    return Document(path=path, source=text, text=blank_all(text, [(0, end)]), encoding=used,
                    metadata=fields)
