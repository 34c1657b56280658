"""The format a file came in, detected once: the conversions and scrapes that damage every line.

Some files are not damaged here and there but throughout, by the way they were made:

- ``unpunctuated``: a PDF or scan conversion that lost its sentence punctuation (commas stay,
  but hardly a 。 in thousands of characters);
- ``hard_wrapped``: lines cut at a fixed width, so that most prose lines stop mid-sentence;
- ``letter_spaced``: characters set apart by spaces throughout (``中 华 人 民``, ``1 9 9 7 年``);
- ``flattened``: paragraph breaks lost, the paragraphs run into one or a few huge lines and only
  their indents remain inside the line (``……。　　下一段``);
- ``html``: a raw HTML page or a transcript that keeps its tags;
- ``escaped_breaks``: a file serialised wrongly, whose line breaks are the two characters
  ``\\r\\n`` (or ``\\n``, ``\\t``) instead of a break: the escapes stand between words
  (``任务。\\r\\n二、``), often a whole report on one physical line. They are line breaks,
  not text nor garbage; ``ESCAPED_BREAK`` finds them.

Each format is reported once per file by its own rule, and rules that judge single lines read
them in that light: a truncation rule says nothing about a line of an unpunctuated conversion, a
line-break rule nothing about a hard-wrapped one. Computed with ``doc.facts(Layout)``.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import INLINE_INDENT
from doclint.rules.structure import lines

_SENTENCE_END_MARKS = "。！？!?；;"
_CLAUSE_MARKS = "，、,"
_LINE_END_MARKS = frozenset("。！？!?；;：:”’」』）)…—")
# Two visible characters (Han or digits) set apart by one space.
SPACED_PAIR = lazy_regex(r"(?<=[\p{Han}\d０-９])[ \u3000\u00a0](?=[\p{Han}\d０-９])")
_CLOSE_PAIR = lazy_regex(r"[\p{Han}\d０-９](?=[\p{Han}\d０-９])")
_TAG = lazy_regex(
    r"</?(?:p|br|div|span|strong|b|i|em|a|img|table|tr|td|th|tbody|ul|ol|li|h[1-6]|font|center|"
    r"section|article|header|footer|nav|meta|script|style|iframe)\b[^<>\n]{0,300}>",
    regex.IGNORECASE,
)
# A run of escaped breaks and tabs (\r\n, \n\n, \t): a line break written as characters.
# Counted only beside a wide character (Han, full-width punctuation), so that printf("\n") or
# a Windows path in Latin text is not one.
ESCAPED_BREAK = lazy_regex(r"(?:\\[rnt])+")

MIN_HAN = 500           # a format is judged on at least this much Han text
UNPUNCTUATED_ENDS = 0.15  # sentence ends per 100 Han characters below which text lost them
MIN_CLAUSES = 1.0         # ... while it still has this many commas per 100 Han characters
WRAP_LINES = 20           # prose lines needed to call a file hard-wrapped
WRAP_OPEN_SHARE = 0.6     # share of prose lines that stop mid-sentence
WRAP_WIDTH_SHARE = 0.5    # share of those lines within WRAP_SLACK characters of the usual width
WRAP_SLACK = 2
MIN_WRAP_WIDTH = 20       # narrower "wrapped" lines are table cells
SPACED_SHARE = 0.4        # share of adjacent character pairs set apart by a space
MIN_SPACED = 60
MIN_INDENTS = 3           # paragraph indents inside lines needed to call a file flattened
MIN_ESCAPES = 3           # escaped line breaks between words needed to call a file escaped
MIN_TAGS = 10
TAGS_PER_CHAR = 1 / 400


@dataclass(frozen=True, slots=True)
class Layout:
    """The file's format (see the module docstring), with a span that shows each one."""

    unpunctuated: Span | None = None
    hard_wrapped: Span | None = None
    letter_spaced: Span | None = None
    flattened: Span | None = None
    html: Span | None = None
    escaped_breaks: Span | None = None
    escapes: int = 0       # escaped line breaks between words (escaped_breaks)
    wrap_width: int = 0
    indents: int = 0       # paragraph indents found inside lines (flattened)
    spaced_pairs: int = 0  # character pairs set apart by a space (letter-spaced)
    sentence_ends: int = 0
    han: int = 0

    @property
    def line_structure_lost(self) -> bool:
        """Single lines do not mean what they seem: judging one line's end says nothing."""
        return bool(self.unpunctuated or self.hard_wrapped)

    @classmethod
    def from_document(cls, doc: Document) -> Layout:
        text = doc.text
        prose: list[tuple[int, int, str]] = []  # (start, end, text) of lines with Han text
        han_total = 0
        for start, line in zip(doc.index.starts, _line_texts(doc), strict=False):
            if len(line) < _WIDE_MIN_CHARS:
                continue  # blank lines, mostly
            han = _wide(line)
            if han >= 10:
                stripped = line.strip(" \t\u3000\u00a0\u200b\ufeff")
                offset = start + line.index(stripped[0]) if stripped else start
                prose.append((offset, offset + len(stripped), stripped))
                han_total += han
        joined = "".join(line for _, _, line in prose)  # counted in C by the tests below
        found: dict[str, object] = {"han": han_total}
        found.update(_html(text))
        found.update(_escaped_breaks(text))
        found.update(_flattened(prose))
        found.update(_letter_spaced(prose, joined))
        if han_total >= MIN_HAN and not found.get("flattened"):
            found.update(_unpunctuated(prose, han_total, joined))
            found.update(_hard_wrapped(prose))
        return cls(**found)  # type: ignore[arg-type]


