"""The pairing rule type: brackets and quotes balance within each scope unit.

A stack per unit: an opening mark is pushed; a closing mark pops its opener, and openers left
above it are reported unclosed; a closer with no opener on the stack is unopened. ``nesting``
names the inner form of a mark (“ → ‘): the same mark opened inside itself is reported (only
when both levels close), with a fix to the inner form. An opener in ``continues`` left open at
the end of a unit is fine when the next unit starts with it, after any indentation (a
quotation over several paragraphs). With ``carry: N`` an opener left open may still be closed
in the next N units (a line that stops on a character, cut at a width, is not counted): a pair
split by a stray line break is a broken line, not a pairing error; an opener in ``continues``
carried further is reported, and withdrawn when the first mark of its pair after it is a
closing mark with nothing open (a quotation over many paragraphs without their opening marks
is one quotation). ``stand_ins`` names marks of
another width that may stand for a pair's mark (``(`` for ``（``): a pair of mixed widths
(``(六）``) pairs, silently within a unit (a width rule reports it there) and as one problem
naming both marks when a line break stands between them, where a width rule that reads lines
cannot see it; a stand-in left unpaired is none of this rule's business. A straight quote
standing for a closing quote (``"`` for ``”``) closes only an opening quote of its own unit whose
own closing mark does not come first (“走在前" pairs; “加强"三河"治理” holds a straight pair),
never one carried from a line before: a straight quote may open a straight pair as well.

Quotation marks typed the wrong way are named as such, on the mark that is wrong: a pair typed
reversed (”两个确立“) is one problem, not an unopened ” and an unclosed “; an opening mark typed
where the quotation ends (说：“必先富民。“发展…, nothing left to close it) is reported there, not
on the opening mark it ends. An opening mark typed where the quotation begins (一个”两个确立”的)
is one problem, on that mark; so is a pair whose halves do not match (“纲要（草案）》,
“六五’), reported once over both marks. An opening mark after a sentence's end inside an open
quotation, followed by the closing mark, opens the next quoted paragraph of a quotation
introduced by a colon (说：“…。“…。”, paragraphs run into one line): the quotation goes on.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import regex

from doclint.core.candidates import Candidates
from doclint.core.diagnostic import Applicability, Edit, Finding, Fix, Message
from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.yamlrules.kinds.base import Exceptions, PackRule
from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.scopes import Scopes, Unit

_INDENT = " \t\u3000"  # a continued quotation may be indented (units of scope line)

PROBLEMS = {
    "unclosed": Message("没有闭合", "is never closed"),
    "unopened": Message("前面没有对应的开头", "has no opening mark"),
    "nested": Message("嵌套在同一种符号之内", "is nested inside the same mark"),
    "reversed": Message("与其后的前引号方向颠倒，这一对引号写反了",
                        "and the opening mark after it are reversed: the pair is typed backwards"),
    "misclosed": Message("处应为后引号：引文在此结束，却用了前引号",
                         "should be a closing mark: the quotation ends here"),
    "misopened": Message("处应为前引号：引文从这里开始，却用了后引号",
                         "should be an opening mark: the quotation begins here"),
    "mismatched": Message("与其后的“{other}”不成对，这一对符号前后不一致",
                          "and the “{other}” after it do not match: the pair is typed "
                          "inconsistently"),
    "mixed-open": Message("与后面几行的全角“{other}”是一对，半角与全角混用",
                          "pairs with the full-width “{other}” a few lines on: mixed widths"),
    "mixed-close": Message("与前面几行的全角“{other}”是一对，半角与全角混用",
                           "pairs with the full-width “{other}” a few lines before: mixed widths"),
}
# Problems that refine an unbalanced pair: reported wherever unclosed or unopened marks are.
_REFINED = frozenset({"reversed", "misclosed", "misopened", "mismatched", "mixed-open",
                      "mixed-close"})
QUOTES = {"“": "”", "‘": "’"}
_DEEPEST = 8  # quotes nested deeper than this are not counted
_REVERSED_REACH = 16  # characters between the two marks of a reversed pair (”两个确立“)
_PLAIN = lazy_regex(r"[^，。；：！？、“”‘’（）《》\n]*")
_SENTENCE_END = lazy_regex(r"[。！？；：…][ \t\u3000]*$")
_PARAGRAPH_START = lazy_regex(r"(?:\u3000\u3000|[ \t]{2,})$")
_INTRODUCED = lazy_regex(r"[：:][ \t\u3000]*$")  # a quotation over paragraphs: 说：“…


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    mark: str
    offset: int  # in Document.text
    closer: int | None = None  # nested: where its own closing mark is, for the fix
    other: str = ""  # mismatched, mixed: the mark it pairs with
    end: int | None = None  # mismatched: the end of the span (both marks)


# A line that stops on a Chinese character or a digit was cut at a width, not ended.
_WRAPPED_END = lazy_regex(r"[\p{Han}0-9０-９]")
_STOPS_ON: dict[str, bool] = {}  # each last character's answer (a few hundred of them)


def _stops_on_letter(end: str) -> bool:
    """Whether the line ``end`` (stripped on the right) stops on a Chinese character or a digit
    (``_WRAPPED_END``), answered once per character: it is asked of every line of a file."""
    last = end[-1:]
    try:
        return _STOPS_ON[last]
    except KeyError:
        found = _STOPS_ON[last] = _WRAPPED_END.match(last) is not None
        return found


@dataclass(eq=False)
class _Open:
    """An opening mark on the stack; ``outer``: the same mark it is nested in."""

    mark: str
    offset: int
    unit: int  # index of the unit it was opened in
    outer: _Open | None
    pending: list[Problem] = field(default_factory=list)
    quotation: bool = False  # a quote introduced by a colon (说：“…), or its next paragraph
    stand_in: str = ""  # the mark typed, when a mark of another width stands for ``mark``
    last: bool = False  # nothing but spaces after it in its unit


@dataclass(frozen=True, slots=True)
class _Clock:
    """Per unit: ``ticks``, how many units before it count towards ``carry``; ``cut``, whether
    it was cut at the file's fixed width (its text goes on in the next unit)."""

    ticks: list[int]
    cut: list[bool]
    page: list[bool]  # a page number left by a PDF conversion (— 7 —)

    def same_line(self, first: int, last: int) -> bool:
        """Whether units ``first`` to ``last`` are one line cut into pieces (no tick between)."""
        return self.ticks[first] == self.ticks[last]


