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


def _doubled_half_before(text: str) -> str | None:
    """T601's doubled_half as it was, before its test of the halves without spaces."""
    from doclint.rules.structure import duplicate_line as module

    length = len(text)
    if not 2 * module._HALF_MIN_HAN <= length <= 2 * module._HALF_MAX \
            or text[-1] not in module._HALF_END:
        return None
    for cut in range(length // 2 - 2, length // 2 + 3):
        head, tail = text[:cut], text[cut:]
        if head.strip() and module._SPACES.sub("", head) == module._SPACES.sub("", tail):
            half = tail.strip()
            if module.han_count(half) >= module._HALF_MIN_HAN and half[-1] in module._HALF_END:
                return half
    return None


def test_doubled_half_answers_as_before() -> None:
    from doclint.rules.structure.duplicate_line import doubled_half

    rnd = random.Random(3)
    strings = []
    for _ in range(20000):
        half = "".join(rnd.choice("要抓好 建设。　") for _ in range(rnd.randint(6, 14))) + "。"
        other = half if rnd.random() < 0.6 else half[: -2] + "；"
        strings.append(rnd.choice(["", " ", "　"]).join((half, other)))
    expected = [_doubled_half_before(s) for s in strings]
    assert 0 < sum(e is not None for e in expected) < len(strings)
    assert [doubled_half(s) for s in strings] == expected


def test_shingle_hashes_are_those_of_each_piece() -> None:
    """A104's shingle hashes from one encoding equal the hash of each piece encoded alone,
    also when a character outside the basic plane (four bytes in UTF-8) is among them."""
    import zlib

    from doclint.rules.archive.duplicate_title import _SHINGLE
    from doclint.rules.archive.shingles import shingle_hashes

    for han in ("全县召开安全生产工作会议总结去年工作", "全县召开𠀀安全生产工作会议", "一二三四五六"):
        expected = [zlib.crc32(han[i : i + _SHINGLE].encode("utf-8"))
                    for i in range(len(han) - _SHINGLE + 1)]
        assert shingle_hashes(han, _SHINGLE) == expected


def test_every_white_space_page_copies_strips_but_the_space_is_unprintable() -> None:
    """PageCopies keys a sentence without white space and skips the regex for a printable
    sentence without an ASCII space: sound only while every other character the pattern
    strips is unprintable."""
    from doclint.rules.structure.copies import _SPACE

    stripped = [chr(c) for c in range(0x110000) if _SPACE.fullmatch(chr(c))]
    assert " " in stripped
    assert not [c for c in stripped if c != " " and c.isprintable()]
