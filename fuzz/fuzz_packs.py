"""atheris target: any bytes loaded as a YAML rule pack, its rules run on a sample.

Run for a bounded time (outside CI's default run)::

    pip install atheris
    python fuzz/fuzz_packs.py -max_total_time=300 [CORPUS_DIR]

libFuzzer flags pass through (``-runs=N``, ``-max_len=N``, ``-jobs=N``); without a corpus
folder a temporary one is seeded from the shipped packs in rules/. A crash stops
the run and leaves the input as ``crash-*`` in the working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import atheris

with atheris.instrument_imports(include=["doclint"]):
    import targets

from _run import main

if __name__ == "__main__":
    main("packs", targets.load_pack, targets.seeds("packs"))