def _carry_clock(units: list[Unit]) -> _Clock:
    """A line cut at a fixed width (it stops on a character with the next one going on) does
    not count towards ``carry``, so a bracketed note wrapped over eight lines closes on its
    last (（2017年……常务⏎委员会……⏎……修正）). In a file cut at a width, a line of that width
    that stops on a mark or a Latin letter was cut there too (……会议通过，⏎, （COP⏎15）).
    Nor does a page number a PDF conversion left between two lines of a page (— 7 —): the
    line before it goes on after it, cut as it was."""
    ends = [unit.text.rstrip() for unit in units]
    width = _wrap_width(ends)
    ticks, cut, page, now = [], [], [], 0
    for end in ends:
        ticks.append(now)
        # NOTE: a page number ends on its dash (the line is stripped): most lines do not.
        page.append(end[-1:] in _DASHES and _PAGE_NUMBER.fullmatch(end) is not None)
        if page[-1]:
            cut.append(False)
            continue
        cut.append(bool(width) and abs(len(end) - width) <= 1)
        if not _stops_on_letter(end) and not cut[-1]:
            now += 1
    return _Clock(ticks, cut, page)


_PAGE_NUMBER = lazy_re(r"[ \t\u3000]*[—－–-]{1,2}[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*[—－–-]{1,2}")
_DASHES = frozenset("—－–-")


_WRAP_LINES = 6  # lines of one width, most of the long ones: a file cut at that width
_WRAP_MIN = 20  # shorter lines are headings or table cells
_WRAP_CUT = 3  # of them stopping on a character: cut mid-sentence, not ending there


