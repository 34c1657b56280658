"""Suppressions: Markdown comment directives and the anchor that fingerprints a finding.

Two things live here because everything else builds on them:

- ``Directive``: one ``<!-- doclint-… CODES -->`` comment, parsed by the Markdown reader
  (syntax only; codes are checked against the registry by the runner), and
  ``DirectiveSet.apply``, which hides what the directives of one document cover.
- ``anchor``: *the* fingerprint of a diagnostic, shared by ignore-file entries and the
  baseline. It is the rule code, the matched text and a little text on each side of it on
  the same line, never a line number, so inserting or deleting text elsewhere leaves it alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from doclint.core.diagnostic import Diagnostic
from doclint.core.document import LineIndex, Position
from doclint.core.lazyregex import lazy_regex

KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
# A doclint comment: ``<!-- doclint-KIND CODES [-- reason] -->``.
COMMENT = lazy_regex(r"<!--[ \t]*doclint-(?P<kind>[A-Za-z-]*)(?P<body>.*?)-->", regex.S)
_SEPARATORS = lazy_regex(r"[\s,]+")
CONTEXT = 10  # characters of context kept on each side of a finding's text
MAX_TEXT = 60  # characters of a finding's text kept (a long span keeps its start)


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: its kind, its codes and where it stands (1-based).

    ``error`` is set when the comment cannot be obeyed (no codes, an unknown kind); such a
    directive hides nothing.
    """

    kind: str
    codes: tuple[str, ...]
    start: Position
    end: Position  # just after the closing ``-->``
    text: str
    error: str | None = None

    def with_codes(self, codes: tuple[str, ...], error: str | None = None) -> Directive:
        return Directive(self.kind, codes, self.start, self.end, self.text, error)


def parse_directives(text: str, index: LineIndex) -> list[tuple[int, int, Directive]]:
    """Every ``<!-- doclint-… -->`` comment of ``text``: ``(start, end, directive)``.

    The caller passes text whose code blocks are blanked, so a comment shown as an example
    inside code is not obeyed.
    """
    found = []
    for match in COMMENT.finditer(text):
        kind = match.group("kind")
        body, _, _reason = match.group("body").partition(" --")
        codes = tuple(c for c in _SEPARATORS.split(body.strip()) if c)
        comment = " ".join(match.group().split())
        start, end = index.position(match.start()), index.position(match.end())
        error = None
        if kind not in KINDS:
            error = (f'unknown suppression comment "doclint-{kind}" (known: '
                     + ", ".join(f"doclint-{k}" for k in KINDS) + ")")
        elif not codes and kind != "enable":
            error = (f"doclint-{kind} must name the rule codes it hides, e.g. "
                     f"<!-- doclint-{kind} Y102 -->; disabling every rule is not supported")
        found.append((match.start(), match.end(),
                      Directive(kind, codes, start, end, comment, error)))
    return found


@dataclass
class DirectiveUse:
    """How many diagnostics each code of each directive hid, for the unused report."""

    hits: dict[tuple[int, str], int]

    def unused(self, directives: Sequence[Directive]) -> Iterable[tuple[Directive, str]]:
        for number, directive in enumerate(directives):
            if directive.error is None and directive.kind != "enable":
                for code in directive.codes:
                    if not self.hits.get((number, code)):
                        yield directive, code


def apply_directives(diagnostics: Iterable[Diagnostic], directives: Sequence[Directive],
                     use: DirectiveUse | None = None) -> tuple[list[Diagnostic], int]:
    """The diagnostics no directive covers, and how many were hidden.

    ``directives`` hold canonical rule codes (the runner resolves names). ``use`` counts
    hits per directive and code. A diagnostic is matched by its code or its rule name.
    """
    ranges = _ranges(directives)
    kept: list[Diagnostic] = []
    hidden = 0
    for diag in diagnostics:
        owner = _covering(diag, directives, ranges)
        if owner is None:
            kept.append(diag)
            continue
        hidden += 1
        if use is not None:
            use.hits[owner] = use.hits.get(owner, 0) + 1
    return kept, hidden


