"""Fixtures: a fresh plugin manager, the fixture archive, the CLI (the private cache folder
comes from tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from runhelp import FIXTURE, Doclint, Run

from doclint.cli.main import cli
from doclint.plugins.manager import purge_plugin_manager


@pytest.fixture(autouse=True)
def _fresh_plugins() -> Iterator[None]:
    """Every test gets a fresh plugin manager."""
    purge_plugin_manager()
    yield
    purge_plugin_manager()


@pytest.fixture
def doclint() -> Doclint:
    """The real `doclint` command in-process; unlike tests/cli, nothing is added to argv."""

    def run(*args: str, input: bytes | str | None = None) -> Run:
        result = CliRunner().invoke(cli, list(args), input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/archive/docs as ``docs/`` in a fresh working directory."""
    shutil.copytree(FIXTURE, tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "docs"




@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty working directory ``work/`` (its parent stays empty too, so a test can
    check that nothing was written beside the checked folder)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work