def _wrap_width(ends: list[str]) -> int:
    """The width a file's lines were cut at, or 0: the length (one either way) shared by most
    of its long lines, at least ``_WRAP_LINES`` of them, some stopping on a character."""
    widths = collections.Counter(len(end) for end in ends if len(end) >= _WRAP_MIN)
    if not widths:
        return 0
    near = {w: widths[w - 1] + widths[w] + widths[w + 1] for w in widths}
    width = max(near, key=lambda w: (near[w], w))
    if near[width] < max(_WRAP_LINES, sum(widths.values()) / 2):
        return 0
    cut = sum(1 for end in ends if abs(len(end) - width) <= 1 and _stops_on_letter(end))
    return width if cut >= _WRAP_CUT else 0


class _Pairing:
    """Whether a unit's marks pair up, each closing mark right after its own opening mark once
    the pairs inside are taken out (“（）”), answered without the stack walk of ``_scan``.

    Such a unit, with nothing open before it and no exception in it, is one that ``_scan``
    walks without a problem and leaves nothing open: a proper nesting keeps every opening quote
    inside one of its own mark “nested” (as many closing marks follow as are open), and every
    closing mark finds its opener on top of the stack. A unit holding a mark of another width
    (``stand_ins``: ``(`` for ``（``) is answered as it always was, with the pairs of
    ``pair_strings`` and one form of opener per closing mark: a stand-in opener may stay open
    where a full-width one would close (``（见附件，1)``), so only that answer is known safe; it
    leaves some such units to the walk, never fewer.
    """

    def __init__(self, pairs: dict[str, str], stand_ins: dict[str, str],
                 pair_strings: tuple[str, ...]) -> None:
        self._openers = {close: open_ for open_, close in pairs.items()}
        self._stand_ins = frozenset(stand_ins)  # marks of one character (a class finds them)
        self._pair_strings = pair_strings
        self._forms = {pair[1]: pair[0] for pair in pair_strings}
        # Each answer, by the marks of a unit: most units hold the same few (（）, “”, 《》).
        # One instance serves one document.
        self._answers: dict[str, bool] = {}

    def __call__(self, marks: str) -> bool:
        try:
            return self._answers[marks]
        except KeyError:
            answer = self._answers[marks] = self._pairs_up(marks)
            return answer

    def _pairs_up(self, marks: str) -> bool:
        if len(marks) % 2:
            return False  # every pair taken out is two marks
        if not self._stand_ins.isdisjoint(marks):
            if not any(pair in marks for pair in self._pair_strings):
                return False
            return _reduces(marks, self._forms)
        return _reduces(marks, self._openers)


@functools.cache
def _mark_finder(marks: str) -> Callable[[str], list[str]]:
    """``findall`` of the rule's marks (``marks``, the characters of ``pairs`` and
    ``stand_ins``: the class ``PairingRule.marks`` holds), compiled with the standard library,
    which scans a text for a class of characters about three times as fast as `regex`: every
    unit of a document is scanned, most of them holding no mark."""
    return re.compile("[" + "".join(re.escape(mark) for mark in marks) + "]").findall


