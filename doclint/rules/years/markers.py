"""Era markers: phrases that belong to a span of years (plans, congresses, events, slogans).

The built-in markers live in ``data/era_markers.yaml``; users add their own files in the same
format through ``era_markers`` in the configuration (``doc.settings["era_markers"]``). Each marker
has:

``patterns``          any mention; only ``earliest_mention`` is checked against them, because
                      looking back (“党的十八大以来”, “‘十三五’时期取得的成就”) is always allowed;
``current_patterns``  wording that treats the marker as current (学习贯彻党的十九大精神, 征收农业税),
                      checked against ``valid_from``..``valid_to`` with a year of grace;
``future_patterns``   wording that treats it as current or still to come (力争在“十二五”期间建成),
                      checked against ``earliest_mention``..``valid_to``;
``pins``              wording that names one year (“十五”计划的收官之年, 改革开放30周年): each pin has
                      ``from``/``to``, or a ``base`` year to which the number captured as ``n``
                      adds (``bases`` maps named groups to base years when one pattern covers
                      several events);
                      ``current: true`` when the wording also speaks of the present without a year
                      of its own (确保“十一五”开好局, 迎接党的二十大胜利召开);
``keys``              optional literal strings, one of which every match contains: a cheap filter
                      so that only sentences holding a key are searched;
``lead``              how many years before ``earliest_mention`` wording that plans or announces
                      the marker (编制“十四五”规划, 即将召开党的二十大) is still plausible; by
                      default the lead of its ``kind`` (``DEFAULT_LEAD``; a five-year plan of
                      the 规划 era ``_PLAN_ERA_LEAD``);
``names``             for an event whose current wording may use a generic noun (办好奥运会): the
                      words that name this event (北京, 2008年, 第29届). Such wording is the marker
                      only when a name stands in its clause, when the title of its document names
                      the event (``patterns``), or when its document names the event and no
                      ``rivals``;
``rivals``            other events sharing the generic noun (巴黎奥运会, 北京冬奥会);
``stale_only``        for a campaign whose name was also a generic phrase before it
                      (党史学习教育): current wording is judged only after ``valid_to``, never as
                      too early.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from doclint.core.anchors import add_literals, literals_in
from doclint.core.datafiles import package_file
from doclint.core.lazyregex import LazyPattern
from doclint.core.prefilter import Prefilter, analyse
from doclint.core.regexstore import compiled_re
from doclint.rules.years import numerals

_DATA = "era_markers.yaml"
# Years a plan, a congress, a campaign or a goal may be announced before it can be mentioned as
# existing: plans are foreseen a plan or two ahead, congresses and goals named years before,
# campaigns announced in the report before they start. A name that did not exist yet (a slogan,
# an ideology, a ministry) cannot be announced early.
DEFAULT_LEAD = {"five_year_plan": 2, "party_congress": 5, "party_plenum": 1, "event": 7,
                "campaign": 2, "goal": 10, "policy": 2, "fiscal": 1, "institution": 1}
# A five-year plan of the 规划 era (“十一五” on) is named as a horizon once the plan before it is
# being drafted, a year before its own ``earliest_mention`` (the start of the plan before it): a
# long-range 计划 could be foreseen two plans ahead (“第七个五年计划也有了设想” in 1979), a 规划
# not (到“十四五”末 in 2014, before the “十三五” had begun, names a plan nobody had yet).
_PLAN_ERA_FROM, _PLAN_ERA_LEAD = 2006, 1


class MarkerError(ValueError):
    """An era-marker file is unreadable or malformed."""


@dataclass(frozen=True)
class Pin:
    """Wording that fixes the year it speaks of: ``first``..``last``, or ``base`` + n."""

    patterns: tuple[regex.Pattern[str], ...]
    first: int | None
    last: int | None
    base: int | None
    label: str
    current: bool = False  # without a year of its own, the wording means the present (开好局)
    # Group name -> base year, when one pattern covers several events.
    bases: tuple[tuple[str, int], ...] = ()

    def base_of(self, match: regex.Match[str]) -> int | None:
        for group, base in self.bases:
            if match.group(group) is not None:
                return base
        return self.base

    def years(self, match: regex.Match[str]) -> tuple[int, int]:
        base = self.base_of(match)
        if base is not None:
            year = base + numerals.number(match.group("n"))
            return year, year
        assert self.first is not None and self.last is not None
        return self.first, self.last


@dataclass(frozen=True)
class EraMarker:
    id: str
    label: str
    kind: str
    valid_from: int | None
    valid_to: int | None
    earliest_mention: int | None
    patterns: tuple[regex.Pattern[str], ...]
    current_patterns: tuple[regex.Pattern[str], ...] = ()
    future_patterns: tuple[regex.Pattern[str], ...] = ()
    pins: tuple[Pin, ...] = ()
    keys: tuple[str, ...] = ()
    note: str = ""
    origin: str = "builtin"
    lead: int = 0
    names: regex.Pattern[str] | None = None
    rivals: regex.Pattern[str] | None = None
    stale_only: bool = False

    @functools.cached_property
    def mention_limit(self) -> int | None:
        """The later of ``earliest_mention`` and ``valid_from``: a plain mention is looked for
        where the year may be before it."""
        limits = [y for y in (self.earliest_mention, self.valid_from) if y is not None]
        return max(limits) if limits else None

    def announced_from(self) -> int | None:
        """The earliest year wording that plans or announces the marker is plausible."""
        if self.earliest_mention is None:
            return None
        return self.earliest_mention - self.lead

    def period(self) -> str:
        """“2001—2005年”, “2017年起”, for messages."""
        if self.valid_from is None:
            return "—"
        if self.valid_to is None:
            return f"{self.valid_from}年起"
        if self.valid_to == self.valid_from:
            return f"{self.valid_from}年"
        return f"{self.valid_from}—{self.valid_to}年"


@dataclass
class MarkerSet:
    markers: list[EraMarker]
    by_key: dict[str, list[int]] = field(default_factory=dict)
    trigger: re.Pattern[str] | None = None
    trigger_keys: list[str] = field(default_factory=list)
    unkeyed: list[int] = field(default_factory=list)
    # Each key with the offset of its anchor (where a trigger match starts) and its group number
    # (of two keys on one anchor, the trigger tries the lower first): ``keys_in``.
    _anchored: list[tuple[str, int, int]] = field(default_factory=list)
    _key_set: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for number, marker in enumerate(self.markers):
            if not marker.keys:
                self.unkeyed.append(number)
            for key in marker.keys:
                self.by_key.setdefault(key, []).append(number)
        if self.by_key:
            pattern, self.trigger_keys = anchored_trie(self.by_key, common_rank())
            self.trigger = compiled_re(pattern)  # re.compile, kept between runs
            rank = common_rank()
            self._anchored = [(key, _anchor_index(key, rank), group)
                              for group, key in enumerate(self.trigger_keys)]
            self._key_set = frozenset(self.trigger_keys)
            add_literals(self.trigger_keys)  # found from now on in each document's anchor scan

    @functools.cached_property
    def pin_words(self) -> re.Pattern[str] | None:
        """Words one of which every match of every pin holds in its sentence: of each pin
        pattern, a group of strings its ``window_filter`` requires (one that is none of the
        marker's keys where there is one). A sentence holding none of them admits no pin
        pattern. None where a pin pattern requires nothing."""
        words: set[str] = set()
        for marker in self.markers:
            keys = frozenset(marker.keys)
            for pin in marker.pins:
                for pattern in pin.patterns:
                    groups = window_filter(pattern).required
                    if not groups:
                        return None
                    words.update(next((group for group in groups if not group & keys), groups[-1]))
        if not words:
            return None
        return re.compile("|".join(re.escape(word) for word in sorted(words)))

    def key_of(self, match: re.Match[str]) -> str:
        """The key a trigger match found (each key has its own empty group ``k<n>``)."""
        return self.trigger_keys[int(match.lastgroup[1:])]  # type: ignore[index]

    def keys_in(self, text: str) -> list[tuple[int, int, str]]:
        """What ``trigger.finditer(text)`` finds, as (start, end, key), in order.

        Read from the document's literal scan (``doclint.core.anchors.literals_in``), which
        finds every key in the same Aho–Corasick pass as the anchors, when it looked for all of
        them (not in the first document scanned before the markers were loaded, nor for a key of
        one character): a scan of the trigger costs as much again. Every occurrence of a key
        gives a trigger match from its anchor to its end; the trigger takes them left to right
        without overlap, and of two on one anchor the key of the lower group.
        """
        literals = literals_in(text) if self.trigger is not None else None
        if literals is None or not self._key_set <= literals.keys:
            if self.trigger is None:
                return []
            return [(m.start(), m.end(), self.key_of(m)) for m in self.trigger.finditer(text)]
        positions = literals.positions
        occurrences: list[tuple[int, int, int, str]] = []
        for key, anchor, group in self._anchored:
            starts = positions.get(key)
            if starts:
                length = len(key)
                occurrences.extend([(start + anchor, group, start + length, key)
                                    for start in starts])
        occurrences.sort()
        found = []
        reached = 0
        for start, _, end, key in occurrences:
            if start >= reached:
                found.append((start, end, key))
                reached = end
        return found


@functools.cache
def window_filter(pattern: regex.Pattern[str]) -> Prefilter:
    """What every match of a marker pattern holds of its own text, to skip a search bounded to a
    sentence that cannot match (``Prefilter.admits`` on the sentence's text). A lookbehind may
    read before the search's start, so a pattern with a positive one is not filtered. Kept per
    pattern: the marker sets are kept too."""
    if "(?<=" in pattern.pattern:
        return Prefilter()
    return analyse(pattern.pattern)


def anchored_trie(words: Iterable[str], rank: Mapping[str, int]) -> tuple[str, list[str]]:
    """One ``re`` pattern finding any of ``words``, and the word of each group ``k<n>``.

    Scanning Chinese text for many keys is slow when keys start with common characters (党,
    国, 全 ...): every such character is a place to try. So each key is matched from its
    rarest character, with a look-behind for the characters before it; keys sharing that
    anchor share one branch. An empty group per key tells which key matched.
    """
    by_anchor: dict[str, list[tuple[str, str, str]]] = {}
    for word in words:
        index = _anchor_index(word, rank)
        by_anchor.setdefault(word[index], []).append((word[:index], word[index + 1:], word))
    names: list[str] = []
    branches = []
    for anchor, items in sorted(by_anchor.items()):
        alternatives = []
        for before, after, word in sorted(items, key=lambda item: -len(item[2])):
            behind = f"(?<={re.escape(before + anchor)})" if before else ""
            alternatives.append(f"{behind}{re.escape(after)}(?P<k{len(names)}>)")
            names.append(word)
        branches.append(re.escape(anchor) + "(?:" + "|".join(alternatives) + ")")
    return "|".join(branches), names


def _anchor_index(word: str, rank: Mapping[str, int]) -> int:
    """Where in ``word`` its rarest character is: the trigger matches it from there."""
    return min(range(len(word)), key=lambda i: _commonness(word[i], rank))


def _commonness(char: str, rank: Mapping[str, int]) -> int:
    if char.isascii() and char.isalpha():
        return 0
    if not ("\u4e00" <= char <= "\u9fff"):  # digits and punctuation are everywhere
        return len(rank) + 1
    return rank.get(char, 0)


@functools.cache
def common_rank() -> dict[str, int]:
    """Rank of the most frequent Han characters in government reports (0 = most frequent)."""
    data = package_file("doclint.rules.years", "data", "common_chars.txt")
    text = data.read_text("utf-8")
    chars = "".join(line.strip() for line in text.splitlines() if not line.startswith("#"))
    return {char: len(chars) - number for number, char in enumerate(chars)}


@functools.cache
def builtin_markers() -> tuple[EraMarker, ...]:
    from doclint.core import fastyaml

    # Parsed once, then loaded from the build cache: the file is large and YAML is slow.
    data = fastyaml.load_file(package_file("doclint.rules.years", "data", _DATA))
    return tuple(parse_markers(_marker_list(data, _DATA), origin="builtin", lazy=True))


@functools.cache
def user_markers(path: str) -> tuple[EraMarker, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise MarkerError(f"cannot read era-marker file {path}: {exc}") from None
    return tuple(parse_markers(_load_yaml(text, path), origin=path))


@functools.cache
def marker_set(paths: tuple[str, ...] = ()) -> MarkerSet:
    """The built-in markers plus those of ``paths``; a user marker replaces a built-in one by id."""
    chosen = {m.id: m for m in builtin_markers()}
    for path in paths:
        chosen.update((m.id, m) for m in user_markers(path))
    return MarkerSet(list(chosen.values()))


def _load_yaml(text: str, where: str) -> list[dict[str, Any]]:
    from doclint.core import fastyaml

    try:
        data = fastyaml.safe_load(text)
    except fastyaml.YAMLError as exc:
        raise MarkerError(f"{where}: invalid YAML: {exc}") from None
    return _marker_list(data, where)


def _marker_list(data: Any, where: str) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        data = data.get("markers")
    if not isinstance(data, list):
        raise MarkerError(f"{where}: expected a list of markers (or a mapping with 'markers')")
    return data


def parse_markers(items: Sequence[Any], origin: str, lazy: bool = False) -> list[EraMarker]:
    """Markers from YAML data; ``lazy`` defers compiling (only for the tested built-in data)."""
    markers = []
    for number, item in enumerate(items):
        where = f"{origin}: marker {number + 1}"
        if not isinstance(item, dict) or "id" not in item:
            raise MarkerError(f"{where}: each marker is a mapping with an 'id'")
        where = f"{origin}: marker {item['id']!r}"
        try:
            markers.append(_marker(item, origin, lazy))
        except (regex.error, TypeError, ValueError, KeyError) as exc:
            raise MarkerError(f"{where}: {exc}") from None
    return markers


def _compile(patterns: Any, lazy: bool = False) -> tuple[regex.Pattern[str], ...]:
    if patterns is None:
        return ()
    if isinstance(patterns, str):
        patterns = [patterns]
    if lazy:
        return tuple(LazyPattern(str(p), regex.M | regex.W) for p in patterns)  # type: ignore[misc]
    return tuple(regex.compile(str(p), regex.M | regex.W) for p in patterns)


def _one(pattern: Any, lazy: bool = False) -> regex.Pattern[str] | None:
    compiled = _compile(pattern, lazy)
    if len(compiled) > 1:
        raise TypeError("names and rivals are one pattern each")
    return compiled[0] if compiled else None


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"years must be numbers, got {value!r}")
    return value


def _base(value: Any) -> int:
    year = _year(value)
    if year is None:
        raise TypeError("a base year must be a number")
    return year


def _lead(item: dict[str, Any]) -> int:
    value = item.get("lead")
    if value is None:
        kind = str(item.get("kind", "other"))
        start = item.get("valid_from")
        if kind == "five_year_plan" and isinstance(start, int) and start >= _PLAN_ERA_FROM:
            return _PLAN_ERA_LEAD
        return DEFAULT_LEAD.get(kind, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"lead must be a number of years, got {value!r}")
    return value


def _marker(item: dict[str, Any], origin: str, lazy: bool = False) -> EraMarker:
    pins = tuple(
        Pin(_compile(pin["patterns"], lazy), _year(pin.get("from")), _year(pin.get("to")),
            _year(pin.get("base")), str(pin.get("label", "")), bool(pin.get("current", False)),
            tuple((str(k), _base(v)) for k, v in (pin.get("bases") or {}).items()))
        for pin in item.get("pins") or ()
    )
    for pin in pins:
        if pin.base is None and not pin.bases and (pin.first is None or pin.last is None):
            raise ValueError("a pin needs 'from' and 'to', 'base', or 'bases'")
    marker = EraMarker(
        id=str(item["id"]),
        label=str(item.get("label") or item["id"]),
        kind=str(item.get("kind", "other")),
        valid_from=_year(item.get("valid_from")),
        valid_to=_year(item.get("valid_to")),
        earliest_mention=_year(item.get("earliest_mention")),
        patterns=_compile(item.get("patterns"), lazy),
        current_patterns=_compile(item.get("current_patterns"), lazy),
        future_patterns=_compile(item.get("future_patterns"), lazy),
        pins=pins,
        keys=tuple(str(k) for k in item.get("keys") or ()),
        note=str(item.get("note", "")),
        origin=origin,
        lead=_lead(item),
        names=_one(item.get("names"), lazy),
        rivals=_one(item.get("rivals"), lazy),
        stale_only=bool(item.get("stale_only", False)),
    )
    if (marker.current_patterns or marker.future_patterns) and marker.valid_from is None:
        raise ValueError("current_patterns and future_patterns need valid_from")
    return marker
