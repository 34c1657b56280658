"""Reading a document's shape: prose lines, sentence boundaries, headings, its title.

Plants go where a careful reader would see the damage: inside prose paragraphs of documents
that are punctuated and have paragraph breaks, never inside markup or tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from random import Random

import regex

from recallbench.corpus import Doc

HAN = regex.compile(r"\p{Han}")
INDENT = " \t\u3000\xa0"
ENDS = "。！？!?；"
CLOSERS = "”’）》」』)】"
_MARKUP = regex.compile(r"^[#<|>!*\-\[]|<[a-zA-Z/]|\]\(|https?:|&[a-z]+;|\{|\}")
_HEADING = regex.compile(
    r"^[ \t\u3000]*(?:第[一二三四五六七八九十百零〇]+[章节篇条部分]|[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9]))")


def is_han(char: str) -> bool:
    return bool(char) and HAN.match(char) is not None


@dataclass(frozen=True, slots=True)
class Para:
    """A prose line: its number, its span without the break, and where its text starts."""

    number: int
    start: int
    end: int
    body: int  # first offset after the indentation

    @property
    def length(self) -> int:
        return self.end - self.body


def _memo(doc: Doc, key: str, make):  # type: ignore[no-untyped-def]
    cache = doc.__dict__.setdefault("_memo", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def ends_sentence(body: str) -> bool:
    body = body.rstrip(INDENT + CLOSERS)
    return bool(body) and body[-1] in ENDS


def _han_share(body: str) -> float:
    return len(HAN.findall(body)) / max(len(body), 1)


def prose(doc: Doc, min_len: int = 20) -> list[Para]:
    """Lines of running Chinese prose ending a sentence, outside markup."""

    def make() -> list[Para]:
        found = []
        text = doc.text
        for number, start, end in doc.lines:
            line = text[start:end]
            body = line.strip(INDENT)
            if len(body) < 8 or _MARKUP.search(body) or not ends_sentence(body):
                continue
            if _han_share(body) < 0.5 or (_HEADING.match(body) and len(body) < 30):
                continue
            found.append(Para(number, start, end, start + len(line) - len(line.lstrip(INDENT))))
        return found

    return [p for p in _memo(doc, "prose", make) if p.length >= min_len]


def punctuated(doc: Doc) -> bool:
    """A document with paragraph breaks whose paragraphs end their sentences: a reader can
    tell a cut or broken paragraph there (not a flattened page, a table or a PDF dump)."""

    def make() -> bool:
        long_lines = [doc.text[s:e].strip(INDENT) for _, s, e in doc.lines
                      if e - s >= 30 and _han_share(doc.text[s:e]) >= 0.5]
        if len(long_lines) < 4:
            return False
        ended = sum(ends_sentence(b) for b in long_lines)
        return ended >= 0.8 * len(long_lines)

    return bool(_memo(doc, "punctuated", make))


def boundaries(doc: Doc, para: Para) -> list[int]:
    """Offsets inside ``para`` right after a sentence's end, where another sentence starts."""
    text = doc.text
    found = []
    for match in regex.finditer(r"[。！？][”’）]?(?=[\p{Han}“])", text[para.body:para.end]):
        at = para.body + match.end()
        if para.body + 6 <= at <= para.end - 6:
            found.append(at)
    return found


def sentence_of(doc: Doc, para: Para, offset: int) -> tuple[int, int]:
    """The sentence of ``para`` holding ``offset``: from after the previous end to its end."""
    text = doc.text
    start = offset
    while start > para.body and text[start - 1] not in "。！？；":
        start -= 1
    end = offset
    while end < para.end and text[end] not in "。！？；":
        end += 1
    return start, min(end + 1, para.end)


def title(doc: Doc) -> tuple[int, int] | None:
    """The span of the document's title: the first non-empty line, when it reads as one
    (short, no sentence inside), without a Markdown ``#``."""

    def make() -> tuple[int, int] | None:
        for _number, start, end in doc.lines[:5]:
            line = doc.text[start:end]
            body = line.strip(INDENT + "#")
            if not body:
                continue
            if not 6 <= len(body) <= 50 or regex.search(r"[。！？；：:，,<>]", body):
                return None
            if _han_share(body) < 0.6 or _HEADING.match(body):
                return None
            first = start + line.index(body)
            return first, first + len(body)
        return None

    return _memo(doc, "title", make)  # type: ignore[no-any-return]


def han_gap(text: str, at: int) -> bool:
    """Whether ``at`` falls between two Chinese characters."""
    return 0 < at < len(text) and is_han(text[at - 1]) and is_han(text[at])


def shuffled(items: list, rng: Random) -> list:  # type: ignore[type-arg]
    items = list(items)
    rng.shuffle(items)
    return items


def inner_gaps(doc: Doc, para: Para, rng: Random, margin: int = 6) -> Iterator[int]:
    """Offsets between two Chinese characters inside ``para``, away from punctuation, in a
    random order."""
    text = doc.text
    spots = [at for at in range(para.body + margin, para.end - margin)
             if han_gap(text, at) and not regex.search(r"[^\p{Han}]", text[at - 3:at + 3])]
    yield from shuffled(spots, rng)


HEADING = _HEADING
