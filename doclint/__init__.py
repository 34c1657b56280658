"""doclint: a data-quality linter for Chinese government documents."""

from __future__ import annotations

from doclint.core import (
    Applicability,
    ArchiveRule,
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Maturity,
    Message,
    Option,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.plugins.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "ArchiveRule",
    "Category",
    "Document",
    "Edit",
    "Example",
    "Examples",
    "Finding",
    "Fix",
    "Maturity",
    "Message",
    "Option",
    "Related",
    "Rule",
    "Severity",
    "Span",
    "__version__",
    "hookimpl",
]