def _reduces(marks: str, openers: dict[str, str]) -> bool:
    """Whether ``marks`` come to nothing when every closing mark takes out the opening mark
    ``openers`` names for it right before it (in one pass, linear in the nesting depth)."""
    left: list[str] = []
    for mark in marks:
        if left and openers.get(mark) == left[-1]:
            left.pop()
        else:
            left.append(mark)
    return not left


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
        candidates = doc.facts(Candidates)
        exceptions = [p for p in self.spec.exceptions if p.could_match(doc.text, candidates)]
        lines = _LineMatches(doc.text, candidates) \
            if self.spec.scope == "line" and "\r" not in doc.text else None
        cache: dict[int, Exceptions] = {}
        stack: list[_Open] = []
        found: list[Problem] = []
        clock: _Clock | None = None  # wanted from the first unit walked on (see below)
        late = _Late()
        paired = _Pairing(params["pairs"], params["stand_ins"], self.pair_strings)
        find_marks = _mark_finder("".join([*params["pairs"], *params["pairs"].values(),
                                           *params["stand_ins"]]))
        for number, unit in enumerate(units):
            marks = "".join(find_marks(unit.text))
            if not marks:
                continue
            stack = self._expire(stack, number, found, clock, late)
            if not stack and not late.open \
                    and self._quiet(unit, paired(marks), nesting, exceptions, lines):
                continue
            if clock is None and params["carry"]:
                # Only a unit walked leaves anything open, so the units skipped before it
                # never ask the clock: it is built here, once, for the whole document.
                clock = _carry_clock(units)
            following = units[number + 1] if number + 1 < len(units) else None
            self._scan(unit, number, stack, found, cache, following, clock, late, lines)
            cut = clock is not None and clock.cut[number]
            stack = self._leftover(stack, None if cut else following, found)
        self._expire(stack, None, found, clock, late)
        for problem in sorted(found, key=lambda p: p.offset):
            if id(problem) in late.dropped:
                continue
            check = params["check"]
            if problem.kind in check or (problem.kind in _REFINED
                                         and check & {"unclosed", "unopened"}):
                yield self.finding(problem)

    def _quiet(self, unit: Unit, paired: bool, nesting: bool,
               exceptions: list[UserPattern], lines: _LineMatches | None = None) -> bool:
        """True when the unit certainly has no problem (checked at C speed, no stack walk)."""
        check = self.spec.params["check"]
        if "nested" in check and nesting and self.nest_probe is not None \
                and self.nest_probe.search(unit.text):
            return False
        if check & {"unclosed", "unopened"} and not paired:
            return False
        # Exceptions remove marks, which can unbalance a balanced unit: look only now.
        if lines is None:
            return not any(p.found_in(unit.text) for p in exceptions)
        return not any(lines.found_in(p, unit) if p.prefilter.one_line else p.found_in(unit.text)
                       for p in exceptions)

    def _scan(self, unit: Unit, number: int, stack: list[_Open], found: list[Problem],
              cache: dict[int, Exceptions], following: Unit | None = None,
              clock: _Clock | None = None, late: _Late | None = None,
              lines: _LineMatches | None = None) -> None:
        pairs, nesting = self.spec.params["pairs"], self.spec.params["nesting"]
        stand_ins = self.spec.params["stand_ins"]
        openers = {close: open_ for open_, close in pairs.items()}
        broken = _broken_number(unit, number, stack, clock)
        if lines is not None and self.spec.exceptions and unit.start not in cache:
            cache[unit.start] = lines.exceptions(self.spec.exceptions, unit)
        marks = [(m.group(), m.start()) for m in self.marks.finditer(unit.text)
                 if m.start() == broken
                 or not self.is_excepted(unit, m.start(), m.start() + 1, cache)]
        after = _closers_after(marks)
        # The stack by mark, and how many of each mark this unit opened: answers the stack
        # walks below would give, kept up to date, so that deep nesting stays linear.
        by_mark: dict[str, list[_Open]] = {}
        for entry in stack:
            by_mark.setdefault(entry.mark, []).append(entry)
        here: dict[str, int] = {}
        for entry in stack:
            if entry.unit == number:
                here[entry.mark] = here.get(entry.mark, 0) + 1

        def push(entry: _Open) -> None:
            stack.append(entry)
            by_mark.setdefault(entry.mark, []).append(entry)
            if entry.unit == number:
                here[entry.mark] = here.get(entry.mark, 0) + 1

        def pop() -> _Open:
            entry = stack.pop()
            by_mark[entry.mark].pop()
            if entry.unit == number:
                here[entry.mark] -= 1
            return entry

        skip = -1
        for index, (mark, at) in enumerate(marks):
            if index == skip:
                continue
            offset = unit.start + at
            if late is not None and late.open and (mark in pairs or by_mark.get(
                    openers.get(mark, ""))):
                late.forget(mark, pairs)  # another mark of the pair came first
            full = stand_ins.get(mark)
            if full in pairs:  # an opening mark of another width: (六）
                push(_Open(full, offset, number, None, stand_in=mark,
                           last=_BLANK_TAIL.fullmatch(unit.text, at + 1) is not None))
                continue
            if full is not None:  # a closing mark of another width: （原107国道)
                opener = openers[full]
                if stack and stack[-1].mark == opener \
                        and (_closes_quote(unit, stack[-1], number, at, full) if opener in QUOTES
                             else at == broken or not _ends(_LIST_TAIL, unit.text, at)):
                    closed = pop()
                    found.extend(_nested_once(closed.pending))
                    if not closed.stand_in and closed.unit != number:
                        found.append(Problem("mixed-close", mark, offset, other=opener))
                continue
            if mark in pairs:
                top = stack[-1] if stack else None
                quotation = _ends(_INTRODUCED, unit.text, at)
                if mark in QUOTES and top is not None and top.mark == mark and top.unit == number:
                    verdict = _inner_quote(unit, marks, index, after, stack, number, following)
                    if verdict == "continued":
                        pop()  # the quotation goes on in this paragraph
                        quotation = True
                    elif verdict == "misclosed":
                        found.extend(pop().pending)
                        found.append(Problem("misclosed", mark, offset))
                        continue
                same = by_mark.get(mark)
                outer = same[-1] if same else None
                push(_Open(mark, offset, number, outer if mark in nesting else None,
                           quotation=quotation,
                           last=_BLANK_TAIL.fullmatch(unit.text, at + 1) is not None))
                continue
            opener = openers[mark]
            open_ = by_mark.get(opener)
            carried = bool(open_)  # open, from this unit or the ones before
            # an opener from the line before that was cut, not ended, goes on in this unit
            wrapped = carried and clock is not None and open_[-1].unit < number \
                and clock.same_line(open_[-1].unit, number)
            if opener in QUOTES and not here.get(opener) and not wrapped \
                    and not (carried and at <= 16 and not unit.text[:at].strip(_INDENT)) \
                    and _reversed_pair(unit.text, marks, index, after):
                found.append(Problem("reversed", mark, offset))
                skip = index + 1
                if late is not None:
                    late.forget(mark, pairs)
                continue
            if not carried:
                if opener in QUOTES and _misopened(unit.text, marks, index):
                    found.append(Problem("misopened", mark, offset))
                    skip = index + 1
                elif _mismatched(unit, stack, number, found, at, pairs, following):
                    closed = pop()
                    found.extend(closed.pending)
                    found.append(Problem("mismatched", closed.mark, closed.offset, other=mark,
                                         end=offset + 1))
                elif late is None or clock is None or not late.ends(mark, clock.ticks[number]):
                    found.append(Problem("unopened", mark, offset))
                if late is not None:
                    late.forget(mark, pairs)
                continue
            while stack[-1].mark != opener:
                left = pop()
                if not left.stand_in:
                    found.append(Problem("unclosed", left.mark, left.offset))
            closed = pop()
            if closed.stand_in and closed.unit != number:
                found.append(Problem("mixed-open", closed.stand_in, closed.offset, other=mark))
            if closed.outer is not None:
                # Only a balanced nesting is reported: the outer mark must close too. The
                # shorter list joins the longer (problems are sorted by offset at the end),
                # so that a deep nesting moves each problem O(log n) times, not O(n).
                outer, inner = closed.outer, closed.pending
                if len(inner) > len(outer.pending):
                    outer.pending, inner = inner, outer.pending
                outer.pending.append(Problem("nested", opener, closed.offset, offset))
                outer.pending.extend(inner)
            else:
                found.extend(_nested_once(closed.pending))

    def _leftover(self, stack: list[_Open], following: Unit | None,
                  found: list[Problem]) -> list[_Open]:
        """Openers still open at a unit's end: continued, carried, or reported unclosed.
        ``following`` is None where the unit was cut at a width: its next line goes on with the
        same paragraph, whose opening mark (“语”近人) opens no new quoted paragraph."""
        continues, carry = self.spec.params["continues"], self.spec.params["carry"]
        kept = []
        for entry in stack:
            if entry.mark in continues and following is not None \
                    and following.text.lstrip(_INDENT).startswith(entry.mark):
                continue
            if carry:
                kept.append(entry)
            elif not entry.stand_in:
                found.append(Problem("unclosed", entry.mark, entry.offset))
        return kept

    def _expire(self, stack: list[_Open], number: int | None, found: list[Problem],
                clock: _Clock | None, late: _Late | None = None) -> list[_Open]:
        """Report the openers carried further than ``carry`` units (all of them at the end,
        ``number`` None), counting the units on the clock. A quotation mark that may run over
        paragraphs (``continues``) is remembered in ``late``: its closing mark may yet come."""
        carry, continues = self.spec.params["carry"], self.spec.params["continues"]
        kept = []
        for entry in stack:
            if number is not None and clock is not None \
                    and clock.ticks[number] - clock.ticks[entry.unit] <= carry:
                kept.append(entry)
            elif not entry.stand_in:
                problem = Problem("unclosed", entry.mark, entry.offset)
                found.append(problem)
                if late is not None and number is not None and clock is not None \
                        and entry.mark in continues:
                    late.open[self.spec.params["pairs"][entry.mark]] = \
                        (problem, clock.ticks[number])
        return kept

    def finding(self, problem: Problem) -> Finding:
        pairs, nesting = self.spec.params["pairs"], self.spec.params["nesting"]
        closers = {close: open_ for open_, close in pairs.items()}
        mark = self.spec.params["stand_ins"].get(problem.mark, problem.mark)
        opener = mark if mark in pairs else closers[mark]
        inner = nesting.get(opener, "")
        args = {"match": problem.mark, "open": opener, "close": pairs[opener], "inner": inner}
        text = PROBLEMS[problem.kind]
        said = Message(text.zh.format(other=problem.other), text.en.format(other=problem.other))
        template = self.message or self.summary
        message = Message(template.zh.format(problem=said.zh, **args),
                          template.en.format(problem=said.en, **args))
        span = Span(problem.offset, problem.end or problem.offset + 1)
        fix = None
        if problem.kind == "nested" and problem.closer is not None and self.spec.fix:
            inner_pair = inner + pairs[inner]
            closer = Span(problem.closer, problem.closer + 1)
            edits = (Edit(span, inner), Edit(closer, pairs[inner]))
            title = Message(f"内层改用“{inner_pair}”", f"Use “{inner_pair}” inside")
            fix = Fix(edits, title, Applicability.parse(self.spec.fix))
        return Finding(span, message, (), fix)


