"""Plain YAML data fast: libyaml's C loader when PyYAML has it, the pure-Python one otherwise.

For trusted data without positions (era markers, front matter, sidecars, test cases). Configs
and rule packs go through ruamel.yaml, which keeps positions for error messages.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YAMLError = yaml.YAMLError


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the C loader: about seven times faster on large files."""
    return yaml.load(text, Loader=_LOADER)
