"""``python -m doclint``."""

from __future__ import annotations

from doclint.cli.main import main

if __name__ == "__main__":
    main()
