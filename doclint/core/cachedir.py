"""Where doclint keeps its caches: ``$DOCLINT_CACHE_DIR``, else the user's cache folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DIR = "DOCLINT_CACHE_DIR"


def default_dir() -> Path:
    """``$DOCLINT_CACHE_DIR``, else the user's cache folder (``~/.cache/doclint`` on Linux)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local"
        return Path(local) / "doclint" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "doclint"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "doclint"
