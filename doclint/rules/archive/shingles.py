"""A body's sketch for A104: sampled CRC-32 hashes of the Han shingles of its prose runs.

The body is cut into prose runs (maximal runs of characters a pattern accepts); each run keeps
its Han characters, and a run with at least ``min_run`` of them contributes every
``size``-character piece (never one across runs). A piece's hash is ``zlib.crc32`` of its
UTF-8; the sketch is the ``limit`` smallest distinct hashes that are multiples of ``sampling``.

Hashing one shingle costs one Python-level call of ``zlib.crc32`` on a slice, some 150 ns,
and cutting the runs one regex call per run: most of A104's time per document. CRC-32 is affine
over messages of one length, so the CRC of a window of ``size`` three-byte characters is a
constant XOR one table entry per byte position. numpy computes every window of a body at once,
and finds the runs with a per-code-point table of the pattern. Without numpy the same sums are
taken a byte of the CRC at a time over the whole body (``_window_hashes``): each byte position's
table is a ``bytes.translate`` table, and the XOR of the translated byte streams is one XOR of
big integers, all in C (about a third of the time of one ``crc32`` call per window). The values
are those of one ``crc32`` per piece (tested on every path); only the speed differs.

numpy is optional (it comes with the ``archive`` extra) and costs about 0.1 s to import, more
than hashing a few documents: a process hashes in Python until it has hashed ``NUMPY_AFTER``
characters (a large run), then imports numpy if it is installed; a process that has loaded
numpy already uses it at once. A body with a character outside the Basic Multilingual Plane
takes the plain path.
"""

from __future__ import annotations

import functools
import heapq
import sys
import zlib
from array import array
from collections.abc import Callable
from itertools import filterfalse
from typing import Any

import regex

from doclint.core.lazyregex import lazy_regex

NUMPY_AFTER = 500_000  # characters hashed in Python before importing numpy pays for itself
_HAN = lazy_regex(r"\p{Han}+")
_state: dict[str, Any] = {"hashed": 0, "numpy": None}  # numpy: None (not tried), False, module


def sketch(body: str, prose: regex.Pattern[str], min_run: int, min_body: int, size: int,
           sampling: int, limit: int) -> list[int]:
    """The sketch of ``body`` in ascending order (see the module's note); empty when its
    runs hold fewer than ``min_body`` Han characters. ``sampling`` is a power of two."""
    np = _numpy()
    if np is not None:
        found = _vectorised(np, body, prose, min_run, min_body, size, sampling, limit)
        if found is not None:
            return found
    runs = []
    for run in prose.findall(body):
        han = "".join(_HAN.findall(run))
        if len(han) >= min_run:
            runs.append(han)
    if sum(map(len, runs)) < min_body:
        return []
    hashes: set[int] = set()
    unsampled = (sampling - 1).__and__
    joined = "".join(runs)
    data = joined.encode("utf-8")
    if len(data) == 3 * len(joined):  # three-byte characters only: every window at once
        windows = _window_hashes(data, size)
        start = 0
        for han in runs:
            # The windows of one run: those that start in it and end in it.
            hashes.update(filterfalse(unsampled, windows[start : start + len(han) - size + 1]))
            start += len(han)
    else:
        for han in runs:
            # NOTE: filterfalse over a bound method keeps the sampling loop in C.
            hashes.update(filterfalse(unsampled, shingle_hashes(han, size)))
    _state["hashed"] += len(joined)
    return heapq.nsmallest(limit, hashes)


def shingle_hashes(han: str, size: int, crc32: Callable[[bytes], int] = zlib.crc32
                   ) -> list[int]:
    """CRC-32 of the UTF-8 of every ``size``-character piece of ``han``, in order."""
    data = han.encode("utf-8")
    if len(data) == 3 * len(han):  # NOTE: one encoding, then byte slices: a quarter faster
        width = 3 * size
        return [crc32(data[start : start + width])
                for start in range(0, len(data) - width + 1, 3)]
    return [crc32(han[start : start + size].encode("utf-8"))
            for start in range(len(han) - size + 1)]


def _window_hashes(data: bytes, size: int) -> array[int]:
    """CRC-32 of every ``size``-character piece of ``data``, the UTF-8 of three-byte
    characters only, in order (as ``shingle_hashes``; see the module's note)."""
    count = len(data) // 3 - size + 1
    if count <= 0:
        return array("I")
    translations = _translations(size)
    streams = (data[0::3], data[1::3], data[2::3])  # each character's first, second, last byte
    out = bytearray(4 * count)
    for octet, tables in enumerate(translations):
        total = 0
        for position, table in enumerate(tables):
            char, byte = divmod(position, 3)
            total ^= int.from_bytes(streams[byte].translate(table)[char : char + count],
                                    "little")
        out[octet::4] = total.to_bytes(count, "little")
    windows = array("I", out)
    if sys.byteorder == "big":
        windows.byteswap()
    return windows


