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


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits with a title; ``safe`` fixes may be applied unasked."""

    edits: tuple[Edit, ...]
    title: Message
    safe: bool = True


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
    # Source text of the lines the diagnostics touch, for snippets (texts are not kept).
    lines: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def path(self) -> str:
        return self.info.path

