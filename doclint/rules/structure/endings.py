"""How lines end and begin: what closes a sentence, what cannot open one, what cannot end one."""

from __future__ import annotations

import regex

from doclint.rules.structure import lines
from doclint.rules.structure.model import Block, Kind

# A paragraph may end with these (closing quotes and brackets follow a sentence end, or close a
# citation or an aside that is a sentence of its own).
SENTENCE_FINAL = frozenset("。！？!?…；;：:”’」』）)》】〕]—")
# A line cannot start with these: they close what the previous line opened.
CLOSING_START = frozenset("，。、；：？！）》」』”’,;:?!)]】〕")
# A short line after one ending in these is the rest of a sentence, not a heading.
# Dash and bullet list items, which often go without closing punctuation.
LIST_MARKS = frozenset("—-－*●■◆★·•")
_DANGLING_END = regex.compile(r"[的和与及在对把将向为从于被以或、，,“《（(]$")
_LAST_CLAUSE = regex.compile(r"[^，,、；;：:。！？!?]*$")
_INTERNAL = regex.compile(r"[，,。；;]")


def ends_sentence(text: str) -> bool:
    return text[-1] in SENTENCE_FINAL


def is_prose(block: Block) -> bool:
    """Running text: a body paragraph (or an inline heading's text) with clause punctuation."""
    if block.kind is not Kind.BODY and not (block.heading is not None and block.heading.inline):
        return False
    return bool(_INTERNAL.search(block.text)) and lines.has_han(block.text, 10) \
        and not lines.is_chrome(block.text)


def dangles(text: str) -> bool:
    """The line stops on a word that needs what follows (``…所作的``)."""
    return bool(_DANGLING_END.search(text))


def last_clause_start(text: str) -> int:
    """Offset of the last clause (after the last punctuation) of ``text``."""
    match = _LAST_CLAUSE.search(text)
    return match.start() if match else 0
