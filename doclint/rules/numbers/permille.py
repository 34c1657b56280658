"""Where a conversion garbled the per-mille sign ‰ into ``%。`` or ``%o``.

Birth, death and natural growth rates are stated in per mille. Some PDF and OCR conversions
write ‰ as a per cent sign followed by a full stop or a letter o: ``人口自然增长率控制在
7.2％。以内``, ``6.5％。。``, ``5.79％。，``, ``5.2%o``. A 。 that a clause goes on after
(以内, 左右, a comma, another full stop) cannot end a sentence: it is the rest of the ‰.
A rate ending its sentence (``自然增长率0.5%。``) is a per cent and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Span
from doclint.core.lazyregex import lazy_re

# A per-mille rate, a few words (控制在, 为, 负), its figure, and the garbled sign: % or ％
# with a 。 the clause goes on after, or with a letter o.
_GARBLED = lazy_re(
    r"(?:出生|死亡|自然增长|自增)[ 　]?率[^，,。；;！？!?\n%％‰]{0,12}?"
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?[ 　]?"
    r"(?P<sign>[%％](?:。(?=[。，,、；;：:）)]|以内|以下|左右|上下)|[oO](?![A-Za-z])))"
)


def garbled_permille(text: str) -> Iterator[Span]:
    """The spans of garbled ‰ signs (``％。``, ``%o``) after per-mille rates in ``text``."""
    if "率" not in text:
        return
    for match in _GARBLED.finditer(text):
        yield Span(match.start("sign"), match.end("sign"))
