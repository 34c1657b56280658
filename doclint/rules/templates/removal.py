"""Fixes that delete injected text, taking the whole line with it when nothing else is on it."""

from __future__ import annotations

from doclint.core import Document, Edit, Fix, Message, Span
from doclint.core.diagnostic import Applicability

_LINE_SPACE = " \t\u3000\u00a0\u200b\ufeff"


def removal_span(doc: Document, span: Span) -> Span:
    """``span`` widened to whole lines (with one line break) when it is alone on its lines."""
    text = doc.text
    first = doc.index.line_of(span.start)
    last = doc.index.line_of(max(span.start, span.end - 1))
    before = text[first.span.start : span.start]
    after = text[span.end : last.span.end]
    if before.strip(_LINE_SPACE) or after.strip(_LINE_SPACE):
        return span
    if last.newline:
        return Span(first.span.start, last.span.end + len(last.newline))
    if first.number > 1:
        previous = doc.index.lines[first.number - 2]
        return Span(previous.span.end, last.span.end)
    return Span(first.span.start, last.span.end)


def removal_fix(doc: Document, span: Span, what: Message,
                applicability: Applicability | bool = Applicability.UNSAFE) -> Fix:
    """Delete ``span`` (or its lines, see :func:`removal_span`)."""
    title = Message(f"删除{what.zh}", f"Delete the {what.en}")
    return Fix((Edit(removal_span(doc, span), ""),), title, applicability)
