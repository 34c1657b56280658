"""Input readers, registered through the ``doclint_readers`` hook like any plugin's."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from doclint.core.document import Document
from doclint.plugins.hookspecs import hookimpl

Reader = Callable[[str, bytes, "str | None"], Document]


@hookimpl
def doclint_readers() -> Mapping[str, Reader]:
    from doclint.readers.docx import read_docx
    from doclint.readers.markdown import read_markdown
    from doclint.readers.plain import read_plain

    return {".txt": read_plain, ".md": read_markdown, ".markdown": read_markdown,
            ".docx": read_docx}
