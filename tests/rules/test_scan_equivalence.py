"""Linear rewrites of scans that used to backtrack: each answers exactly what the pattern it
replaced answered, on generated strings dense in the cases that matter."""

from __future__ import annotations

import random
import re

from doclint.rules.structure.repeated_text import _twice

# T602's former quick test: a sentence written twice in a row (backtracks on long sentences).
_TWICE = re.compile(r"([^。！？!?；;\x00]{8,}[。！？!?])\x00?\1")


def _pasted_strings(seed: int, count: int) -> list[str]:
    """Short runs of two letters and sentence marks, some of them repeated (whole or a tail)."""
    rnd = random.Random(seed)
    strings = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rnd.randint(1, 6)):
            word = "".join(rnd.choice("ab") for _ in range(rnd.randint(0, 12)))
            word += rnd.choice(["。", "!", "；", "\x00", "。\x00", ""])
            parts.append(word)
            if rnd.random() < 0.4:
                parts.append(word[rnd.randint(0, 3):])
        strings.append("".join(parts))
    return strings


def test_twice_answers_as_the_backreference_did() -> None:
    strings = _pasted_strings(seed=2, count=20000)
    expected = [_TWICE.search(s) is not None for s in strings]
    assert 0 < sum(expected) < len(strings)
    assert [_twice(s) for s in strings] == expected
