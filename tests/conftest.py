"""Shared fixtures: paths to the shared corpus, and the real click command run in-process."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from doclint.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """The test process's own cache folder, from before collection to after exit.

    The tables kept between runs (compiled patterns, prefilters, dataclass code) are read when
    first asked, which may be at collection, and merged back at exit, after the last test has
    put its own folder back: with no folder of the session's, both went to the user's. The
    folder is pytest's cache folder of this checkout, so a second run of the suite starts with
    warm tables as it did from the user's (a fresh clone starts cold, as CI always did); with
    pytest's cache turned off, a temporary folder removed at exit.
    """
    cache = getattr(config, "cache", None)
    if cache is not None:
        folder = str(cache.mkdir("doclint-cache"))
    else:
        folder = tempfile.mkdtemp(prefix="doclint-test-cache-")
        # NOTE: registered before any table's own save, so it runs after them (last in, first out)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["DOCLINT_CACHE_DIR"] = folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files instead of comparing with them")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes into the user's cache folder."""
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED

BASE_RULES = "P101,N301,T601"  # the foundation's rules: other families may come and go


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


Doclint = Callable[..., Run]


@pytest.fixture
def doclint() -> Doclint:
    def run(*args: str, input: bytes | str | None = None, select: bool = True) -> Run:
        """``check`` runs serially and only the foundation's rules unless told otherwise."""
        argv = list(args)
        if argv and argv[0] == "check":
            if not any(a.startswith(("--jobs", "-j")) for a in argv):
                argv[1:1] = ["--jobs", "1"]
            if select and not any(a.startswith("--select") for a in argv):
                argv[1:1] = ["--select", BASE_RULES]
        result = CliRunner().invoke(cli, argv, input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run
