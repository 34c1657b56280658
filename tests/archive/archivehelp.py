"""Helpers for archive-rule tests: run rules the way the engine does (collect, then combine)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from doclint.core import Document, Finding, Span
from doclint.rules.archive.base import split_example
from doclint.testing import default_registry

Where = tuple[int, int, int, int]
# Common Han characters for made-up text: long enough documents without copying real ones.
HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
       "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
       "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
       "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想")


def document(path: str, text: str) -> Document:
    return Document(path=path, source=text, settings={"year": None, "era_markers": []})


def run(code: str, docs: Mapping[str, str], **options: Any) -> list[tuple[str, Finding]]:
    """The findings of archive rule ``code`` over ``docs`` (path -> text), in yield order."""
    rule = default_registry().get(code)(**options)  # type: ignore[misc]
    facts = [(path, rule.collect(document(path, text))) for path, text in docs.items()]
    return list(rule.combine(facts))


def where(text: str, span: Span) -> Where:
    doc = document("<x>", text)
    start, end = doc.position(span.start), doc.position(span.end)
    return (start.line, start.column, end.line, end.column)


def positioned(code: str, docs: Mapping[str, str], **options: Any) -> list[dict[str, Any]]:
    """Findings with every span positioned in its own document: what the engine should print."""
    found = []
    for path, finding in run(code, docs, **options):
        found.append({
            "path": path, "at": where(docs[path], finding.span), "message": finding.message.zh,
            "en": finding.message.en,
            "related": [(r.path, where(docs[r.path or path], r.span), r.note.zh)
                        for r in finding.related]})
    return found


def example_docs(text: str) -> dict[str, str]:
    return dict(split_example(text))


def made_up(seed: int, chars: int, line: int = 60) -> str:
    """``chars`` Han characters of made-up text in lines of ``line``, each ending in 。"""
    rng = random.Random(seed)
    body = "".join(rng.choice(HAN) for _ in range(chars))
    return "".join(body[i : i + line] + "。\n" for i in range(0, chars, line))


def edited(text: str, seed: int, share: float) -> str:
    """``text`` with about ``share`` of its Han characters replaced."""
    rng = random.Random(seed)
    chars = list(text)
    for i, char in enumerate(chars):
        if char in HAN and rng.random() < share:
            chars[i] = rng.choice(HAN)
    return "".join(chars)
