"""Start-up of `doclint check` on one small file: the whole command, then its phases.

Usage::

    python benchmarks/startup_bench.py [FILE] [--repeat 20] [--cold]

First the command itself (``doclint check FILE --no-cache``, output discarded) runs
``--repeat`` times: minimum and median wall seconds, and CPU seconds (user + system of the
child). Then the same steps run in a fresh interpreter ``--repeat`` times, timed phase by
phase (the minimum of each phase over the runs; CPU milliseconds say more than wall ones on a
shared machine). The build cache (parsed data files and packs, in the user cache folder) is
used as in real runs; ``--cold`` points it at an empty folder for every run instead, which
measures the first run after an install or an edit of a data file.

Run it with bytecode caching allowed (not under PYTHONDONTWRITEBYTECODE): a pre-commit hook
runs with warm ``__pycache__``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warm import user_env

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / "examples" / "docs" / "notice-gbk.txt"

# Runs in a fresh interpreter; prints {phase: [wall ms, cpu ms]} as JSON.
PHASES = r"""
import json, sys, time
marks = []
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
mark("start")
import doclint.cli.main
mark("import the CLI")
from doclint.runner.session import run_check
mark("import the runner")
from doclint.plugins.manager import get_plugin_manager
pm = get_plugin_manager()
mark("plugin manager")
from doclint.rules.manifest import builtin_entries
builtin_entries()
mark("the rule manifest")
from doclint.yamlrules import builtin_pack_paths, load_pack
for pack in builtin_pack_paths():
    load_pack(pack)
mark("build the YAML packs")
from doclint.core.config import Config
from doclint.runner.engine import Engine
engine = Engine(Config())
mark("engine and config check")
with open(sys.argv[1], "rb") as handle:
    engine.rules_running_on(sys.argv[1], engine.read(sys.argv[1], handle.read()).text)
mark("import the rules it needs")
engine.lint_file(sys.argv[1])
mark("first document")
engine.lint_file(sys.argv[1])
mark("same document again")
out = {}
for (_, wall0, cpu0), (name, wall1, cpu1) in zip(marks, marks[1:]):
    out[name] = [1000 * (wall1 - wall0), 1000 * (cpu1 - cpu0)]
print(json.dumps(out))
"""


def run_command(path: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``doclint check PATH --no-cache``."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "doclint", "check", str(path), "--no-cache"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    return wall, cpu


def run_phases(path: Path, env: dict[str, str]) -> dict[str, list[float]]:
    done = subprocess.run([sys.executable, "-c", PHASES, str(path)], env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cold", action="store_true",
                        help="an empty build cache for every run")
    args = parser.parse_args()
    env = user_env()
    with tempfile.TemporaryDirectory() as scratch:
        def fresh_env(run: int) -> dict[str, str]:
            if not args.cold:
                return env
            return {**env, "DOCLINT_CACHE_DIR": os.path.join(scratch, str(run))}

        run_command(args.file, env)  # warm __pycache__ and the build cache
        walls, cpus = [], []
        phases: dict[str, list[list[float]]] = {}
        for run in range(args.repeat):  # interleaved, so that load changes hit both alike
            wall, cpu = run_command(args.file, fresh_env(2 * run))
            walls.append(wall)
            cpus.append(cpu)
            for name, pair in run_phases(args.file, fresh_env(2 * run + 1)).items():
                phases.setdefault(name, []).append(pair)
    print(f"doclint check {args.file.name} --no-cache, {args.repeat} runs"
          f"{' (cold build cache)' if args.cold else ''}")
    print(f"  wall  min {min(walls):.3f} s  median {statistics.median(walls):.3f} s")
    print(f"  CPU   min {min(cpus):.3f} s  median {statistics.median(cpus):.3f} s")
    print()
    print(f"{'phase (in-process, minimum of each)':<36} {'wall ms':>8} {'CPU ms':>8}")
    total_wall = total_cpu = 0.0
    again = phases.pop("same document again", None)
    for name, pairs in phases.items():
        wall = min(p[0] for p in pairs)
        cpu = min(p[1] for p in pairs)
        total_wall += wall
        total_cpu += cpu
        print(f"  {name:<34} {wall:8.1f} {cpu:8.1f}")
    print(f"  {'sum (without the interpreter)':<34} {total_wall:8.1f} {total_cpu:8.1f}")
    if again:
        print(f"  {'(the same document again)':<34} {min(p[0] for p in again):8.1f} "
              f"{min(p[1] for p in again):8.1f}")


if __name__ == "__main__":
    main()
