"""A body's sketch for A104: sampled CRC-32 hashes of the Han shingles of its prose runs.

The body is cut into prose runs (maximal runs of characters a pattern accepts); each run keeps
its Han characters, and a run with at least ``min_run`` of them contributes every
``size``-character piece (never one across runs). A piece's hash is ``zlib.crc32`` of its
UTF-8; the sketch is the ``limit`` smallest distinct hashes that are multiples of ``sampling``.

Hashing one shingle costs one Python-level call of ``zlib.crc32`` on a slice, some 150 ns,
and cutting the runs one regex call per run: most of A104's time per document. CRC-32 is affine
over messages of one length, so the CRC of a window of ``size`` three-byte characters is a
constant XOR one table entry per byte position. numpy computes every window of a body at once,
and finds the runs with a per-code-point table of the pattern.

Without numpy (``_plain``), the runs are cut by two passes over the whole body, and only the
windows that can be in the sketch are hashed one by one. Each byte of every window's CRC is
computed at once: each byte position of a window has a ``bytes.translate`` table, and the XOR
of the translated byte streams is one XOR of big integers, all in C. The lowest byte says which
windows are sampled; the highest byte orders them coarsely: the sketch's ``limit`` smallest
hashes lie among the windows whose highest byte is at most some ``t`` as soon as those windows
give ``limit`` distinct sampled hashes (every other hash is larger), so only those are hashed,
``t`` raised until they do. The values are those of one ``crc32`` per piece (tested on every
path); only the speed differs (about a third of the time of hashing every piece).

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
from collections.abc import Callable, Iterator
from itertools import filterfalse
from typing import Any

import regex

from doclint.core.lazyregex import lazy_regex

NUMPY_AFTER = 500_000  # characters hashed in Python before importing numpy pays for itself
_HAN = lazy_regex(r"\p{Han}+")
_NOT_HAN_NOR_NUL = lazy_regex(r"[^\p{Han}\0]+")
_state: dict[str, Any] = {"hashed": 0, "numpy": None}  # numpy: None (not tried), False, module


def sketch(body: str, prose: regex.Pattern[str], min_run: int, min_body: int, size: int,
           sampling: int, limit: int) -> list[int]:
    """The sketch of ``body`` in ascending order (see the module's note); empty when its
    runs hold fewer than ``min_body`` Han characters. ``sampling`` is a power of two, and
    ``prose`` never matches NUL."""
    np = _numpy()
    if np is not None:
        found = _vectorised(np, body, prose, min_run, min_body, size, sampling, limit)
        if found is not None:
            return found
    # Every prose run's Han characters, the runs apart: the runs joined by NUL (which no prose
    # run holds), everything else cut out, split again.
    runs = [han for han in _NOT_HAN_NOR_NUL.sub("", "\0".join(prose.findall(body))).split("\0")
            if len(han) >= min_run]
    if sum(map(len, runs)) < min_body:
        return []
    joined = "".join(runs)
    _state["hashed"] += len(joined)
    data = joined.encode("utf-8")
    if len(data) == 3 * len(joined):  # no character outside the Basic Multilingual Plane
        return _plain(data, list(map(len, runs)), size, sampling, limit)
    hashes: set[int] = set()
    unsampled = (sampling - 1).__and__
    for han in runs:
        # NOTE: filterfalse over a bound method keeps the sampling loop in C.
        hashes.update(filterfalse(unsampled, shingle_hashes(han, size)))
    return heapq.nsmallest(limit, hashes)


def _plain(data: bytes, lengths: list[int], size: int, sampling: int, limit: int) -> list[int]:
    """The sketch of runs of Han characters (three bytes each in UTF-8) laid end to end in
    ``data``, ``lengths`` characters each (see the module's note)."""
    count = len(data) // 3 - size + 1  # window starts over the runs laid end to end
    if count <= 0:
        return []
    # A window is kept when it ends inside the run it starts in.
    inside = bytearray(b"\1") * count
    start = 0
    for length in lengths:
        end = start + length
        cut, stop = max(start, end - size + 1), min(end, count)
        if cut < stop:
            inside[cut:stop] = bytes(stop - cut)
        start = end
    if sampling > 0x100:  # the lowest byte alone cannot tell which are sampled
        return _smallest(data, size, _ones(bytes(inside)), sampling, limit)
    streams = (data[0::3], data[1::3], data[2::3])  # each character's first, second, last byte
    lowest, highest = _crc_byte(streams, size, count, 0), _crc_byte(streams, size, count, 3)
    kept = int.from_bytes(lowest.translate(_sampled(sampling)), "little") \
        & int.from_bytes(inside, "little")
    top = 0xFF
    wanted = 2 * limit * sampling << 8  # a highest byte of at most top: (top + 1) / 256 of them
    while top and wanted <= count * ((top + 1) >> 1):
        top >>= 1
    while True:
        below = int.from_bytes(highest.translate(_at_most(top)), "little")
        found = _smallest(data, size, _ones((kept & below).to_bytes(count, "little")),
                          sampling, limit, complete=top == 0xFF)
        if found is not None:
            return found
        top = top << 1 | 1


def _smallest(data: bytes, size: int, starts: Iterator[int], sampling: int, limit: int,
              complete: bool = True) -> list[int] | None:
    """The ``limit`` smallest distinct sampled hashes of the windows at ``starts``; None when
    they are fewer than ``limit`` and not ``complete`` (then larger ones may be missing)."""
    width = 3 * size
    hashes = {zlib.crc32(data[3 * at : 3 * at + width]) for at in starts}
    hashes = {value for value in hashes if not value & (sampling - 1)}
    if len(hashes) < limit and not complete:
        return None
    return heapq.nsmallest(limit, hashes)


def _ones(marks: bytes) -> Iterator[int]:
    """Where ``marks`` holds a byte 1."""
    at = marks.find(1)
    while at != -1:
        yield at
        at = marks.find(1, at + 1)


def _crc_byte(streams: tuple[bytes, bytes, bytes], size: int, count: int, octet: int) -> bytes:
    """Byte ``octet`` (0 the lowest) of the CRC-32 of each of the first ``count`` windows of
    ``size`` characters, from the characters' first, second and last bytes."""
    total = 0
    for position, table in enumerate(_translations(size)[octet]):
        char, byte = divmod(position, 3)
        total ^= int.from_bytes(streams[byte].translate(table)[char : char + count], "little")
    return total.to_bytes(count, "little")


@functools.cache
def _sampled(sampling: int) -> bytes:
    """The ``bytes.translate`` table of a hash's lowest byte: 1 when the hash is sampled."""
    return bytes(int(not value & (sampling - 1)) for value in range(0x100))


@functools.cache
def _at_most(top: int) -> bytes:
    """The ``bytes.translate`` table of a byte: 1 when it is at most ``top``."""
    return bytes(int(value <= top) for value in range(0x100))


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
    # One lookup per character: not prose, prose, Han. NOTE: gathers here use take, a third
    # faster than indexing.
    kinds = _kinds(np, prose).take(codes)
    # A run's number: how many characters that are not prose come before it.
    run_of = np.cumsum(kinds == _NOT_PROSE, dtype=np.int32)
    han_at = np.flatnonzero(kinds == _HAN_CHAR)
    han, runs = codes.take(han_at), run_of.take(han_at)
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
    # NOTE: the code points cast to indices once, not once per position.
    han = han.astype(np.intp)
    values = tables[0].take(han[:count])
    values ^= np.uint32(empty)
    for position in range(1, size):
        values ^= tables[position].take(han[position : position + count])
    # A window is kept when it is sampled and ends inside the run it starts in: the last
    # ``size - 1`` starts before each run's end cross it.
    kept = (values & np.uint32(sampling - 1)) == 0
    crossing = (np.cumsum(lengths)[:, None] - np.arange(1, size)).ravel()
    kept[crossing[(crossing >= 0) & (crossing < count)]] = False
    return _smallest_distinct(np, values[kept], limit)


_NOT_PROSE, _PROSE_CHAR, _HAN_CHAR = 0, 1, 2


def _smallest_distinct(np: Any, values: Any, limit: int) -> list[int]:
    """The ``limit`` smallest distinct ``values``, ascending. The values are hashes, spread
    evenly: those below a bound that about ``4 * limit`` of them stay under usually hold
    ``limit`` distinct ones, and then they are the smallest distinct values; else the smallest
    ``2 * limit`` values, found by a partial sort, usually do (the same argument)."""
    if len(values) > 8 * limit:
        below = values[values < np.uint32(min(0xFFFFFFFF, (4 * limit << 32) // len(values)))]
        distinct = _distinct(np, below)
        if len(distinct) >= limit:
            return distinct[:limit].tolist()  # type: ignore[no-any-return]
    window = 2 * limit
    if len(values) > window:
        distinct = _distinct(np, np.partition(values, window - 1)[:window])
        if len(distinct) >= limit:
            return distinct[:limit].tolist()  # type: ignore[no-any-return]
    return _distinct(np, values)[:limit].tolist()  # type: ignore[no-any-return]


def _distinct(np: Any, values: Any) -> Any:
    """``np.unique(values)``: sorted, each value once. numpy 2's ``unique`` hashes the values
    first, which costs many times a sort on the few hundred values of a sketch."""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


@functools.cache
def _kinds(np: Any, prose: regex.Pattern[str]) -> Any:
    """Per code point below U+10000: ``_HAN_CHAR`` where ``prose`` accepts it and it is Han,
    ``_PROSE_CHAR`` where ``prose`` accepts it otherwise, else ``_NOT_PROSE``."""
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
    return is_prose.astype(np.uint8) + is_han


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
