"""Plain text: decode and keep everything, line endings included; a record header an archive
wrote above the text (see :mod:`doclint.readers.record_header`) or a disclosure page's field
table (:mod:`doclint.readers.field_table`) becomes metadata."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.core.encoding import decode
from doclint.readers.blanking import blank_all
from doclint.readers.field_table import field_table
from doclint.readers.record_header import record_header


def read_plain(path: str, data: bytes, encoding: str | None = None) -> Document:
    text, used = decode(data, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    header = record_header(text) or field_table(text)
    if header is None:
        return Document(path=path, source=text, encoding=used)
    end, fields = header
    return Document(path=path, source=text, text=blank_all(text, [(0, end)]), encoding=used,
                    metadata=fields)
