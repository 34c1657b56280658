"""MinHash signatures of a text's Han shingles, and the LSH index that pairs them up.

The signature is datasketch's ``affine32`` MinHash (``MinHash(scheme="affine32")``: values
``a·fmix32(h) + b mod 2³²`` with datasketch's own permutation parameters), computed here with
numpy over all shingles at once, so that workers need neither datasketch's slow import nor its
per-item Python hashing. ``combine`` rebuilds datasketch ``MinHash`` objects from the bytes and
lets ``MinHashLSH`` find the candidate pairs. numpy and datasketch are imported on first use.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

SEED = 1
_CHUNK = 4096  # shingles per block of the (shingles x permutations) product: 2 MB of uint32
# Polynomial multipliers of the rolling shingle hash (any odd 64-bit constants will do).
_MULTIPLIER = 0x9E3779B97F4A7C15
# CJK ideographs: the unified blocks with extension A, the compatibility block, and the
# supplementary planes' extensions.
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))


@functools.cache
def available() -> bool:
    """Whether datasketch (and so numpy) is installed, found without importing it."""
    return importlib.util.find_spec("datasketch") is not None


def signature(text: str, size: int, num_perm: int, sampling: int = 1,
              min_han: int = 0) -> tuple[bytes, int] | None:
    """The MinHash of the set of ``size``-character shingles of the Han text of ``text``
    (``num_perm`` uint32 values, as bytes) and the number of distinct shingles it was computed
    from; None when the text has fewer than ``min_han`` Han characters or no shingle is kept.
    Shingles run across punctuation, spaces and line breaks, which are left out.

    With ``sampling`` n > 1 only the shingles whose hash falls in one n-th of the hash range
    are kept. The choice depends on the shingle alone, so two documents keep the same shingles
    and the Jaccard similarity of what is kept estimates that of the whole sets, for a
    fraction of the work (consistent sampling).
    """
    np = _numpy()
    codes = han_codes(np, text)
    if len(codes) < max(min_han, size):
        return None
    hashes = _fmix32(np, shingle_hashes(np, codes, size, sampling))
    if not len(hashes):
        return None
    a, b = _permutations(num_perm)
    values = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(hashes), _CHUNK):
        block = hashes[start : start + _CHUNK, None]
        np.minimum(values, (block * a + b).min(axis=0), out=values)
    return values.tobytes(), len(hashes)


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal values."""
    np = _numpy()
    left = np.frombuffer(first, dtype=np.uint32)
    right = np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(left == right)) / len(left)


def lsh_index(threshold: float, num_perm: int) -> Any:
    """An empty datasketch ``MinHashLSH`` (raises ImportError when datasketch is missing)."""
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=threshold, num_perm=num_perm)


def minhash(values: bytes) -> Any:
    """A datasketch ``MinHash`` holding the signature ``values``."""
    from datasketch import MinHash

    np = _numpy()
    return MinHash(seed=SEED, hashvalues=np.frombuffer(values, dtype=np.uint32),
                   scheme="affine32")


def han_codes(np: Any, text: str) -> Any:
    """The code points of the Han characters of ``text``, in order, as uint64."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    han = np.zeros(len(codes), dtype=bool)
    for low, high in _HAN_RANGES:
        han |= (codes >= low) & (codes <= high)
    return codes[han].astype(np.uint64)


def shingle_hashes(np: Any, codes: Any, size: int, sampling: int) -> Any:
    """The distinct 32-bit hashes of every ``size``-character run of ``codes`` that the sampling
    keeps: what datasketch's ``update_batch`` would receive from its hash function."""
    count = len(codes) - size + 1
    multiplier = np.uint64(_MULTIPLIER)
    rolled = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        rolled = rolled * multiplier + codes[offset : offset + count]
    folded = (rolled ^ (rolled >> np.uint64(32))).astype(np.uint32)
    if sampling > 1:
        # The top bits of the raw hash choose; the permutations work on the mixed value.
        folded = folded[folded < np.uint32(0xFFFFFFFF // sampling)]
    return np.unique(folded)


def _fmix32(np: Any, values: Any) -> Any:
    """The MurmurHash3 finalizer, as datasketch applies it before its permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


@functools.cache
def _permutations(num_perm: int) -> tuple[Any, Any]:
    """datasketch's affine32 parameters for ``seed=1``: the same draws from the same generator."""
    np = _numpy()
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _numpy() -> Any:
    import numpy

    return numpy
