"""A base for rules that find boilerplate by a table of patterns and offer to delete it."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from doclint.core import Document, Edit, Finding, Fix, Message, Related, Rule, Span
from doclint.core.anchors import add_literals
from doclint.core.candidates import Candidates
from doclint.core.diagnostic import SAFE, UNSAFE
from doclint.core.fixes import disjoint_edits
from doclint.core.lazyregex import lazy_regex
from doclint.core.prefilter import Prefilter, analyse
from doclint.core.text import shorten
from doclint.rules.templates.removal import removal_span
from doclint.rules.templates.scan import AtLineStarts, alone_on_lines, line_start

_EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\r\n"
_MARKER = "<U+00A0>"
_OPENING = "（(【["
_SITE_NAME = lazy_regex(
    r"(?:^|(?<=[\s。！？；，、：:）)】」”]))(?P<name>[\p{Han}A-Za-z0-9.]{1,6}(?:网|站|频道|114))$"
)
_SITE_REACH = 12
_SITE_ENDS = "网站道4"
SPACE = r"[^\S\r\n]"  # any white space but a line break (U+3000, U+2003 and NBSP included)
LINE = r"[^\r\n]"
NEWLINE = r"(?:\r\n|\r|\n)"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One kind of boilerplate.

    ``keys``: characters one of which every match contains (the pattern is skipped without
    them); ``kind``: the defect the match is an instance of, when several patterns find one
    defect (HTML tags and entities are both HTML markup; default ``what``); ``whole_line``: a
    match only counts when nothing else is on its lines;
    ``from_line_start``: the finding starts at the line's start (a header whose site name comes
    after the page title); ``bracketed``: an opening bracket right before the match belongs to
    it (patterns start with their literal, which keeps the scan fast); ``inline``: a match only
    counts when other text shares its line (a note that is normal on a line of its own, wrong
    inside a paragraph); ``exact``: False when the match's end is a guess (chrome glued to
    the sentence after it, with no mark between), so the fix that deletes it is not safe.
    """

    regex: regex.Pattern[str]
    what: Message
    keys: str
    kind: Message | None = None
    whole_line: bool = False
    from_line_start: bool = False
    bracketed: bool = False  # take in an opening bracket right before the match
    inline: bool = False
    exact: bool = True
    site_before: bool = False  # take in a site's name right before the match ("某某网为您…")
    # The finding's own message, when the rule's does not fit this kind (a data vendor's
    # credit is no template site's text): formatted with ``text``.
    message: Message | None = None


GROUPED = Message(
    "{what_zh}在本文档中出现{count}处，首处：“{text}”（其余见相关位置）。",
    "{what_en} occurs {count} times in this document; first: “{text}” "
    "(the others are listed as related).",
)
_RELATED_SHOWN = 10


