"""The fuzz targets (fuzz/targets.py) in CI's default run: a bounded hypothesis run of each,
and the inputs atheris found crashing once. The open-ended run is atheris's (see fuzz/)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

import targets

from doclint.core.config import load_config
from doclint.core.errors import ConfigError
from doclint.yamlrules import load_pack

BOUNDED = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(st.binary(max_size=2000))
def test_any_bytes_read_as_a_document(data: bytes) -> None:
    targets.read_document(data)


@pytest.mark.parametrize("seed", targets.seeds("readers"), ids=lambda s: str(s[0]))
def test_the_reader_seeds(seed: bytes) -> None:
    targets.read_document(seed)


PACK_SEEDS = targets.seeds("packs")


@BOUNDED
@given(st.sampled_from(PACK_SEEDS), st.integers(0, 200_000), st.binary(max_size=12),
       st.integers(0, 12))
@example(PACK_SEEDS[0], 0, b"? {a: [1]}\n: 2\n", 0)  # found by atheris: TypeError in ruamel
def test_a_mutated_pack_loads_or_is_refused(seed: bytes, at: int, insert: bytes,
                                            cut: int) -> None:
    at %= len(seed) + 1
    targets.load_pack(seed[:at] + insert + seed[at + cut:])


@pytest.mark.parametrize("text", [
    "? {a: [1]}\n: 2\n",                 # a mapping key holding a list: TypeError
    "name: x\ndate: 2024-13-45\n",       # an impossible date: ValueError
    "name: x\nn: !!int x\n",             # a bad explicit tag: ValueError
    "a: " + "[" * 5000 + "]" * 5000,     # nesting: RecursionError
])
def test_odd_yaml_is_a_config_error_not_a_crash(text: str, tmp_path: Path) -> None:
    for name in ("pack.yaml", ".doclint.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r": invalid YAML: "):
        load_pack(tmp_path / "pack.yaml")
    with pytest.raises(ConfigError, match=r": invalid YAML: "):
        load_config(tmp_path / ".doclint.yaml")
