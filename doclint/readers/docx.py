"""Word documents: each paragraph (body and table cells) becomes one line."""

from __future__ import annotations

import io

from doclint.core.document import Document
from doclint.core.errors import ReadError


def read_docx(path: str, data: bytes, encoding: str | None = None) -> Document:
    try:
        import docx  # python-docx, imported only when a .docx is read
    except ImportError:
        raise ReadError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(f"not a readable .docx file ({type(exc).__name__})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    # NOTE: core_properties.created is not used as the document date: Word templates carry
    # their own creation date, so it is usually wrong.
    metadata = {"title": document.core_properties.title} if document.core_properties.title else {}
    return Document(path=path, source="\n".join(lines), encoding="docx", metadata=metadata)
