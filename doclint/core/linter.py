"""Run rules over one document and turn findings into positioned diagnostics."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from doclint.core.anchors import admitted
from doclint.core.budget import RuleClock, RuleTimeout
from doclint.core.diagnostic import (
    Applicability,
    Diagnostic,
    Finding,
    Fix,
    Message,
    Related,
    RelatedLocation,
    Severity,
)
from doclint.core.document import Document, Span
from doclint.core.fixes import disjoint_edits, guard_figures, native_newlines
from doclint.core.rule import Rule, RuleMeta

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule instance with the severity the configuration gives it."""

    rule: Rule
    severity: Severity


def lint_document(doc: Document, rules: Sequence[ActiveRule],
                  maskers: Sequence[Rule] = (), budget: float | None = None, *,
                  gated: bool = True) -> tuple[list[Diagnostic], list[str]]:
    """Return the document's diagnostics (sorted) and a message per crashed rule.

    A crashing rule never stops the others: its exception becomes one line in ``crashes``.
    With a ``budget`` (seconds), a rule that runs longer than that on this document is
    stopped and reported the same way (see :mod:`doclint.core.budget`).
    Findings inside text that a masking rule removes as a whole are dropped; ``maskers`` are
    masking rules that are not selected but still mark that text.
    With ``gated`` (the default), a rule none of whose anchors occurs in the document is not
    run (see :mod:`doclint.core.anchors`); ``gated=False`` runs every rule given (the tests, and
    the engine, which gates rules before it imports them).
    """
    crashes: list[str] = []
    results: list[tuple[ActiveRule | None, Rule, list[Finding]]] = []
    todo = [*((a.rule, a) for a in rules), *((m, None) for m in maskers)]
    if gated:
        runs = admitted(doc.text, [rule.anchors for rule, _ in todo])
        todo = [item for item, run in zip(todo, runs, strict=True) if run]
    with RuleClock(budget) as clock:
        for rule, active in todo:
            try:
                try:
                    clock.start(rule.code)
                    findings = list(rule.check(doc))
                    for finding in findings:
                        check_span(doc, finding.span)
                finally:
                    clock.stop()
            except RuleTimeout as exc:
                LOG.debug("rule %s stopped on %s", rule.code, doc.path, exc_info=True)
                if active is not None:
                    crashes.append(str(exc))
                continue
            except Exception as exc:
                LOG.debug("rule %s crashed on %s", rule.code, doc.path, exc_info=True)
                if active is not None:
                    crashes.append(f"rule {rule.code} crashed: {type(exc).__name__}: {exc}")
                continue
            results.append((active, rule, findings))
    masks = Masks((rule.code, finding) for _, rule, findings in results if rule.masks
                  for finding in findings)
    doc.masked = masks
    diagnostics: list[Diagnostic] = []
    for active, rule, findings in results:
        if active is None:
            continue
        if masks:
            exempt = (rule.code, *rule.unmasked_by)
            findings = [f for f in findings if not masks.covers(f.span, exempt)]
        limit = rule.group_after
        if limit is not None and len(findings) > limit:
            findings = [group_findings(findings)]
        diagnostics.extend(to_diagnostics(doc, type(rule), active.severity, findings))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, crashes


class Masks:
    """Text that masking rules remove as a whole: each finding's span and its fix's deletions,
    merged per rule, so that a rule's own findings are never masked by itself."""

    def __init__(self, found: Iterable[tuple[str, Finding]]) -> None:
        by_rule: dict[str, list[tuple[int, int]]] = {}
        for code, finding in found:
            spans = by_rule.setdefault(code, [])
            spans.append((finding.span.start, finding.span.end))
            if finding.fix is not None:
                spans.extend((e.span.start, e.span.end) for e in finding.fix.edits
                             if not e.replacement and e.span.end > e.span.start)
        self._merged = {code: _merge(spans) for code, spans in by_rule.items()}
        # NOTE: asked once per paragraph by some rules; the masks never change once made.
        self._any = bool(self._merged)

    def __bool__(self) -> bool:
        return self._any

    def covers(self, span: Span, exempt: tuple[str, ...]) -> bool:
        """Whether ``span`` lies inside text that a rule not in ``exempt`` removes."""
        for owner, (starts, ends) in self._merged.items():
            if owner in exempt:
                continue
            index = bisect.bisect_right(starts, span.start) - 1
            if index >= 0 and span.end <= ends[index] and span.start < ends[index]:
                return True
        return False


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping ``(starts, ends)`` covering ``spans``."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


GROUP_RELATED_SHOWN = 20
_ANOTHER = Message("同一问题的又一处", "another occurrence")


def group_findings(findings: Sequence[Finding]) -> Finding:
    """One finding for many of the same kind: the first, the others as related spans, and
    one fix made of every fix's edits (when each occurrence has a fix)."""
    ordered = sorted(findings, key=lambda f: f.span)
    first, count = ordered[0], len(ordered)
    message = Message(
        f"{first.message.zh}（本文档共{count}处同类问题，其余见相关位置）",
        f"{first.message.en} ({count} occurrences in this document; the others are related)",
    )
    related = tuple(Related(f.span, _ANOTHER) for f in ordered[1 : 1 + GROUP_RELATED_SHOWN])
    fix = None
    if all(f.fix is not None for f in ordered):
        edits = disjoint_edits(e for f in ordered for e in f.fix.edits)  # type: ignore[union-attr]
        title = Message(f"修复全部{count}处", f"Fix all {count}")
        least = min((f.fix.applicability for f in ordered),  # type: ignore[union-attr]
                    key=lambda a: a.rank, default=Applicability.SAFE)
        fix = Fix(edits, title, least)
    return Finding(first.span, message, related, fix)


def check_span(doc: Document, span: Span) -> None:
    """Reject a span outside the document or reversed: a rule bug, reported as its crash."""
    if not 0 <= span.start <= span.end <= len(doc.text):
        raise ValueError(f"invalid span {span.start}..{span.end} (document has {len(doc.text)} chars)")


def to_diagnostics(
    doc: Document, rule: type[RuleMeta], severity: Severity, findings: Iterable[Finding]
) -> Iterable[Diagnostic]:
    for finding in findings:
        yield Diagnostic(
            path=doc.path,
            code=rule.code,
            name=rule.name,
            category=rule.category,
            severity=severity,
            message=finding.message,
            span=finding.span,
            start=doc.position(finding.span.start),
            end=doc.position(finding.span.end),
            related=tuple(locate(doc, r) for r in finding.related),
            fix=None if finding.fix is None else _prepared(doc, finding.fix),
            origin=rule.origin,
        )


def _prepared(doc: Document, fix: Fix) -> Fix:
    """A rule's fix as the core hands it out: demoted when it touches a figure, and writing
    line breaks the way the document does (a CRLF file gets CRLF)."""
    fix = guard_figures(doc.source, fix)
    if "\r" in doc.source and any("\n" in e.replacement for e in fix.edits):
        fix = native_newlines(fix, doc.newline)
    return fix


def locate(doc: Document, related: Related) -> RelatedLocation:
    """Position a related span; spans in another file are positioned by the caller's index."""
    return RelatedLocation(
        path=related.path or doc.path,
        span=related.span,
        start=doc.position(related.span.start),
        end=doc.position(related.span.end),
        note=related.note,
    )
