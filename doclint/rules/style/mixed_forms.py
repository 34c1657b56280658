"""T507: one speech writes the same kind of mark two ways (34:35:31 beside 60：16：24).

A speech pasted together from several sources keeps each source's habits: one paragraph writes
its ratios with ASCII colons, another with full-width ones; one writes ``(GDP)``, the rest
``（GDP）``. Each document of a compilation is judged alone, and the minority form is reported
once, its other occurrences related.

Other rules already own some mixtures, and they are not repeated here: the percent sign (N301),
ASCII parentheses around Chinese (BD005), hyphens and ``~`` in ranges (SZ013, SZ012).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.compilation import Compilation
from doclint.rules.templates.scan import find_all

# A ratio: numbers joined by one kind of colon, three or more of them, or two after 比 (比例,
# 之比, 比为, 配比) or 按 (按6：4分担). Clock times (19:00, 10:30:00) are not ratios.
_RATIO = lazy_regex(
    r"(?<![\d.:：∶])(?P<first>\d+(?:\.\d+)?)(?P<colon>[:：∶])\d+(?:\.\d+)?"
    r"(?P<more>(?:(?P=colon)\d+(?:\.\d+)?)*)(?![\d.:：∶])"
)
# A ratio is a whole run of digits, points and colons (its look-arounds say so): the runs that
# hold a colon are read off around each colon, instead of trying the pattern at every digit.
_RATIO_RUN = lazy_regex(r"[\d.:：∶]*")
_RATIO_RUN_BEFORE = lazy_regex(r"(?r)[\d.:：∶]*")
_RATIO_CUE = lazy_regex(r"(?:比\S{0,5}|按)\Z")
_CLOCK = lazy_regex(r"(?:[01]?\d|2[0-4])[:：∶][0-5]\d(?:[:：∶][0-5]\d(?:\.\d{1,6})?)?")
# Parentheses around a short note of digits and Latin letters (GDP, 2023, 1) in Chinese text;
# around Chinese, ASCII parentheses are BD005's.
# NOTE: one pattern per opening bracket, led by it: the engine jumps between its occurrences,
# where a pattern led by the class [(（] is tried at every position (three times slower).
_PAREN = tuple(
    lazy_regex(rf"(?P<open>{regex.escape(opening)})[A-Za-z0-9.%％+\-/、，, ]{{1,12}}(?P<close>[)）])")
    for opening in "(（"
)
_HAN = lazy_regex(r"\p{Han}")
_FILE_EXTENSION = lazy_regex(r"(?i)\.(?:docx?|pdf|xlsx?|wps|et|txt|zip|rar|ofd|jpe?g|png)(?![A-Za-z])")
_SHOWN = 20


@dataclass(frozen=True, slots=True)
class _Family:
    name: Message
    preferred: tuple[str, ...]  # on a tie, the first of these present is the usual form
    reported: frozenset[str]  # forms this rule may report as the minority


_RATIOS = _Family(Message("比例的冒号", "ratio colons"), ("：", "∶", ":"), frozenset(":：∶"))
_PARENS = _Family(Message("括注字母、数字的括号", "parentheses around letters and digits"),
                  ("（", "("), frozenset("("))


class MixedForms(Rule):
    """同一篇中同类符号写法不一：比例 `34:35:31` 与 `60：16：24` 并存，`(GDP)` 与 `（CPI）` 并存。

    拼凑的讲话稿保留了各个来源的写法。规则逐篇（汇编按 `第N篇` 等分篇）统计两类符号的写法：
    比例中的冒号（三项以上的比例，或“比例”“之比”“比为”“按”之后的两项比例；时刻 `19:00`、