def _line_texts(doc: Document) -> list[str]:
    """The text of every line (a last empty one after a final line break too)."""
    text = doc.text
    if "\r" in text or "\r" in doc.source:
        return [text[start:end] for _, start, end in doc.index.line_spans()]
    return text.split("\n")  # NOTE: LF breaks only (most documents): C-fast


# A line shorter than this holds fewer than 10 wide characters by ``_wide`` (a character adds 3
# bytes to its UTF-8 at most).
_WIDE_MIN_CHARS = 7


def _wide(line: str) -> int:
    """Characters of a line outside Latin and Greek: its Han characters and full-width
    punctuation, near enough for judging a format (20 times faster than matching \\p{Han})."""
    return (len(line.encode("utf-8")) - len(line)) // 2


def _html(text: str) -> dict[str, object]:
    if "<" not in text:
        return {}  # no tag (a C-fast test first)
    first = _TAG.search(text)
    if first is None:
        return {}
    count = sum(1 for _ in _TAG.finditer(text))
    if count >= MIN_TAGS and count >= len(text) * TAGS_PER_CHAR:
        return {"html": Span(first.start(), first.end())}
    return {}


def escaped_breaks(text: str) -> Iterator[Span]:
    """The runs of escaped line breaks that stand between words (see ``ESCAPED_BREAK``)."""
    if "\\" not in text:
        return
    for match in ESCAPED_BREAK.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if _wide(before) or _wide(after):
            yield Span(start, end)


def _escaped_breaks(text: str) -> dict[str, object]:
    first: Span | None = None
    count = 0
    for span in escaped_breaks(text):
        count += 1
        first = first or span
    if count >= MIN_ESCAPES:
        return {"escaped_breaks": first, "escapes": count}
    return {}


def _flattened(prose: list[tuple[int, int, str]]) -> dict[str, object]:
    indents = 0
    first: Span | None = None
    for start, _, line in prose:
        if not (" " in line or "\u3000" in line or "\t" in line or "\u00a0" in line):
            continue  # no run of spaces, no indent (the same test, in C)
        for match in INLINE_INDENT.finditer(line):
            indents += 1
            if first is None:
                first = Span(start + match.start(), start + match.end())
    # More paragraph breaks hidden inside lines than kept between them.
    if indents >= MIN_INDENTS and indents >= len(prose):
        return {"flattened": first, "indents": indents}
    return {}


def _letter_spaced(prose: list[tuple[int, int, str]], joined: str) -> dict[str, object]:
    spaces = joined.count(" ") + joined.count("\u3000")
    if spaces < MIN_SPACED or spaces < SPACED_SHARE * sum(_wide(line) for _, _, line in prose) / 2:
        return {}  # too few spaces for every other character to be set apart
    spaced = close = 0
    first: Span | None = None
    for start, _, line in prose:
        for match in SPACED_PAIR.finditer(line):
            spaced += 1
            if first is None:
                first = Span(start + match.start() - 1, start + match.end() + 1)
        close += len(_CLOSE_PAIR.findall(line))
    if spaced >= MIN_SPACED and spaced >= SPACED_SHARE * (spaced + close):
        return {"letter_spaced": first, "spaced_pairs": spaced}
    return {}


def _unpunctuated(prose: list[tuple[int, int, str]], han: int, joined: str) -> dict[str, object]:
    # NOTE: both are classes of single characters: str.count over the lines joined is exact
    # and several times faster than a findall per line.
    ends = 0
    for mark in _SENTENCE_END_MARKS:
        ends += joined.count(mark)
        if ends >= UNPUNCTUATED_ENDS * han / 100:
            return {}  # punctuated (in most files the 。 alone tell)
    clauses = sum(joined.count(mark) for mark in _CLAUSE_MARKS)
    if clauses >= MIN_CLAUSES * han / 100:
        start, end, _ = max(prose, key=lambda p: p[1] - p[0])
        return {"unpunctuated": Span(start, end), "sentence_ends": ends}
    return {}


def _hard_wrapped(prose: list[tuple[int, int, str]]) -> dict[str, object]:
    # A résumé's entries are rows of a list, of one width and without stops, not wrapped prose.
    prose = [row for row in prose if lines.resume_date_at(row[2], 0) is None]
    if len(prose) < WRAP_LINES:
        return {}
    # NOTE: a line holds no line break, so a line end is its last character.
    open_lines = [(s, e, line) for s, e, line in prose
                  if not (line and line[-1] in _LINE_END_MARKS)]
    if len(open_lines) < WRAP_OPEN_SHARE * len(prose):
        return {}
    # Wrapped prose carries its commas on most lines; rows of a list or table do not.
    with_clauses = sum(1 for _, _, line in open_lines
                       if any(mark in line for mark in _CLAUSE_MARKS))
    if with_clauses < WRAP_OPEN_SHARE * len(open_lines):
        return {}
    widths = collections.Counter(len(line) for _, _, line in open_lines)
    width = max(widths, key=lambda w: (sum(widths[w + d] for d in range(-WRAP_SLACK,
                                                                          WRAP_SLACK + 1)), w))
    near = sum(widths[width + d] for d in range(-WRAP_SLACK, WRAP_SLACK + 1))
    if width < MIN_WRAP_WIDTH or near < WRAP_WIDTH_SHARE * len(open_lines):
        return {}
    start, end, _ = open_lines[0]
    return {"hard_wrapped": Span(start, end), "wrap_width": width}
