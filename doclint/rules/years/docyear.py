"""The year a document speaks from, and where that year came from.

Sources, strongest first: the configuration or ``--year`` (``doc.settings["year"]``), Markdown
front matter (``year``/``date``), a sidecar ``<file>.meta.yaml``/``.meta.json``, the dateline
(``（2024年4月24日）``, ``——2014年2月19日在…会议上``, a signature date), the document number
(``国办发〔2018〕128号``), the title, the file name, and last the years the text treats as
current (``2024年工作回顾`` -> 2025; the latest year it keeps returning to). A compilation
(``第一篇：``, ``第二篇：``) gets a year per part from the part's own dateline, title and text.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from doclint.core.diagnostic import Message
from doclint.core.document import Document, Span
from doclint.rules.years import numerals
from doclint.rules.years.mentions import YearFacts, is_target

_FULL_DATE = (r"(?:(?:1[89]|20|１[８９]|２０)[0-9０-９]{2}\s?年\s?[0-9０-９]{1,2}\s?月\s?[0-9０-９]{1,2}\s?日"
              r"|[一二][〇○零Ｏ一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)")
# A line that is only a date: （2024年4月24日）, 2024年4月24日, ——2014年2月19日在…会议上.
_DATELINE = regex.compile(
    rf"^[ \t\u3000]*[（(]?[ \t\u3000]*(?:—{{1,2}}|－{{1,2}}|-{{1,2}})?[ \t\u3000]*(?P<date>{_FULL_DATE})"
    r"[ \t\u3000]*(?:在[^。\n]{0,60}(?:上|时|的讲话|的报告))?[ \t\u3000]*[）)]?[ \t\u3000]*$", regex.M)
# A date in brackets or after a dash inside the heading block: …的报告（2022年10月16日）习近平….
_HEAD_DATE = regex.compile(rf"[（(](?P<date>{_FULL_DATE})[）)]|——(?P<date2>{_FULL_DATE})在")
_DOC_NUMBER = regex.compile(
    r"^[ \t\u3000]*[（(]?[\p{Han}]{1,10}〔(?P<year>(?:19|20)\d{2})〕[0-9]{1,4}号[）)]?[ \t\u3000]*$", regex.M)
_YEAR_IN = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s?年)|([一二][〇○零Ｏ一二三四五六七八九]{3})(?=年)")
_FILE_YEAR = regex.compile(r"(?<![0-9A-Za-z])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
# Wording that dates the text from a year it names: a review of year N (2024年工作回顾, 2019年和
# 今年以来) is written in N+1; “N年即将到来” in N-1.
_REVIEW = regex.compile(
    r"(?P<next>(?:19|20)\d{2})年(?:[^。\n，]{0,6})?工作回顾|回顾(?P<next2>(?:19|20)\d{2})年"
    r"|(?P<next3>(?:19|20)\d{2})年和今年以来|过去一年[^。\n]{0,8}回顾\s*(?P<next4>(?:19|20)\d{2})年，"
    r"|(?P<previous>(?:19|20)\d{2})年即将到来")
_FRAME = regex.compile(r"今年|去年|过去一年|一年来")
_ENUMERATED = regex.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章条部分]")
_HEAD_LINES, _TAIL_LINES = 12, 8
_EDGE_CHARS = 3000
_HEAD_CHARS = 600


@dataclass(frozen=True, slots=True)
class YearSource:
    """A document year and its evidence: ``source`` is one of the names in ``SOURCE_NAMES``."""

    year: int
    source: str
    span: Span | None = None
    detail: str = ""

    def describe(self) -> Message:
        zh, en = SOURCE_NAMES[self.source]
        if self.detail:
            zh, en = f"{zh}“{self.detail}”", f"{en} “{self.detail}”"
        return Message(zh, en)


SOURCE_NAMES = {
    "config": ("配置或命令行指定的年份", "the year given in the configuration or on the command line"),
    "front-matter": ("文首元数据", "the front matter"),
    "sidecar": ("元数据文件", "the metadata file"),
    "dateline": ("日期行", "the dateline"),
    "document-number": ("发文字号", "the document number"),
    "title": ("标题", "the title"),
    "file-name": ("文件名", "the file name"),
    "text": ("正文所述的当年", "the year the text treats as current"),
}


@dataclass(frozen=True, slots=True)
class Part:
    span: Span
    year: YearSource | None


class DocumentYears:
    """The year of each part of a document (one part unless it is a compilation)."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self._starts = [p.span.start for p in parts]

    def at(self, offset: int) -> YearSource | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.parts[max(index, 0)].year

    @property
    def years(self) -> set[int]:
        return {p.year.year for p in self.parts if p.year is not None}

    @classmethod
    def from_document(cls, doc: Document) -> DocumentYears:
        external = external_year(doc)
        spans = split_parts(doc)
        facts = doc.facts(YearFacts)
        whole = _file_level(doc) if external is None else external
        parts = []
        for span in spans:
            year = external or _part_year(doc, facts, span) or whole or _text_year(doc, facts, span)
            parts.append(Part(span, year))
        if len(parts) > 1 and external is None:
            # A part with nothing of its own borrows from the document's other parts.
            fallback = _text_year(doc, facts, Span(0, len(doc.text)))
            parts = [p if p.year else Part(p.span, fallback) for p in parts]
        return cls(parts)


def split_parts(doc: Document) -> list[Span]:
    """The spans of the documents of a compilation: the structure family's one compilation
    model (``第N篇：`` headings, a speech opening with its own salutation, the pieces of
    selected works under their datelines); a single document is one part."""
    from doclint.rules.structure.compilation import Compilation

    return doc.facts(Compilation).spans()