class BoilerplateRule(Rule):
    """Reports every match of ``patterns`` (outer white space trimmed), with a deleting fix.

    When one kind of boilerplate occurs more than ``group_kind_after`` times in a document (a scrape
    that put a marker on every paragraph), it is reported once, at its first occurrence, with
    the next ones as related spans and one fix that deletes them all: one defect, one line.
    """

    abstract = True
    patterns: ClassVar[tuple[Pattern, ...]] = ()
    fix_is_safe: ClassVar[bool] = True
    masks = True  # the text is removed as a whole: nothing inside it is reported
    group_after: ClassVar[int] = 5
    # More matches of one kind than this in a document are reported once (see above).
    group_kind_after: ClassVar[int] = 5
    # Matches with nothing but white space between them are one block of boilerplate (a page
    # header: toolbar, font switcher, breadcrumb), reported and removed as one.
    merge_adjacent: ClassVar[bool] = False
    # Patterns ``active_patterns`` may use beside ``patterns`` (for the anchors below).
    extra_patterns: ClassVar[tuple[Pattern, ...]] = ()
    # Whether a pattern is also skipped unless the strings its syntax requires occur (found
    # by the document's literal scan): for keys that are common Chinese characters (位, 享,
    # 来), which most documents hold. Rare keys (<, &) decide alone, and the scan costs.
    literal_gates: ClassVar[bool] = False
    # What the syntax of each pattern proves every match holds (``_prefilters``), by pattern.
    _prefilter_of: ClassVar[dict[object, Prefilter] | None] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # Every pattern is skipped unless one of its keys occurs: the keys are the anchors.
        every = (*cls.patterns, *cls.extra_patterns)
        if "anchors" not in cls.__dict__ and every and all(p.keys for p in every):
            cls.anchors = tuple(sorted({key for p in every for key in p.keys}))
        cls._prefilter_of = None

    @classmethod
    def _prefilters(cls) -> dict[object, Prefilter]:
        """The prefilter of each pattern of the class that is a plain regular expression, made
        on first use; the strings it requires are added to the document's literal scan, so
        that testing one costs a look-up (``Candidates.occurs``)."""
        found = cls._prefilter_of
        if found is None:
            found = {}
            for pattern in (*cls.patterns, *cls.extra_patterns) if cls.literal_gates else ():
                searched = pattern.regex
                if isinstance(searched, AtLineStarts):
                    searched = searched.pattern  # its matches are some of the pattern's
                source = getattr(searched, "pattern", None)
                flags = getattr(searched, "_flags", None)  # a lazy pattern's, uncompiled
                if flags is None:
                    flags = getattr(searched, "flags", 0)
                # NOTE: the literals are case-sensitive and read from the pattern as written.
                if isinstance(source, str) and not flags & (regex.IGNORECASE | regex.VERBOSE):
                    found[pattern.regex] = prefilter = analyse(source)
                    add_literals(member for group in prefilter.required for member in group)
            cls._prefilter_of = found
        return found

    def check(self, doc: Document) -> Iterator[Finding]:
        guessed: list[Span] = []
        found_by = list(self._matches(doc, guessed))
        matches = sorted(
            (span, pattern.kind or pattern.what) for pattern, found in found_by for span in found
        )
        if self.merge_adjacent:
            matches = _blocks(doc.text, matches)
        by_kind: dict[Message, list[Span]] = {}
        for span, kind in matches:
            by_kind.setdefault(kind, []).append(span)
        own = {p.kind or p.what: p.message for p, _ in found_by if p.message is not None}
        for kind, spans in by_kind.items():
            if len(spans) > self.group_kind_after:
                safe = not any(_overlaps(g, spans) for g in guessed)
                yield self._grouped(doc, kind, spans, safe and self.fix_is_safe)
                continue
            for span in spans:
                yield self._single(doc, kind, span, not _overlaps(span, guessed), own.get(kind))

    def active_patterns(self, doc: Document) -> tuple[Pattern, ...]:
        """The patterns that apply to ``doc`` (all of them unless a rule knows better)."""
        return self.patterns

    def edit(self, doc: Document, span: Span) -> Edit:
        """The edit that removes one match: its text, or its lines when it is alone on them."""
        return Edit(removal_span(doc, span), "")

    def _single(
        self, doc: Document, kind: Message, span: Span, safe: bool, message: Message | None = None
    ) -> Finding:
        shown = " ".join(doc.text[span.start : span.end].split())
        title = Message(f"删除{kind.zh}", f"Delete the {kind.en}")
        return self.report(
            span,
            message,
            what_zh=kind.zh,
            what_en=kind.en,
            text=shorten(shown, 40),
            fix=Fix((self.edit(doc, span),), title,
                    SAFE if safe and self.fix_is_safe else UNSAFE),
        )

    def _grouped(self, doc: Document, kind: Message, found: list[Span], safe: bool) -> Finding:
        first = found[0]
        shown = " ".join(doc.text[first.start : first.end].split())
        note = Message(f"又一处{kind.zh}", f"another {kind.en}")
        related = tuple(Related(span, note) for span in found[1 : 1 + _RELATED_SHOWN])
        edits = tuple(self.edit(doc, span) for span in found)
        title = Message(f"删除全部{len(found)}处{kind.zh}", f"Delete all {len(found)} of them")
        return self.report(
            first,
            GROUPED,
            related=related,
            fix=Fix(disjoint_edits(edits), title, SAFE if safe else UNSAFE),
            what_zh=kind.zh,
            what_en=kind.en,
            count=len(found),
            text=shorten(shown, 40),
        )

    def _matches(
        self, doc: Document, guessed: list[Span]
    ) -> Iterator[tuple[Pattern, list[Span]]]:
        """Each pattern's matches; those whose extent is a guess are added to ``guessed``."""
        text = doc.text
        taken = _Taken()
        prefilters = self._prefilters()
        occurs = None
        for pattern in self.active_patterns(doc):
            # NOTE: a plain loop, not any() over a generator: it is asked of every pattern.
            for key in pattern.keys:
                if key in text:
                    break
            else:
                continue
            # The keys are single characters, most of them common: the pattern's own strings
            # (where the document's literal scan found them) decide most documents.
            prefilter = prefilters.get(pattern.regex)
            if prefilter is not None:
                if occurs is None:
                    occurs = doc.facts(Candidates).occurs
                if not prefilter.admits_known(occurs):
                    continue
            found: list[Span] = []
            for match in pattern.regex.finditer(text):
                start = (
                    line_start(text, match.start()) if pattern.from_line_start else match.start()
                )
                if pattern.bracketed and start and text[start - 1] in _OPENING:
                    start -= 1
                exact = pattern.exact
                if pattern.site_before:
                    start, exact = _site_start(text, start)
                span = _trimmed(text, start, match.end(), pattern.from_line_start)
                if span is None or (
                    pattern.whole_line and not alone_on_lines(text, span.start, span.end)
                ):
                    continue
                if pattern.inline and alone_on_lines(text, span.start, span.end):
                    continue
                if taken.claim(span):
                    found.append(span)
                    if not exact:
                        guessed.append(span)
            if found:
                yield pattern, found


