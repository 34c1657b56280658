"""Scans of the style rules that look only where a match can start: each finds exactly what
the whole-text ``finditer`` of its pattern found, on generated strings dense in the cases
that matter (figures, points, colons, letters and what may stand before them)."""

from __future__ import annotations

import random

import regex

from doclint.rules.style.acronyms import figure_acronyms, find_figure_acronyms, lexicon
from doclint.rules.style.mixed_forms import _PAREN, _RATIO, _marks, _ratios

_OLD_PAREN = regex.compile(r"(?P<open>[(（])[A-Za-z0-9.%％+\-/、，, ]{1,12}(?P<close>[)）])")


def _strings(seed: int, pieces: list[str], count: int = 20000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16))) for _ in range(count)]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_figure_acronyms_are_found_as_by_the_whole_text_scan() -> None:
    pieces = [*"5gGpPmM21o0O.@/_-\\ K中a", "５", "pm2.5", "PM10", "5G", "p2p", "O2O", "3g",
              "2.5"]
    strings = _strings(4, pieces)
    expected = [_spans(figure_acronyms().finditer(s)) for s in strings]
    assert 1000 < sum(map(len, expected))
    assert [_spans(find_figure_acronyms(s)) for s in strings] == expected


def test_every_figure_acronym_is_letters_figures_and_points() -> None:
    """What ``find_figure_acronyms`` relies on: each key a run of ASCII letters, digits and
    points, with a letter and a digit in it."""
    keys = [k for k in lexicon() if not k.isalpha()]
    assert keys
    assert all(regex.fullmatch(r"[a-z0-9.]*(?:[a-z][a-z0-9.]*[0-9]|[0-9][a-z0-9.]*[a-z])"
                               r"[a-z0-9.]*", k) for k in keys)


def test_ratios_are_found_as_by_the_whole_text_scan() -> None:
    strings = _strings(5, [*"12３.．:：∶a比 \n", "19:00", "60：16：24", "1.5:2"])
    expected = [[(m.span(), m.group("colon"), m.group("more")) for m in _RATIO.finditer(s)]
                for s in strings]
    assert 1000 < sum(map(len, expected))
    assert [[(m.span(), m.group("colon"), m.group("more")) for m in _ratios(s)]
            for s in strings] == expected


def test_brackets_are_found_as_by_one_pattern() -> None:
    strings = _strings(6, [*"(（)）aB1.%、，, 中-", "GDP", "(1)"])
    expected = [[(m.span(), m.group("open"), m.group("close")) for m in _OLD_PAREN.finditer(s)]
                for s in strings]
    found = [sorted((m for p in _PAREN for m in p.finditer(s)), key=lambda m: m.start())
             for s in strings]
    assert 1000 < sum(map(len, expected))
    assert [[(m.span(), m.group("open"), m.group("close")) for m in f] for f in found] == expected


def test_marks_of_a_mixed_text() -> None:
    text = "比例为60：16：24，(GDP)与（CPI），19:00开会，按6:4分担。"
    assert [(form, span.start, span.end) for _, form, span in _marks(text)] == [
        ("：", 3, 11), (":", 33, 36), ("(", 12, 17), ("（", 18, 23)]
