"""A library's catalogue of old books: records of title, responsibility, edition and holder.

Its records name a dynasty in brackets and a responsibility (“（清）某某撰”, “（南朝梁）某某注”),
mark characters it cannot read with □ (“（□）□□撰”: dynasty and author unknown; “□□卷”) and set
their fields apart with a space. Rules that read □ as a blank or a space as a stray one ask here.
"""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex, matches_at_least

# A dynasty in brackets opens a record's responsibility: （清）, （南朝梁）, （民国）, （□） unknown.
DYNASTY = (
    r"[（(](?:[清明元宋金辽唐隋汉晋周秦魏梁陈齐□]|[东西南北][汉晋魏齐周宋]|南朝\p{Han}{1,2}"
    r"|北朝\p{Han}{1,2}|五代|民国|三国\p{Han}{0,2})[）)]"
)
_RECORD = lazy_regex(
    DYNASTY + r"[\p{Han}□·]{1,10}?(?:撰|纂|辑|编|注|著|抄|选|校|评|译|述|修)(?=[ \t\u3000（(]|$)"
)
_RECORDS = 3


def is_catalogue(text: str) -> bool:
    """Whether ``text`` holds a catalogue of old books (three records or more)."""
    return matches_at_least(_RECORD, text, _RECORDS)
