"""The recall benchmark's number mutations terminate for every figure they are given."""

from __future__ import annotations

import sys
from pathlib import Path
from random import Random

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "recall"))
from recallbench.kinds.numbers import _off


@pytest.mark.parametrize("true", [0.5, 2.0, 3.2, 3.4, 12.0, 58.0])
@pytest.mark.parametrize("up", [False, True])
def test_a_wrong_share_is_clearly_off(true: float, up: bool) -> None:
    wrong = _off(true, Random(2), up)  # a share under 3.4% once looped for ever (seed 2)
    assert wrong > 0 and abs(wrong - true) >= 1.5
    if up:
        assert wrong > true
