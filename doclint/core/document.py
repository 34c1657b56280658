"""The document model: decoded text, a line index and a per-document cache of shared facts."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, TypeVar

from doclint.core import memo
from doclint.core.lazyregex import lazy_re

_LINE_BREAK = lazy_re(r"\r\n?|\n")


class Position(NamedTuple):
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of offsets into ``Document.text``.

    A named tuple rather than a dataclass: rules create tens of thousands of them per
    megabyte, and tuple construction is several times cheaper.
    """

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: its number, its span without the line break, and the break itself."""

    number: int
    span: Span
    newline: str


class LineIndex:
    """Maps offsets to positions by bisecting over line starts (as ruff's LineIndex does).

    Line breaks are LF, CRLF and CR. ``Line`` objects are built only when asked for:
    positioning a diagnostic needs only the list of line starts.
    """

    __slots__ = ("_breaks", "_length", "_lines", "_spans", "_starts")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._lines: tuple[Line, ...] | None = None
        self._spans: list[tuple[int, int, int]] | None = None
        if "\r" not in text:
            # NOTE: str.split is C-speed; most documents have LF endings only.
            starts = [0]
            offset = 0
            for part in text.split("\n")[:-1]:
                offset += len(part) + 1
                starts.append(offset)
            breaks = ["\n"] * (len(starts) - 1)
        else:
            starts, breaks = [0], []
            for match in _LINE_BREAK.finditer(text):
                starts.append(match.end())
                breaks.append(match.group())
        if len(starts) > 1 and starts[-1] == len(text):
            # Text ends with a line break: the empty remainder is not a line of its own.
            starts.pop()
        else:
            breaks.append("")
        self._starts = starts
        self._breaks = breaks

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self._starts, offset) - 1
        return Position(index + 1, offset - self._starts[index] + 1)

    def line_spans(self) -> Iterator[tuple[int, int, int]]:
        """``(number, start, end)`` of every line, without building ``Line`` objects."""
        if self._spans is None:
            # NOTE: made once (at C speed) for the several extractors that walk every line.
            self._spans = list(zip(range(1, len(self._starts) + 1), self._starts, self._ends(),
                                   strict=True))
        return iter(self._spans)

    def _ends(self) -> list[int]:
        """Where each line ends, before its line break."""
        starts, breaks = self._starts, self._breaks
        # breaks has one entry per line: the last line's may be "" (no final break).
        ends = [start - len(brk) for start, brk in zip(starts[1:], breaks, strict=False)]
        ends.append(self._length - len(breaks[-1]))
        return ends

    @property
    def starts(self) -> list[int]:
        """Offsets where lines start (do not modify)."""
        return self._starts

    @property
    def breaks(self) -> list[str]:
        """Each line's line break, "" for a last line without one (do not modify)."""
        return self._breaks

    def line_of(self, offset: int) -> Line:
        index = bisect.bisect_right(self._starts, offset) - 1
        if self._lines is not None or index < 0:
            return self.lines[index]
        # NOTE: one Line built, not one per line of the document (a rule that fixes a few
        # lines of a long document asks for a few).
        starts, breaks = self._starts, self._breaks
        end = starts[index + 1] - len(breaks[index]) if index + 1 < len(starts) \
            else self._length - len(breaks[-1])
        return Line(index + 1, Span(starts[index], end), breaks[index])

    @property
    def lines(self) -> tuple[Line, ...]:
        if self._lines is None:
            self._lines = tuple(Line(number, Span(start, end), brk) for number, (start, end, brk)
                                in enumerate(zip(self._starts, self._ends(), self._breaks,
                                                 strict=True), start=1))
        return self._lines

    def __len__(self) -> int:
        return len(self._starts)


T = TypeVar("T")


class Extractor(Protocol[T]):
    """Anything with ``from_document``: a class whose instance is computed once per document."""

    @classmethod
    def from_document(cls, doc: Document) -> T: ...


@dataclass(eq=False)
class Document:
    """A decoded document.

    ``source`` is the text as read; ``text`` is what rules check: the same length and the same
    line breaks, with regions a reader excludes (Markdown code blocks, front matter) blanked
    to spaces, so every offset means the same character in both.
    """

    path: str
    source: str
    text: str = ""
    encoding: str = "utf-8"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    # Suppression comments (``doclint.core.suppress.Directive``) a reader found in the source.
    directives: tuple[Any, ...] = ()
    # Text that masking rules remove as a whole, once the document rules have run
    # (``doclint.core.linter.Masks``): archive rules collect nothing inside it.
    masked: Any = field(default=None, init=False, repr=False)
    _index: LineIndex | None = field(default=None, init=False, repr=False)
    _facts: dict[type, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.source
        if len(self.text) != len(self.source):
            raise ValueError("Document.text must have the same length as Document.source")

    @classmethod
    def from_text(cls, text: str, path: str = "<string>", **kwargs: Any) -> Document:
        return cls(path=path, source=text, **kwargs)

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.source)
        return self._index

    def position(self, offset: int) -> Position:
        return self.index.position(offset)

    def lines(self) -> Iterator[Line]:
        return iter(self.index.lines)

    def line_text(self, line: Line) -> str:
        return self.text[line.span.start : line.span.end]

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def newline(self) -> str:
        """The most common line break of the document ('\\n' when it has none; of breaks
        equally common, the first to occur)."""
        if "\r" not in self.source:
            return "\n"  # NOTE: no Line objects built: most documents break lines with LF only
        counts: dict[str, int] = {}
        for brk in self.index.breaks:
            if brk:
                counts[brk] = counts.get(brk, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else "\n"

    def release(self) -> None:
        """Drop the shared facts and the masks: for the runner, once the document is checked.

        Some facts refer back to the document, a reference cycle that only the cyclic garbage
        collector frees, a whole document's objects at a time (its runs were a tenth of the
        CPU time of a run). Dropped here, they are freed at once by reference counting. The
        answers the line tests kept for it go too (``doclint.core.memo``).
        """
        self._facts.clear()
        self.masked = None
        memo.forget()  # the answers kept for this document's lines (doclint.core.memo)

    def facts(self, extractor: type[Extractor[T]]) -> T:
        """Return ``extractor.from_document(self)``, computed once and shared by every rule."""
        try:
            return self._facts[extractor]  # type: ignore[no-any-return]
        except KeyError:
            value = extractor.from_document(self)
            self._facts[extractor] = value
            return value