时间戳中带毫秒的时刻 `13:39:00.000` 不算），
    以及中文里括注字母、数字的括号（括注汉字的半角括号由 BD005 报告；文件名里电脑加的副本号“通知(1).doc”不算）。同一篇里两种写法并存时，
    少数写法报告一次，其余列为相关位置；一样多时以全角为准，消息说明两者各有几处。百分号（N301）、范围号中的短横线和
    `~`（SZ013、SZ012）由各自的规则报告，这里不重复。修复改为多数写法。
    """

    code = "T507"
    name = "style.mixed-forms"
    category = Category.MIXED_WIDTH
    severity = Severity.INFO
    summary = Message("同一篇中同类符号写法不一。", "One document writes the same mark two ways.")
    message = Message(
        "本篇{family.zh}写法不统一：多用“{usual}”（{count}处），此处用“{this}”。",
        "Inconsistent {family.en} in this document: mostly “{usual}” ({count} times), "
        "“{this}” here.",
    )
    tied = Message(
        "本篇{family.zh}写法不统一：“{usual}”与“{this}”各{count}处，此处用“{this}”，宜统一为“{usual}”。",
        "Inconsistent {family.en} in this document: “{usual}” and “{this}” {count} times each; "
        "“{this}” here, write “{usual}”.",
    )
    anchors = tuple(":：∶(")  # check reads no document without one of these marks
    fixable = True
    examples = Examples(
        bad=(
            Example(
                "三次产业比例调整为60：16：24。去年三次产业比例为34:35:31，今年结构继续优化，"
                "一产、二产、三产之比达到58：17：25。",
                fixed="三次产业比例调整为60：16：24。去年三次产业比例为34：35：31，今年结构继续优化，"
                "一产、二产、三产之比达到58：17：25。",
            ),
        ),
        good=(
            "三次产业比例调整为60：16：24，此前为62：15：23。",
            "晚上19:00播出，比分2：2。",
            "国内生产总值（GDP）增长5%，居民消费价格（CPI）上涨2%。",
        ),
    )
    basis = "同一文档写法统一（GB/T 15834—2011、GB/T 15835—2011）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not any(mark in text for mark in "：(:∶"):  # the common marks first
            return
        compilation = doc.facts(Compilation)
        found: dict[tuple[int, _Family], list[tuple[str, Span]]] = defaultdict(list)
        for family, form, span in _marks(text):
            found[(compilation.index_at(span.start), family)].append((form, span))
        for (_, family), marks in sorted(found.items(), key=lambda item: item[1][0][1].start):
            yield from self._mixed(text, family, marks)

    def _mixed(
        self, text: str, family: _Family, marks: list[tuple[str, Span]]
    ) -> Iterator[Finding]:
        counts = Counter(form for form, _ in marks)
        if len(counts) < 2:
            return
        usual = max(counts, key=lambda f: (counts[f], -family.preferred.index(f)))
        for form in sorted(counts, key=family.preferred.index):
            if form == usual or form not in family.reported:
                continue
            spans = [span for f, span in marks if f == form]
            title = Message(f"改为“{usual}”", f"Use “{usual}”")
            note = Message(f"又一处“{form}”", f"another “{form}”")
            yield self.report(
                spans[0],
                self.tied if counts[form] == counts[usual] else None,
                family=family.name,
                usual=usual,
                count=counts[usual],
                this=form,
                related=tuple(Related(s, note) for s in spans[1 : 1 + _SHOWN]),
                fix=Fix(tuple(Edit(s, _swap(text[s.start : s.end], form, usual)) for s in spans),
                        title, UNSAFE),
            )


_CLOSING = {"(": ")", "（": "）"}


def _swap(original: str, form: str, usual: str) -> str:
    """The occurrence written in the usual form."""
    swapped = original.replace(form, usual)
    if form in _CLOSING and usual in _CLOSING:
        swapped = swapped.replace(_CLOSING[form], _CLOSING[usual])
    return swapped


def _marks(text: str) -> Iterator[tuple[_Family, str, Span]]:
    """Every ratio colon and every bracket of a short Latin note, with its form."""
    for match in _ratios(text):
        if _CLOCK.fullmatch(match.group()):
            continue
        if not match.group("more") and not _RATIO_CUE.search(text, max(0, match.start() - 6),
                                                             match.start()):
            continue
        # The whole ratio is one occurrence.
        yield _RATIOS, match.group("colon"), Span(match.start(), match.end())
    for match in sorted((m for paren in _PAREN for m in paren.finditer(text)), key=lambda m: m.start()):
        opening, closing = match.group("open"), match.group("close")
        if (opening == "(") != (closing == ")"):
            continue  # a pair of mixed widths is BD009's
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if not (_HAN.match(before) or _HAN.match(after)):
            continue  # English text, formulas, markup
        if _FILE_EXTENSION.match(text, match.end()):
            continue  # a file's name: 通知(1).doc, a copy's number the computer added
        yield _PARENS, opening, Span(match.start(), match.end())


def _ratios(text: str) -> Iterator[regex.Match[str]]:
    """What ``_RATIO.finditer(text)`` finds, in order: each run around a colon, matched alone."""
    covered = 0
    for at in sorted(at for colon in ":：∶" for at in find_all(text, colon)):
        if at < covered:
            continue  # a later colon of a run already read
        start = _RATIO_RUN_BEFORE.match(text, 0, at).start()
        if start == at:
            continue  # no number before the colon
        covered = _RATIO_RUN.match(text, at).end()
        match = _RATIO.match(text, start, covered)
        if match is not None:
            yield match
