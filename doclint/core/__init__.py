"""The core: document model, diagnostics, the rule API, registry, config and linter."""

from __future__ import annotations

# First: importing it serves every later doclint dataclass's code (doclint.core.dataclasscode).
from doclint.core import dataclasscode  # noqa: F401
from doclint.core.diagnostic import (
    Applicability,
    Category,
    Diagnostic,
    Edit,
    FileInfo,
    FileResult,
    Finding,
    Fix,
    Message,
    Related,
    RelatedLocation,
    Severity,
)
from doclint.core.document import Document, Line, LineIndex, Position, Span
from doclint.core.rule import ArchiveRule, Example, Examples, Maturity, Option, Rule

__all__ = [
    "Applicability",
    "ArchiveRule",
    "Category",
    "Diagnostic",
    "Document",
    "Edit",
    "Example",
    "Examples",
    "FileInfo",
    "FileResult",
    "Finding",
    "Fix",
    "Line",
    "LineIndex",
    "Maturity",
    "Message",
    "Option",
    "Position",
    "Related",
    "RelatedLocation",
    "Rule",
    "Severity",
    "Span",
]