def _blocks(text: str, matches: list[tuple[Span, Message]]) -> list[tuple[Span, Message]]:
    """Adjacent matches (only white space between them) merged into one block, whose kind
    names the kinds it holds ("网页工具栏、字号切换栏")."""
    blocks: list[tuple[Span, list[Message]]] = []
    for span, kind in matches:
        if blocks and not text[blocks[-1][0].end : span.start].strip(_EDGE_SPACE):
            last, kinds = blocks[-1]
            if kind not in kinds:
                kinds.append(kind)
            blocks[-1] = (Span(last.start, max(last.end, span.end)), kinds)
        else:
            blocks.append((span, [kind]))
    return [(span, _joined(kinds)) for span, kinds in blocks]


def _site_start(text: str, start: int) -> tuple[int, bool]:
    """Where a site's name ending at ``start`` begins ("人民网", "文秘114"), when the name
    follows a mark, a space or a line start; else ``start``, and whether that is sure (no
    name glued to the words before it)."""
    match = _SITE_NAME.search(text, max(0, start - _SITE_REACH), start)
    if match:
        return match.start("name"), True
    return start, not (start and text[start - 1] in _SITE_ENDS)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _joined(kinds: list[Message]) -> Message:
    if len(kinds) == 1:
        return kinds[0]
    return Message("、".join(k.zh for k in kinds), ", ".join(k.en for k in kinds))


class _Taken:
    """Spans already reported, kept sorted so an overlap test is a bisection."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def claim(self, span: Span) -> bool:
        """Record ``span`` unless it overlaps one already recorded."""
        index = bisect.bisect_left(self._starts, span.start)
        if index < len(self._starts) and self._starts[index] < span.end:
            return False
        if index and self._ends[index - 1] > span.start:
            return False
        self._starts.insert(index, span.start)
        self._ends.insert(index, span.end)
        return True


def _trimmed(text: str, start: int, end: int, markers: bool = False) -> Span | None:
    """The span without outer white space (and leading NBSP markers, when ``markers``)."""
    while start < end and (
        text[start] in _EDGE_SPACE or (markers and text.startswith(_MARKER, start))
    ):
        start += len(_MARKER) if text[start] == "<" else 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return Span(start, end) if end > start else None