# (directive number, code) -> [(from, to)) position ranges of disable … enable
_Ranges = dict[tuple[int, str], tuple[Position, Position | None]]


def _ranges(directives: Sequence[Directive]) -> _Ranges:
    ranges: _Ranges = {}
    open_: dict[str, int] = {}
    for number, directive in enumerate(directives):
        if directive.error is not None:
            continue
        if directive.kind == "disable":
            for code in directive.codes:
                if code not in open_:
                    open_[code] = number
                    ranges[(number, code)] = (directive.end, None)
        elif directive.kind == "enable":
            for code in list(directive.codes or open_):
                if code in open_:
                    opened = open_.pop(code)
                    ranges[(opened, code)] = (ranges[(opened, code)][0], directive.start)
    return ranges


def _covering(diag: Diagnostic, directives: Sequence[Directive],
              ranges: _Ranges) -> tuple[int, str] | None:
    for number, directive in enumerate(directives):
        if directive.error is not None or directive.kind == "enable":
            continue
        for code in directive.codes:
            if code != diag.code:
                continue
            kind, line = directive.kind, diag.start.line
            if kind == "disable-file":
                return number, code
            if kind == "disable-next-line" and line == directive.end.line + 1:
                return number, code
            if kind == "disable-line" and directive.start.line <= line <= directive.end.line:
                return number, code
            if kind == "disable":
                begin, finish = ranges.get((number, code), (None, None))
                if begin is not None and begin <= diag.start and (finish is None
                                                                  or diag.start < finish):
                    return number, code
    return None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A finding as text: its code, the text it matched, and the line around it.

    ``line`` is the whole line the finding starts on and ``start`` the text's offset in it;
    a span running over several lines is taken to the end of its first line, and a long one
    keeps only its first ``MAX_TEXT`` characters.
    """

    code: str
    text: str
    line: str
    start: int

    @property
    def before(self) -> str:
        return self.line[max(0, self.start - CONTEXT) : self.start]

    @property
    def after(self) -> str:
        if len(self.text) >= MAX_TEXT:
            return ""
        end = self.start + len(self.text)
        return self.line[end : end + CONTEXT]

    @property
    def context(self) -> str:
        """The text with up to ``CONTEXT`` characters on each side (what an ignore entry keeps)."""
        return self.before + self.text + self.after

    def key(self) -> str:
        """The fingerprint: code, text and context; the same wherever the line moves."""
        parts = "\0".join((self.code, self.before, self.text, self.after))
        return hashlib.sha256(parts.encode("utf-8", "surrogatepass")).hexdigest()[:24]

    def matches(self, code: str, text: str, context: str | None) -> bool:
        """Whether an ignore entry (code, text, optional context) names this finding.

        The entry's context may be shorter or longer than ``CONTEXT`` (it may be written by
        hand): it matches when it stands in the line with its copy of ``text`` on this one.
        """
        if code != self.code or text != self.text:
            return False
        if not context:
            return True
        at = context.find(text)
        while at != -1:
            begin = self.start - at
            if begin >= 0 and self.line[begin : begin + len(context)] == context:
                return True
            at = context.find(text, at + 1)
        return False


def anchor(diag: Diagnostic, lines: Mapping[int, str]) -> Anchor:
    """The anchor of ``diag`` from the source lines its result carries."""
    line = lines.get(diag.start.line)
    if line is None:  # no source line kept: the message stands in for the text
        return Anchor(diag.code, diag.message.zh[:MAX_TEXT], "", 0)
    start = min(diag.start.column - 1, len(line))
    end = diag.end.column - 1 if diag.end.line == diag.start.line else len(line)
    end = max(start, min(end, len(line), start + MAX_TEXT))
    return Anchor(diag.code, line[start:end], line, start)
