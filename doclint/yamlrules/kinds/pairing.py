"""The pairing rule type: brackets and quotes balance within each scope unit.

A stack per unit: an opening mark is pushed; a closing mark pops its opener, and openers left
above it are reported unclosed; a closer with no opener on the stack is unopened. ``nesting``
names the inner form of a mark (“ → ‘): the same mark opened inside itself is reported (only
when both levels close), with a fix to the inner form. An opener in ``continues`` left open at
the end of a unit is fine when the next unit starts with it, after any indentation (a
quotation over several paragraphs). With ``carry: N`` an opener left open may still be closed
in the next N units: a pair split by a stray line break is a broken line, not a pairing error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import regex

from doclint.core.diagnostic import Applicability, Edit, Finding, Fix, Message
from doclint.core.document import Document, Span
from doclint.yamlrules.kinds.base import PackRule
from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.scopes import Scopes, Unit

_INDENT = " \t\u3000"  # a continued quotation may be indented (units of scope line)

PROBLEMS = {
    "unclosed": Message("没有闭合", "is never closed"),
    "unopened": Message("前面没有对应的开头", "has no opening mark"),
    "nested": Message("嵌套在同一种符号之内", "is nested inside the same mark"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    mark: str
    offset: int  # in Document.text
    closer: int | None = None  # nested: where its own closing mark is, for the fix


@dataclass(eq=False)
class _Open:
    """An opening mark on the stack; ``outer``: the same mark it is nested in."""

    mark: str
    offset: int
    unit: int  # index of the unit it was opened in
    outer: _Open | None
    pending: list[Problem] = field(default_factory=list)


class PairingRule(PackRule):
    abstract = True
    marks: ClassVar[regex.Pattern[str]]
    pair_strings: ClassVar[tuple[str, ...]]
    nest_probe: ClassVar[regex.Pattern[str] | None]  # a mark opened again before it closes

    def find(self, doc: Document) -> Iterator[Finding]:
        params = self.spec.params
        units = doc.facts(Scopes).units(self.spec.scope)
        # Document-wide answers first: most documents never nest a mark or need an exception.
        nesting = self.nest_probe is not None and self.nest_probe.search(doc.text) is not None
        if not nesting and params["check"] == {"nested"}:
            return
        exceptions = [p for p in self.spec.exceptions if p.could_match(doc.text)]
        cache: dict[int, list[tuple[int, int]]] = {}
        stack: list[_Open] = []
        found: list[Problem] = []
        for number, unit in enumerate(units):
            marks = "".join(self.marks.findall(unit.text))
            if not marks:
                continue
            stack = self._expire(stack, number, found)
            if not stack and self._quiet(unit, self._unpaired(marks), nesting, exceptions):
                continue
            self._scan(unit, number, stack, found, cache)
            following = units[number + 1] if number + 1 < len(units) else None
            stack = self._leftover(stack, following, found)
        self._expire(stack, len(units) + params["carry"] + 1, found)
        for problem in sorted(found, key=lambda p: p.offset):
            if problem.kind in params["check"]:
                yield self.finding(problem)

    def _unpaired(self, marks: str) -> str:
        while marks:
            length = len(marks)
            for pair in self.pair_strings:
                marks = marks.replace(pair, "")
            if len(marks) == length:
                break
        return marks

    def _quiet(self, unit: Unit, unpaired: str, nesting: bool,
               exceptions: list[UserPattern]) -> bool:
        """True when the unit certainly has no problem (checked at C speed, no stack walk)."""
        check = self.spec.params["check"]
        if "nested" in check and nesting and self.nest_probe is not None \
                and self.nest_probe.search(unit.text):
            return False
        if check & {"unclosed", "unopened"} and unpaired:
            return False
        # Exceptions remove marks, which can unbalance a balanced unit: look only now.
        return not any(p.found_in(unit.text) for p in exceptions)

    def _scan(self, unit: Unit, number: int, stack: list[_Open], found: list[Problem],
              cache: dict[int, list[tuple[int, int]]]) -> None:
        pairs, nesting = self.spec.params["pairs"], self.spec.params["nesting"]
        openers = {close: open_ for open_, close in pairs.items()}
        for match in self.marks.finditer(unit.text):
            mark, at = match.group(), match.start()
            if self.is_excepted(unit, at, at + 1, cache):
                continue
            offset = unit.start + at
            if mark in pairs:
                outer = next((o for o in reversed(stack) if o.mark == mark), None)
                stack.append(_Open(mark, offset, number, outer if mark in nesting else None))
                continue
            opener = openers[mark]
            if not any(o.mark == opener for o in stack):
                found.append(Problem("unopened", mark, offset))
                continue
            while stack[-1].mark != opener:
                found.append(Problem("unclosed", stack[-1].mark, stack.pop().offset))
            closed = stack.pop()
            if closed.outer is not None:
                # Only a balanced nesting is reported: the outer mark must close too.
                closed.outer.pending.append(Problem("nested", opener, closed.offset, offset))
                closed.outer.pending.extend(closed.pending)
            else:
                found.extend(closed.pending)

    def _leftover(self, stack: list[_Open], following: Unit | None,
                  found: list[Problem]) -> list[_Open]:
        """Openers still open at a unit's end: continued, carried, or reported unclosed."""
        continues, carry = self.spec.params["continues"], self.spec.params["carry"]
        kept = []
        for entry in stack:
            if entry.mark in continues and following is not None \
                    and following.text.lstrip(_INDENT).startswith(entry.mark):
                continue
            if carry:
                kept.append(entry)
            else:
                found.append(Problem("unclosed", entry.mark, entry.offset))
        return kept

    def _expire(self, stack: list[_Open], number: int, found: list[Problem]) -> list[_Open]:
        carry = self.spec.params["carry"]
        for entry in stack:
            if number - entry.unit > carry:
                found.append(Problem("unclosed", entry.mark, entry.offset))
        return [entry for entry in stack if number - entry.unit <= carry]

    def finding(self, problem: Problem) -> Finding:
        pairs, nesting = self.spec.params["pairs"], self.spec.params["nesting"]
        closers = {close: open_ for open_, close in pairs.items()}
        opener = problem.mark if problem.mark in pairs else closers[problem.mark]
        inner = nesting.get(opener, "")
        args = {"match": problem.mark, "open": opener, "close": pairs[opener], "inner": inner}
        text = PROBLEMS[problem.kind]
        template = self.message or self.summary
        message = Message(template.zh.format(problem=text.zh, **args),
                          template.en.format(problem=text.en, **args))
        span = Span(problem.offset, problem.offset + 1)
        fix = None
        if problem.kind == "nested" and problem.closer is not None and self.spec.fix:
            inner_pair = inner + pairs[inner]
            closer = Span(problem.closer, problem.closer + 1)
            edits = (Edit(span, inner), Edit(closer, pairs[inner]))
            title = Message(f"内层改用“{inner_pair}”", f"Use “{inner_pair}” inside")
            fix = Fix(edits, title, Applicability.parse(self.spec.fix))
        return Finding(span, message, (), fix)
