"""The text formatter measures plain lines itself, exactly as wcwidth would."""

from __future__ import annotations

import random

from wcwidth import wcswidth

from doclint.report.text import _PLAIN, display_width


def test_every_plain_character_is_as_wide_as_wcwidth_says() -> None:
    plain = [chr(o) for o in range(0x20, 0x10000) if _PLAIN.fullmatch(chr(o))]
    assert len(plain) > 28000
    assert [c for c in plain if display_width(c) != wcswidth(c)] == []


def test_plain_and_other_lines_measure_as_with_wcwidth() -> None:
    rng = random.Random(7)
    alphabet = "国办发〔2023〕12号，。：“”（）ＡＢ１２ abc—…·\t\u0301\u200d👍\u302a"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        width = wcswidth(text)
        expected = width if width >= 0 else sum(max(wcswidth(c), 0) for c in text)
        assert display_width(text) == expected, text