def external_year(doc: Document) -> YearSource | None:
    year = doc.settings.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return YearSource(year, "config")
    found = _year_of_mapping(doc.metadata)
    if found is not None:
        return YearSource(found, "front-matter")
    return _sidecar_year(doc.path)


def _year_of_mapping(data: Mapping[str, Any] | Any) -> int | None:
    if not isinstance(data, Mapping):
        return None
    for key in ("year", "date", "年份", "日期"):
        value = data.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int) and numerals.is_plausible_year(value):
            return value
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.year
        match = regex.search(r"(?<![0-9])(1[89]|20)[0-9]{2}(?![0-9])", str(value))
        if match:
            return int(match.group())
    return None


def _sidecar_year(path: str) -> YearSource | None:
    if not path or path.startswith("<"):
        return None
    folder, name = os.path.split(path)
    present = _folder_names(folder)
    for suffix in (".meta.yaml", ".meta.yml", ".meta.json"):
        sidecar = path + suffix
        if name + suffix not in present:
            continue
        try:
            with open(sidecar, encoding="utf-8") as handle:
                raw = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        found = _year_of_mapping(_parse_sidecar(raw, suffix))
        if found is not None:
            return YearSource(found, "sidecar", detail=os.path.basename(sidecar))
    return None


@functools.lru_cache(maxsize=64)
def _folder_names(folder: str) -> frozenset[str]:
    """The file names of a folder, listed once: most files have no sidecar to look for."""
    try:
        return frozenset(os.listdir(folder or "."))
    except OSError:
        return frozenset()


def _parse_sidecar(raw: str, suffix: str) -> Any:
    try:
        if suffix == ".meta.json":
            return json.loads(raw)
        from doclint.core import fastyaml

        return fastyaml.safe_load(raw)
    except (ValueError, ImportError):
        return None
    except Exception:
        return None


def _file_level(doc: Document) -> YearSource | None:
    name = os.path.basename(doc.path) if doc.path and not doc.path.startswith("<") else ""
    values = {int(m.group()) for m in _FILE_YEAR.finditer(name)}
    if len(values) == 1:
        return YearSource(values.pop(), "file-name", detail=name)
    return None


def _part_year(doc: Document, facts: YearFacts, part: Span) -> YearSource | None:
    text = doc.text
    head, tail = _head_and_tail(text, part)
    for lines in (head, tail[::-1]):
        for start, end in lines:
            match = _DATELINE.match(text, start, end)
            if match:
                return _dated(text, match.span("date"), "dateline")
    head_end = min(part.end, part.start + _HEAD_CHARS)
    match = _HEAD_DATE.search(text, part.start, head_end)
    if match:
        group = "date" if match.group("date") else "date2"
        return _dated(text, match.span(group), "dateline")
    for start, end in head:
        match = _DOC_NUMBER.match(text, start, end)
        if match:
            return YearSource(int(match.group("year")), "document-number",
                              Span(*match.span("year")), match.group().strip())
    return _title_year(text, head)


def _dated(text: str, span: tuple[int, int], source: str) -> YearSource:
    date = text[span[0]:span[1]]
    year_text = date.split("年", 1)[0].strip()
    if year_text[0].isdigit():
        year = numerals.arabic(year_text)
    else:
        year = numerals.chinese_digits(year_text)
    return YearSource(year, source, Span(*span), date)


def _title_year(text: str, head: list[tuple[int, int]]) -> YearSource | None:
    for start, end in head[:3]:
        line = text[start:end].strip()
        if not line or len(line) > 60 or "。" in line or _ENUMERATED.match(line) \
                or _REVIEW.search(line):
            continue
        years = [(m, int(m.group(1)) if m.group(1) else numerals.chinese_digits(m.group(2)))
                 for m in _YEAR_IN.finditer(text, start, end)]
        if years:
            match, year = max(years, key=lambda item: item[1])
            return YearSource(year, "title", Span(*match.span()), line)
    return None


def _head_and_tail(text: str, part: Span) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Bounds of the first and last few non-blank lines of the part."""
    head = _nonblank_lines(text, part.start, min(part.end, part.start + _EDGE_CHARS))[:_HEAD_LINES]
    tail_start = max(part.start, part.end - _EDGE_CHARS)
    tail = _nonblank_lines(text, tail_start, part.end)
    if tail_start > part.start:
        tail = tail[1:]  # the first line may be cut
    return head, tail[-_TAIL_LINES:]


def _nonblank_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    position = start
    for line in text[start:end].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            lines.append((position, position + len(content)))
        position += len(line)
    return lines


def _text_year(doc: Document, facts: YearFacts, part: Span) -> YearSource | None:
    """The year the text treats as current: a review of year N means N+1; else the latest
    year the text keeps returning to, leaving out targets (到2035年, 2030年前)."""
    text = doc.text
    match = _REVIEW.search(text, part.start, part.end)
    if match:
        group = next(g for g in ("next", "next2", "next3", "next4", "previous") if match.group(g))
        year = int(match.group(group)) + (-1 if group == "previous" else 1)
        return YearSource(year, "text", Span(*match.span()), match.group())
    counts: Counter[int] = Counter()
    first: dict[int, int] = {}
    for mention in facts.between(part.start, part.end):
        if is_target(text, mention.start, mention.end):
            continue
        counts[mention.value] += 1
        first.setdefault(mention.value, mention.start)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    if top + 1 in counts and _FRAME.search(text, part.start, part.end):
        # A report reviews last year most and plans for this one: 2004 x12, 2005 x3 -> 2005.
        year = top + 1
    else:
        total = sum(counts.values())
        year = max(y for y, n in counts.items() if (n >= 2 and n * 10 >= total) or y == top)
    start = first[year]
    return YearSource(year, "text", Span(start, start + 5), f"{year}年")