@functools.cache
def _translations(size: int) -> tuple[tuple[bytes, ...], ...]:
    """For windows of ``size`` three-byte characters, for each byte of the CRC (lowest first)
    and each byte position of the window: the ``bytes.translate`` table of what a byte value
    there gives that byte of the CRC. The first position's tables hold the all-zero message's
    CRC too, so the XOR over the positions is the window's CRC."""
    byte_tables, empty = _byte_tables(3 * size)
    return tuple(
        tuple(bytes((entry ^ (empty if position == 0 else 0)) >> 8 * octet & 0xFF
                    for entry in table)
              for position, table in enumerate(byte_tables))
        for octet in range(4))


def _numpy() -> Any:
    """numpy when this process should use it (see the module's note), else None."""
    np = _state["numpy"]
    if np is None:
        if "numpy" not in sys.modules and _state["hashed"] < NUMPY_AFTER:
            return None
        try:
            import numpy as np
        except ImportError:
            np = False
        _state["numpy"] = np
    return np or None


def _vectorised(np: Any, body: str, prose: regex.Pattern[str], min_run: int, min_body: int,
                size: int, sampling: int, limit: int) -> list[int] | None:
    """``sketch`` computed with numpy; None for a body outside the Basic Multilingual Plane."""
    codes = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(codes) or codes.max() > 0xFFFF:
        return None if len(codes) else []
    is_prose, is_han = _classes(np, prose)
    # A run's number: how many characters that are not prose come before it.
    run_of = np.cumsum(~is_prose[codes])
    han_at = np.flatnonzero(is_han[codes])  # Han characters are prose
    han, runs = codes[han_at], run_of[han_at]
    if not len(han):
        return []
    # Han characters of one run lie together: cut them where the run number changes.
    starts = np.flatnonzero(np.concatenate(([True], runs[1:] != runs[:-1])))
    every = np.diff(np.append(starts, len(han)))
    long_enough = every >= min_run
    lengths = every[long_enough]
    if int(lengths.sum()) < min_body:
        return []
    han = han[np.repeat(long_enough, every)]
    count = len(han) - size + 1  # window starts over the kept runs laid end to end
    if count <= 0:
        return []
    tables, empty = _char_tables(np, size)
    values = np.full(count, empty, dtype=np.uint32)
    for position in range(size):
        values ^= tables[position][han[position : position + count]]
    # A window is kept when it ends inside the run it starts in.
    run_ends = np.repeat(np.cumsum(lengths), lengths)[:count]
    values = values[np.arange(size, count + size) <= run_ends]
    values = values[(values & np.uint32(sampling - 1)) == 0]
    return _smallest_distinct(np, values, limit)


def _smallest_distinct(np: Any, values: Any, limit: int) -> list[int]:
    """The ``limit`` smallest distinct ``values``, ascending. ``np.unique`` of a whole body's
    values is slow (numpy 2 hashes them, then sorts); the smallest ``2 * limit`` values, found
    by a partial sort, usually hold ``limit`` distinct ones, and the distinct values of the
    smallest values are the smallest distinct values."""
    window = 2 * limit
    if len(values) > window:
        distinct = np.unique(np.partition(values, window - 1)[:window])
        if len(distinct) >= limit:
            return distinct[:limit].tolist()  # type: ignore[no-any-return]
    return np.unique(values)[:limit].tolist()  # type: ignore[no-any-return]


@functools.cache
def _classes(np: Any, prose: regex.Pattern[str]) -> tuple[Any, Any]:
    """Which code points below U+10000 ``prose`` accepts, and which are Han."""
    points = "".join(map(chr, range(0x10000)))
    tables = []
    for pattern in (prose, _HAN):
        table = np.zeros(0x10000, dtype=bool)
        for found in pattern.finditer(points):
            table[found.start() : found.end()] = True
        tables.append(table)
    is_prose, is_han = tables
    # The character tables hold three-byte characters only; Han characters lie far above.
    assert not is_han[:0x800].any() and not (is_han & ~is_prose).any()
    return is_prose, is_han


@functools.cache
def _byte_tables(width: int) -> tuple[tuple[tuple[int, ...], ...], int]:
    """For messages of ``width`` bytes: each position's table (what a byte value there adds
    to the CRC of the all-zero message, by XOR) and that CRC."""
    empty = zlib.crc32(bytes(width))
    tables = []
    for position in range(width):
        message = bytearray(width)
        row = []
        for value in range(256):
            message[position] = value
            row.append(zlib.crc32(message) ^ empty)
        tables.append(tuple(row))
    return tuple(tables), empty


@functools.cache
def _char_tables(np: Any, size: int) -> tuple[Any, int]:
    """For windows of ``size`` three-byte characters: each character position's table over
    the code points below U+10000 (what the character's UTF-8 there adds to the CRC of the
    all-zero message; meaningless below U+0800, where no Han character lies), and that CRC."""
    bytes_tables, empty = _byte_tables(3 * size)
    octets = np.array(bytes_tables, dtype=np.uint32)
    points = np.arange(0x10000, dtype=np.uint32)
    lead = (0xE0 | points >> 12) & 0xFF
    middle = 0x80 | (points >> 6) & 0x3F
    last = 0x80 | points & 0x3F
    tables = np.stack([octets[3 * p][lead] ^ octets[3 * p + 1][middle] ^ octets[3 * p + 2][last]
                       for p in range(size)])
    return tables, empty
