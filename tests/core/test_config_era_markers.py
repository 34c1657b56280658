"""A broken era-marker file named in the config is a config error, not a crash per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.core.config import load_config
from doclint.core.errors import ConfigError
from doclint.runner.engine import Engine


def test_missing_marker_file_points_at_the_config(tmp_path: Path) -> None:
    config_file = tmp_path / "doclint.yaml"
    config_file.write_text("year: 2005\nera_markers:\n  - markers.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as excinfo:
        Engine(load_config(config_file))
    assert str(excinfo.value).startswith(f"{config_file}:3:5: cannot read era-marker file")


def test_valid_marker_file_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "markers.yaml").write_text("[]\n", encoding="utf-8")
    config_file = tmp_path / "doclint.yaml"
    config_file.write_text("era_markers: [markers.yaml]\n", encoding="utf-8")
    Engine(load_config(config_file))
