"""Run one fuzz target under atheris (libFuzzer), seeded with ``targets.seeds``."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def main(name: str, target: Callable[[bytes], None], seeds: list[bytes]) -> None:
    import atheris

    corpus = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    flags = [arg for arg in sys.argv[1:] if arg.startswith("-")]
    if not corpus:  # a fresh corpus folder holding the seeds
        folder = Path(tempfile.mkdtemp(prefix=f"doclint-fuzz-{name}-"))
        for number, seed in enumerate(seeds):
            (folder / f"seed{number}").write_bytes(seed)
        corpus = [str(folder)]
        print(f"fuzz_{name}: corpus in {folder}", file=sys.stderr)
    atheris.Setup([sys.argv[0], *flags, *corpus], target)
    atheris.Fuzz()
