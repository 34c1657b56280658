"""The suite keeps its promise to leave the user's cache folder alone: a run of a few tests
that compile patterns and keep prefilters (read at collection, merged back at exit) writes
nothing under the user's cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_test_run_writes_nothing_into_the_user_cache_folder(tmp_path: Path) -> None:
    user_cache = tmp_path / "xdg"
    env = {key: value for key, value in os.environ.items() if key != "DOCLINT_CACHE_DIR"}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(user_cache))
    # NOTE: pytest's cache off, so the inner run takes a temporary folder of its own and does
    # not share this checkout's .pytest_cache with the outer run
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/core/test_prefilter_kept.py", "tests/rules/test_templates_literal_gates.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    assert not (user_cache / "doclint").exists(), sorted(
        str(p.relative_to(user_cache)) for p in user_cache.rglob("*"))