class _LineMatches:
    """The matches of the exceptions that stay within a line (``Prefilter.one_line``: no match
    or lookaround reads a line break) in a document of units of scope ``line`` and no ``\r``:
    each exception is searched once in the whole text, and what it finds in a line is what a
    search of that line alone finds (``^`` and ``$`` match at the line's ends either way, and
    nothing reads past them). A search per line would pay the timeout's set-up per line."""

    def __init__(self, text: str, candidates: Candidates) -> None:
        self._text = text
        self._candidates = candidates
        self._spans: dict[UserPattern, tuple[list[int], list[tuple[int, int]]]] = {}

    def _found(self, pattern: UserPattern) -> tuple[list[int], list[tuple[int, int]]]:
        try:
            return self._spans[pattern]
        except KeyError:
            spans = [m.span() for m in pattern.finditer(self._text, self._candidates)]
            found = self._spans[pattern] = ([start for start, _end in spans], spans)
            return found

    def _within(self, pattern: UserPattern, unit: Unit) -> list[tuple[int, int]]:
        starts, spans = self._found(pattern)
        if not starts:
            return spans  # most exceptions match nowhere in a document
        first = bisect.bisect_left(starts, unit.start)
        return spans[first:bisect.bisect_left(starts, unit.end, first)]

    def found_in(self, pattern: UserPattern, unit: Unit) -> bool:
        """``pattern.found_in(unit.text)``: a match starts in the unit."""
        starts = self._found(pattern)[0]
        first = bisect.bisect_left(starts, unit.start)
        return first < len(starts) and starts[first] < unit.end

    def exceptions(self, patterns: tuple[UserPattern, ...], unit: Unit) -> Exceptions:
        """``PackRule.exception_spans(unit)``: the spans of every exception in the unit."""
        spans: list[tuple[int, int]] = []
        for pattern in patterns:
            if pattern.prefilter.one_line:
                spans.extend((start - unit.start, end - unit.start)
                             for start, end in self._within(pattern, unit))
            else:
                spans.extend(m.span() for m in pattern.finditer(unit.text))
        return Exceptions(spans)


