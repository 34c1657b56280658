"""The rule API: what a rule declares, and how it reports.

A rule is a class. It declares its code, name, category, default severity, a bilingual
summary and message template, its options, and examples (``bad`` must fire, ``good``
must not; the test-suite runs them). ``check`` yields findings through ``self.report``;
the core turns findings into positioned diagnostics.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from doclint.core.diagnostic import (
    Applicability,
    Category,
    Edit,
    Finding,
    Fix,
    Message,
    Related,
    Severity,
)
from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex

CODE_PATTERN = lazy_regex(r"^[A-Z]{1,2}\d{3}$")
NAME_PATTERN = lazy_regex(r"^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+$")

_MISSING = object()


class Maturity(str, enum.Enum):
    """Whether a rule is on by default (stable) or only with ``--preview`` (preview).

    A rule is stable once findings of it on documents nobody tuned it on were judged right
    at least 95% of the time (docs/precision.md); until then it is preview, the way ruff
    gates new rules.
    """

    STABLE = "stable"
    PREVIEW = "preview"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Option:
    """A rule option with a type, a default and a bilingual description."""

    type: type | tuple[type, ...]
    default: Any
    doc: str
    choices: tuple[Any, ...] = ()

    def validate(self, name: str, value: Any) -> Any:
        expected = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in expected and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (bool not in expected and isinstance(value, bool)):
            names = " or ".join(t.__name__ for t in expected)
            raise ValueError(f"option {name!r} expects {names}, got {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"option {name!r} must be one of {list(self.choices)}, got {value!r}")
        return value


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example: ``text`` and, for bad examples, what a fix makes of it."""

    text: str
    fixed: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Examples:
    bad: tuple[Example | str, ...] = ()
    good: tuple[Example | str, ...] = ()

    @staticmethod
    def as_example(item: Example | str) -> Example:
        return item if isinstance(item, Example) else Example(item)


class RuleMeta:
    """The metadata every rule (code, YAML or archive) exposes to the registry and the docs."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[Message]
    options: ClassVar[Mapping[str, Option]] = {}
    examples: ClassVar[Examples] = Examples()
    basis: ClassVar[str] = ""
    fixable: ClassVar[bool] = False
    # Plugins' rules are stable unless they say otherwise; built-in rules declare it.
    maturity: ClassVar[Maturity] = Maturity.STABLE
    origin: ClassVar[str] = "builtin"
    scope: ClassVar[str] = "document"
    # When a rule finds the same defect more than this many times in one document, the
    # linter reports it once (first occurrence, the rest as related spans, one merged fix).
    group_after: ClassVar[int | None] = None
    # A rule whose findings mark text to be removed as a whole (web chrome, template-site
    # boilerplate, licence footers, captions, page copies): the linter drops other rules'
    # findings inside that text, and runs the rule for that even when it is not selected.
    masks: ClassVar[bool] = False
    # Masking rules whose text this rule still reads (a 篇N marker is boilerplate to the
    # template-site rule and structure to the numbering rule).
    unmasked_by: ClassVar[tuple[str, ...]] = ()
    message: ClassVar[Message | None] = None  # template of findings; default: summary
    # Literal strings one of which occurs in every document the rule reports anything on
    # (see doclint/core/anchors.py): the linter does not run the rule on a document holding
    # none of them. Declare only what the rule provably cannot report without; empty: the
    # rule always runs. A rule whose anchors depend on its options sets them in __init__.
    anchors: tuple[str, ...] = ()

    def __init__(self, **options: Any) -> None:
        self.config: dict[str, Any] = {}
        for key, option in self.options.items():
            self.config[key] = option.default
        for key, value in options.items():
            if key not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                raise ValueError(f"unknown option {key!r} for {self.code} (known: {known})")
            self.config[key] = self.options[key].validate(key, value)

    @classmethod
    def description(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def report(
        self,
        span: Span,
        template: Message | None = None,
        *,
        related: Sequence[Related] = (),
        fix: Fix | None = None,
        **args: Any,
    ) -> Finding:
        """Build a finding with ``template`` (default: the rule's message) formatted by ``args``."""
        base = template or self.message or self.summary
        return Finding(span, base.format(**args) if args else base, tuple(related), fix)

    @staticmethod
    def replace(span: Span, replacement: str, title: Message,
                applicability: Applicability | bool = Applicability.UNSAFE) -> Fix:
        """A one-edit fix; ``applicability`` is SAFE, UNSAFE (the default) or SUGGESTION."""
        return Fix((Edit(span, replacement),), title, applicability)


class Rule(RuleMeta):
    """Base class of document rules. Subclasses implement :meth:`check`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or cls.__dict__.get("abstract", False):
            return
        validate_rule_class(cls)

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError


class ArchiveRule(RuleMeta):
    """A rule over many documents, shaped for map-reduce.

    ``collect`` runs where the document is (a worker process or a Dask task) and returns a
    small picklable fact; ``combine`` receives every ``(path, fact)`` in input order and yields
    ``(path, finding)`` pairs. Findings' spans refer to the named path's text.
    """

    scope: ClassVar[str] = "archive"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("abstract", False):
            validate_rule_class(cls)

    def collect(self, doc: Document) -> Any:
        raise NotImplementedError

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        raise NotImplementedError


def validate_rule_class(cls: type[RuleMeta]) -> None:
    """Raise TypeError when a rule class lacks or misdeclares its metadata."""
    where = f"{cls.__module__}.{cls.__qualname__}"
    for attr in ("code", "name", "category", "summary"):
        if getattr(cls, attr, _MISSING) is _MISSING:
            raise TypeError(f"{where} must declare {attr!r}")
    if not CODE_PATTERN.match(cls.code):
        raise TypeError(f"{where}: code {cls.code!r} is not a letter or two and three digits")
    if not NAME_PATTERN.match(cls.name):
        raise TypeError(f"{where}: name {cls.name!r} must be lower-case words joined by '-' or '.'")
    if not isinstance(cls.category, Category):
        raise TypeError(f"{where}: category must be a doclint Category")
    if not isinstance(cls.severity, Severity):
        raise TypeError(f"{where}: severity must be a doclint Severity")
    if not isinstance(cls.maturity, Maturity):
        raise TypeError(f"{where}: maturity must be a doclint Maturity")
    if not isinstance(cls.summary, Message):
        raise TypeError(f"{where}: summary must be a Message(zh=..., en=...)")
