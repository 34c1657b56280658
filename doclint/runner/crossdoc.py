"""The archive phase: combine the facts, then position the findings.

Every rule's findings are gathered first; then each document a finding is in, or a related
span points into, is read again once, in input order, and dropped once its positions are
taken. So the phase holds one document at a time, and a .tar.gz is re-read in one forward
pass. A related span in another file is positioned against that file's own lines.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from doclint.core.diagnostic import Diagnostic, Finding, RelatedLocation, Severity
from doclint.core.document import Document, Position, Span
from doclint.core.linter import to_diagnostics
from doclint.core.rule import ArchiveRule
from doclint.runner.engine import Engine, source_lines

LOG = logging.getLogger(__name__)
Lines = dict[str, dict[int, str]]


def archive_phase(engine: Engine, facts: Mapping[str, list[tuple[str, Any]]],
                  reread: Callable[[str], Document]) -> tuple[list[Diagnostic], Lines]:
    """The diagnostics of the archive rules whose facts are given, and their source lines."""
    order: dict[str, int] = {}
    for items in facts.values():
        for path, _ in items:
            order.setdefault(path, len(order))
    found: dict[str, list[tuple[type[ArchiveRule], Severity, Finding]]] = defaultdict(list)
    elsewhere: dict[str, set[Span]] = defaultdict(set)
    for code, items in facts.items():
        entry = engine.catalogue.get(code)
        if entry is None:
            continue
        rule = engine.instance(entry)  # type: ignore[arg-type]
        assert isinstance(rule, ArchiveRule)
        severity = engine.severity_of(entry)  # type: ignore[arg-type]
        for path, finding in rule.combine(items):
            found[path].append((type(rule), severity, finding))
            for related in finding.related:
                if related.path and related.path != path:
                    elsewhere[related.path].add(related.span)
    where: dict[tuple[str, Span], tuple[Position, Position]] = {}
    diagnostics: list[Diagnostic] = []
    lines: Lines = {}
    for path in sorted(found.keys() | elsewhere.keys(), key=lambda p: (order.get(p, -1), p)):
        try:
            doc = reread(path)
        except Exception as exc:
            LOG.warning("%s: cannot read it again for the archive rules (%s); its %d "
                        "finding(s) are left out", path, exc, len(found.get(path, ())))
            found.pop(path, None)
            continue
        for span in elsewhere.get(path, ()):
            where[path, span] = (doc.position(span.start), doc.position(span.end))
        own: list[Diagnostic] = []
        for rule_class, severity, finding in found.get(path, ()):
            own.extend(to_diagnostics(doc, rule_class, severity, [finding]))
        if path in found:
            lines[path] = source_lines(doc, own)
            diagnostics.extend(own)
    diagnostics = [_relocated(d, where) for d in diagnostics]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, lines


def _relocated(diag: Diagnostic, where: Mapping[tuple[str, Span], tuple[Position, Position]]
               ) -> Diagnostic:
    """``diag`` with its related spans in other files positioned by those files' lines."""
    if all(r.path == diag.path for r in diag.related):
        return diag
    related: list[RelatedLocation] = []
    for rel in diag.related:
        spot = where.get((rel.path, rel.span)) if rel.path != diag.path else None
        related.append(dataclasses.replace(rel, start=spot[0], end=spot[1]) if spot else rel)
    return dataclasses.replace(diag, related=tuple(related))