_LATE_REACH = 12  # paragraphs a quotation without its paragraphs' opening marks may run over


@dataclass(eq=False)
class _Late:
    """Quotation marks left open past ``carry`` (``open``: by closing mark, the problem
    reported and when), and the problems withdrawn because the closing mark came after all:
    a quotation over many paragraphs whose paragraphs lack their opening marks is one
    quotation, not an opening mark never closed and a closing mark never opened."""

    open: dict[str, tuple[Problem, int]] = field(default_factory=dict)
    dropped: set[int] = field(default_factory=set)

    def ends(self, mark: str, tick: int) -> bool:
        """Whether ``mark``, a closing mark with nothing open, closes a quotation left open:
        the first mark of its pair since, soon enough (both are then withdrawn)."""
        left = self.open.pop(mark, None)
        if left is None or tick - left[1] > _LATE_REACH:
            return False
        self.dropped.add(id(left[0]))
        return True

    def forget(self, mark: str, pairs: dict[str, str]) -> None:
        """Another mark of the pair came first: the opener left open stays reported."""
        self.open.pop(pairs.get(mark, mark), None)


def _broken_number(unit: Unit, number: int, stack: list[_Open], clock: _Clock | None) -> int:
    """Where the closing bracket of a number broken across lines stands (``（⏎三）改革…``: a
    heading's bracket left alone at the end of the line before; ``（十⏎一）``, ``（COP⏎15）`` in
    a file cut at a width), or -1. It closes that bracket, though a number before a closing
    bracket at a line's start is otherwise a list number."""
    lead = _BROKEN_NUMBER.match(unit.text)
    if lead is None or not stack:
        return -1
    top = stack[-1]
    before = number - 1  # the line before, past page numbers (— 7 —)
    while clock is not None and before > top.unit and clock.page[before]:
        before -= 1
    cut = clock is not None and before >= 0 and clock.cut[before]
    if top.mark != "（" or not (top.last or cut) or top.unit != before:
        return -1  # not a bracket open at the end of the line before
    return lead.end() - 1


