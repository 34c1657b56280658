"""A104's body sketch: the numpy path gives the very values of the plain path and of the
definition (CRC-32 of each piece's UTF-8, sampled, smallest first)."""

from __future__ import annotations

import heapq
import random
import types
import zlib

import pytest
import regex

from doclint.rules.archive import shingles
from doclint.rules.archive.duplicate_title import (
    _MIN_BODY,
    _MIN_RUN,
    _PROSE,
    _SAMPLING,
    _SHINGLE,
    _SKETCH,
)

np = pytest.importorskip("numpy")
_HAN = regex.compile(r"\p{Han}+")


def _defined(body: str) -> list[int]:
    """The sketch as A104 defined it before it was vectorised."""
    runs = ["".join(_HAN.findall(run)) for run in _PROSE.findall(body)]
    runs = [han for han in runs if len(han) >= _MIN_RUN]
    if sum(map(len, runs)) < _MIN_BODY:
        return []
    values = {zlib.crc32(han[i : i + _SHINGLE].encode("utf-8"))
              for han in runs for i in range(len(han) - _SHINGLE + 1)}
    return heapq.nsmallest(_SKETCH, (v for v in values if v % _SAMPLING == 0))


def _both(body: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    args = (body, _PROSE, _MIN_RUN, _MIN_BODY, _SHINGLE, _SAMPLING, _SKETCH)
    monkeypatch.setitem(shingles._state, "numpy", False)
    plain = shingles.sketch(*args)
    monkeypatch.setitem(shingles._state, "numpy", np)
    return plain, shingles.sketch(*args)


ALPHABET = ("全县召开安全生产工作会议总结去年部署今年重点任务推进乡村振兴〇々"
            "，。、；：“”（）《》！？…—·１２０１９" "0123456789 abcXY\n\t\u3000\u00a0<>/=")


@pytest.mark.parametrize("seed", range(40))
def test_numpy_path_equals_the_definition(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(seed)
    pieces = []
    for _ in range(rnd.randint(1, 60)):
        word = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 40)))
        pieces.append(word)
    body = "".join(pieces)
    plain, fast = _both(body, monkeypatch)
    assert plain == fast == _defined(body)


def test_long_bodies_and_the_edges(monkeypatch: pytest.MonkeyPatch) -> None:
    prose = "今年全县经济运行总体平稳，地区生产总值增长百分之六，城乡居民收入稳步提高。"
    for body in ("", "abc", prose, prose * 40, "短句。" * 100, "十个汉字的一段正文啊\n" * 8,
                 "九个汉字的一段正文\n" * 30, prose * 3 + "\x00" + prose * 3,
                 prose * 5 + "𠀀" + prose * 5):  # outside the basic plane: the plain path
        plain, fast = _both(body, monkeypatch)
        assert plain == fast == _defined(body), body[:20]
    assert _both(prose * 40, monkeypatch)[1]  # a real body has a sketch


def test_numpy_is_imported_only_after_enough_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(shingles._state, "numpy", None)
    monkeypatch.setitem(shingles._state, "hashed", 0)
    monkeypatch.setattr(shingles, "sys", types.SimpleNamespace(modules={}))  # not loaded yet
    assert shingles._numpy() is None
    monkeypatch.setitem(shingles._state, "hashed", shingles.NUMPY_AFTER)
    assert shingles._numpy() is not None


@pytest.mark.parametrize("seed", range(6))
def test_long_bodies_take_the_bounded_path(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Thousands of sampled windows: the smallest values are found below a bound first.
    rnd = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + (40 if seed % 2 else 3000))]  # few: repeats
    lines = ["".join(rnd.choice(han) for _ in range(rnd.randint(5, 80))) + rnd.choice("，。\n a")
             for _ in range(400)]
    body = "".join(lines)
    plain, fast = _both(body, monkeypatch)
    assert plain == fast == _defined(body)
    assert len(fast) == _SKETCH or seed % 2
