"""The environment a timed ``doclint`` command runs in: the user's, with bytecode caching.

Some shells and sandboxes set ``PYTHONDONTWRITEBYTECODE``. Under it every doclint process (and
every worker of a parallel run) compiles its ~240 modules from source, 0.3–0.4 s each, which a
user's installed doclint never does. The benchmarks time what a user runs: the variable left
out, and ``__pycache__`` warmed by one untimed run before the timed ones.
"""

from __future__ import annotations

import os


def user_env() -> dict[str, str]:
    """This process's environment without ``PYTHONDONTWRITEBYTECODE``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