_BLANK_TAIL = lazy_regex(r"[ \t\r\u3000]*")
_BROKEN_NUMBER = lazy_regex(r"[ \t\u3000]*(?:[0-9A-Za-z①-⑳]{1,2}|[一二三四五六七八九十]{1,3})[）)]")


def _ends(pattern: regex.Pattern[str], text: str, at: int) -> bool:
    """Whether the text just before ``at`` ends with ``pattern`` (a short window: linear)."""
    return pattern.search(text, max(0, at - 12), at) is not None


def _closers_after(marks: list[tuple[str, int]]) -> list[dict[str, int]]:
    """For each mark: per quotation mark, closing marks minus opening marks after it."""
    after: list[dict[str, int]] = [{} for _ in marks]
    net = dict.fromkeys(QUOTES, 0)
    closers = {close: open_ for open_, close in QUOTES.items()}
    for index in range(len(marks) - 1, -1, -1):
        after[index] = dict(net)
        mark = marks[index][0]
        if mark in QUOTES:
            net[mark] -= 1
        elif mark in closers:
            net[closers[mark]] += 1
    return after


def _next_quote(marks: list[tuple[str, int]], index: int, opener: str) -> tuple[str, int] | None:
    wanted = (opener, QUOTES[opener])
    return next((marks[i] for i in range(index + 1, len(marks)) if marks[i][0] in wanted), None)


def _inner_quote(unit: Unit, marks: list[tuple[str, int]], index: int,
                 after: list[dict[str, int]], stack: list[_Open], number: int,
                 following: Unit | None) -> str:
    """An opening quote inside an open quote of the same mark in this unit: ``nested`` (both
    can close), ``continued`` (the next quoted paragraph of a quotation run into one line) or
    ``misclosed`` (a closing mark typed as an opening one: nothing is left to close it)."""
    mark, at = marks[index]
    depth = sum(1 for o in stack[-_DEEPEST:] if o.mark == mark and o.unit == number)
    closers = after[index][mark]
    if closers >= depth + 1 or _ends(_PARAGRAPH_START, unit.text, at):
        return "nested"  # or a paragraph's first mark (run into the line): an opening mark
    if depth > 1:
        return "nested"  # quotes left open before it: which one is wrong is unknown
    upcoming = _next_quote(marks, index, mark)
    if _ends(_SENTENCE_END, unit.text, at):
        if not stack[-1].quotation:
            return "nested"  # a quoted term (坚持“走出去相结合。“…”), not a quotation
        if upcoming is not None and (upcoming[0] != mark
                                     or _ends(_SENTENCE_END, unit.text, upcoming[1])):
            return "continued"
        if upcoming is None and following is not None \
                and following.text.lstrip(_INDENT).startswith(mark):
            return "continued"
        return "misclosed"
    # A mark its own closer follows (“没有变”) opens a pair, whatever is open before it.
    if closers < depth and (upcoming is None or upcoming[0] == mark):
        return "misclosed"
    return "nested"


