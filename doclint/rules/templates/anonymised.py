"""Whether a document was anonymised: its masks are redactions, not a template's blanks.

Datasets of citizens' letters and official replies are published with identifying details
removed: places rewritten to letter codes (``A市A2区``), identity and telephone numbers masked
(``*****************``, ``0000-00000000``). In such a document ``XX``, ``***`` and ``某某``
stand for what the publisher removed on purpose; they are not blanks an author forgot to fill.
"""

from __future__ import annotations

import regex

from doclint.core import Document

# A mask longer than any template blank, or a zeroed telephone number.
_REDACTION = regex.compile(r"[*＊×]{6,}|[XxＸｘ]{6,}|(?<!\d)0{3,4}-0{6,8}(?!\d)")
# A county, city or township rewritten to a letter code: "A市", "A2区", "K7县".
_CODED_PLACE = regex.compile(
    r"(?<![A-Za-z\d])[A-Z](?P<number>\d{1,2})?(?:省|市|县|区|镇|乡|村|街道|社区)"
)
_CODED_PLACES = 2  # one "A区" is a hall of an exhibition; two are a rewritten address


class Anonymisation:
    """``anonymised``: the document shows that identifying details were masked on purpose."""

    def __init__(self, anonymised: bool) -> None:
        self.anonymised = anonymised

    @classmethod
    def from_document(cls, doc: Document) -> Anonymisation:
        text = doc.text
        if _REDACTION.search(text):
            return cls(True)
        places = 0
        for match in _CODED_PLACE.finditer(text):
            places += 1
            if match.group("number") or places >= _CODED_PLACES:
                return cls(True)
        return cls(False)
