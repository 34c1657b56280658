"""Severity, categories, messages, fixes, and what rules and the linter produce."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from doclint.core.document import Position, Span


class Severity(enum.IntEnum):
    """How serious a diagnostic is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


class Category(str, enum.Enum):
    """The fixed category vocabulary; every rule has exactly one."""

    YEAR_PLACEHOLDER = "year-placeholder"
    YEAR_CONTRADICTION = "year-contradiction"
    ANACHRONISM = "anachronism"
    DATE_INVALID = "date-invalid"
    TITLE_DUPLICATE = "title-duplicate"
    TITLE_SEQUENCE = "title-sequence"
    TRUNCATION = "truncation"
    BROKEN_LINE = "broken-line"
    INJECTED_BOILERPLATE = "injected-boilerplate"
    PLACEHOLDER = "placeholder"
    MISSING_UNIT = "missing-unit"
    MIXED_WIDTH = "mixed-width"
    SPACING = "spacing"
    CASE = "case"
    ENTITY_MIX = "entity-mix"
    ARITHMETIC = "arithmetic"
    PUNCTUATION = "punctuation"
    NUMBER_FORMAT = "number-format"
    DUPLICATE_TEXT = "duplicate-text"
    ENCODING = "encoding"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


CATEGORY_NAMES = frozenset(c.value for c in Category)


@dataclass(frozen=True, slots=True)
class Message:
    """A message in both languages. Templates use ``str.format`` fields."""

    zh: str
    en: str

    def format(self, **args: object) -> Message:
        return Message(self.zh.format(**args), self.en.format(**args))

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` with ``replacement``."""

    span: Span
    replacement: str


class Applicability(str, enum.Enum):
    """How far a fix may be trusted (ruff's ``Applicability``).

    - ``SAFE``: keeps the meaning; ``doclint check --fix`` applies it.
    - ``UNSAFE``: probably right, but may remove or change something the author meant;
      applied only with ``--unsafe-fixes``.
    - ``SUGGESTION``: shown, never applied by the command line (ruff's "display only").
      Every fix that touches a figure (number, date, year, name) is at most a suggestion.
    """

    SUGGESTION = "suggestion"
    UNSAFE = "unsafe"
    SAFE = "safe"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: object) -> Applicability:
        """An Applicability from itself, its name, or a bool (the old ``safe`` flag)."""
        if isinstance(value, Applicability):
            return value
        if isinstance(value, bool):
            return cls.SAFE if value else cls.UNSAFE
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(f"unknown fix applicability {value!r} "
                             "(expected safe, unsafe or suggestion)") from None

    def __str__(self) -> str:
        return self.value


_RANK = {Applicability.SUGGESTION: 0, Applicability.UNSAFE: 1, Applicability.SAFE: 2}
SAFE, UNSAFE, SUGGESTION = Applicability.SAFE, Applicability.UNSAFE, Applicability.SUGGESTION


@dataclass(frozen=True, slots=True, init=False)
class Fix:
    """Non-overlapping edits, a title, and how far they may be trusted.

    ``Fix(edits, title, SAFE)``. The third argument also takes the old ``safe`` bool
    (``True`` -> SAFE, ``False`` -> UNSAFE), and so does the keyword ``safe=``. A fix that
    does not say is UNSAFE: only a fix its author declared safe is applied unasked.
    """

    edits: tuple[Edit, ...]
    title: Message
    applicability: Applicability

    def __init__(self, edits: tuple[Edit, ...], title: Message,
                 applicability: Applicability | bool | str = Applicability.UNSAFE, *,
                 safe: bool | None = None) -> None:
        object.__setattr__(self, "edits", tuple(edits))
        object.__setattr__(self, "title", title)
        chosen = applicability if safe is None else safe
        object.__setattr__(self, "applicability", Applicability.parse(chosen))

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def applies(self, unsafe: bool = False) -> bool:
        """Whether ``--fix`` applies this fix (with ``--unsafe-fixes`` when ``unsafe``)."""
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE

    def with_applicability(self, applicability: Applicability) -> Fix:
        return Fix(self.edits, self.title, applicability)


@dataclass(frozen=True, slots=True)
class Related:
    """A secondary span a diagnostic points at (the first copy, an operand ...)."""

    span: Span
    note: Message
    path: str | None = None  # another file's span (archive rules); None = the same document


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a span, a formatted message, related spans and a fix."""

    span: Span
    message: Message
    related: tuple[Related, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    """A related span resolved to positions (and possibly another file)."""

    path: str
    span: Span
    start: Position
    end: Position
    note: Message


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What the core emits: a finding resolved to a file, positions and rule metadata."""

    path: str
    code: str
    name: str
    category: Category
    severity: Severity
    message: Message
    span: Span
    start: Position
    end: Position
    related: tuple[RelatedLocation, ...] = ()
    fix: Fix | None = None
    origin: str = "builtin"

    def sort_key(self) -> tuple[str, int, int, str, int]:
        return (self.path, self.start.line, self.start.column, self.code, self.span.end)


@dataclass(frozen=True, slots=True)
class FileInfo:
    """Facts about one input file, reported in JSON output."""

    path: str
    encoding: str | None = None
    sha256: str | None = None
    chars: int = 0
    newline: str | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """All diagnostics for one file, plus a read error or rule crashes if any."""

    info: FileInfo
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    crashes: tuple[str, ...] = field(default=())
    # Suppression comments of the document (doclint.core.suppress.Directive), applied by the
    # runner after the cache, with the ignore file and the baseline.
    directives: tuple[Any, ...] = ()
    # What the run should say about the file without it being an error (a large document
    # checked in windows, with the rules skipped for its size).
    notes: tuple[str, ...] = ()
    # Source text of the lines the diagnostics touch, for snippets (texts are not kept).
    lines: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def path(self) -> str:
        return self.info.path