def _reversed_pair(text: str, marks: list[tuple[str, int]], index: int,
                   after: list[dict[str, int]]) -> bool:
    """A closing quote with no opener in its unit, followed closely by the opening mark that
    nothing closes: the pair typed the wrong way round (”两个确立“)."""
    mark, at = marks[index]
    if index + 1 >= len(marks):
        return False
    following, end = marks[index + 1]
    opener = next(o for o, c in QUOTES.items() if c == mark)
    if following != opener or not 0 < end - at - 1 <= _REVERSED_REACH:
        return False
    if _PLAIN.fullmatch(text, at + 1, end) is None:
        return False
    return after[index + 1][opener] <= 0


_MISMATCH_REACH = 24  # characters between the two halves of a mismatched pair (“纲要（草案）》)
_OWN_CLOSER_REACH = 200  # characters after it where the opener's own closer is looked for
_SENTENCE_STOP = lazy_regex(r"[。！？；\n]")
_LIST_TAIL = lazy_regex(r"(?:^|(?<=[；。：，、\s]))(?:[0-9A-Za-z①-⑳]{1,2}|[一二三四五六七八九十]{1,3})$")


def _misopened(text: str, marks: list[tuple[str, int]], index: int) -> bool:
    """A closing quote that closes nothing, followed closely by the same closing mark that
    closes nothing either: the first is an opening mark typed the wrong way (一个”两个确立”的)."""
    mark, at = marks[index]
    if index + 1 >= len(marks):
        return False
    following, end = marks[index + 1]
    return following == mark and 0 < end - at - 1 <= _REVERSED_REACH \
        and _PLAIN.fullmatch(text, at + 1, end) is not None


def _mismatched(unit: Unit, stack: list[_Open], number: int, found: list[Problem],
                at: int, pairs: dict[str, str], following: Unit | None) -> bool:
    """A closing mark whose opener is not open, right after an opener of another mark left
    open in this unit, in the same phrase, with nothing unbalanced between: one pair whose
    halves do not match (“纲要（草案）》, “六五’), not two marks each missing its partner. Not
    when the opener's own closing mark follows in this line or the next: that one closes it."""
    if not stack:
        return False
    top = stack[-1]
    if top.unit != number or top.stand_in:
        return False
    opener, closer = top.mark, pairs[top.mark]
    rest = unit.text[at + 1:at + 1 + _OWN_CLOSER_REACH]
    after = following.text[:_OWN_CLOSER_REACH] if following is not None else ""
    if rest.count(closer) > rest.count(opener) or after.count(closer) > after.count(opener):
        return False
    begin = top.offset - unit.start
    if not 0 < at - begin - 1 <= _MISMATCH_REACH \
            or _SENTENCE_STOP.search(unit.text, begin + 1, at) is not None:
        return False
    return not any(top.offset < p.offset < unit.start + at for p in found[-8:])


def _closes_quote(unit: Unit, top: _Open, number: int, at: int, closer: str) -> bool:
    """Whether a straight quote at ``at`` closes the curly quote ``top`` (“走在前"): opened in
    this unit, and not followed by the opener's own closing mark (“加强"三河"治理”: the
    straight quotes are a pair inside it). Across lines a straight quote pairs with nothing:
    it may as well open a straight pair of its own (the closing mark is looked for before the
    next opening one: “三农"工作和“扶贫”)."""
    if top.unit != number:
        return False
    rest = unit.text[at + 1:at + 1 + _OWN_CLOSER_REACH]
    return closer not in rest.partition(top.mark)[0]


def _nested_once(pending: list[Problem]) -> list[Problem]:
    """A quotation holding one inner quotation of its own mark nests it; one holding several
    side by side is an opening mark never closed whose quotation was carried over sentences
    of their own (a ” further on closing it by accident): no nesting is reported."""
    if sum(1 for p in pending if p.kind == "nested") < 2:
        return pending
    return [p for p in pending if p.kind != "nested"]
