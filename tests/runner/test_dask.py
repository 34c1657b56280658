"""The Dask executor gives the same output as local processes, archive rules included."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from runhelp import ArchivePlugin, Doclint, documents, write_tar, write_zip

from doclint.core.config import Config
from doclint.core.rule import ArchiveRule
from doclint.plugins.manager import get_plugin_manager
from doclint.runner.engine import Engine

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster for the module (starting one takes seconds)."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                       silence_logs=logging.CRITICAL)
    with cluster:
        yield cluster.scheduler_address


def archive_codes() -> set[str]:
    engine = Engine(Config())
    return {r.code for r in engine.registry.select(None, (), []) if issubclass(r, ArchiveRule)}


@pytest.fixture
def inputs(docs: Path) -> list[str]:
    members = documents(docs)
    write_zip(Path("docs.zip"), members)
    write_tar(Path("docs.tar.gz"), members)
    return ["docs", "docs.zip", "docs.tar.gz"]


def test_dask_and_local_give_identical_json(scheduler: str, inputs: list[str],
                                            doclint: Doclint) -> None:
    local = doclint("check", "--preview", "--no-cache", "--format", "json", "--jobs", "1",
                    *inputs)
    remote = doclint("check", "--preview", "--no-cache", "--format", "json", "--scheduler",
                     scheduler, *inputs)
    assert (remote.code, remote.err) == (local.code, local.err) == (1, "")
    assert remote.out == local.out
    found = {d["code"] for d in remote.json()["diagnostics"]}
    assert "P101" in found
    assert found & archive_codes(), "no archive rule fired: facts did not come back"


def test_dask_results_stream_in_order_and_use_the_cache(scheduler: str, inputs: list[str],
                                                        doclint: Doclint) -> None:
    first = doclint("check", "--progress", "--format", "jsonl", "--executor", "dask",
                    "--scheduler", scheduler, *inputs)
    again = doclint("check", "--progress", "--format", "jsonl", "--executor", "dask",
                    "--scheduler", scheduler, *inputs)
    local = doclint("check", "--no-cache", "--format", "jsonl", *inputs)
    assert first.out == again.out == local.out
    assert again.err_lines[-1].endswith("(21 cached)")


def test_a_worker_without_the_client_s_rules_is_a_clear_error(scheduler: str, inputs: list[str],
                                                              doclint: Doclint) -> None:
    get_plugin_manager().register(ArchivePlugin())
    run = doclint("check", "--no-cache", "--scheduler", scheduler, *inputs)
    assert run.code == 2
    assert run.err_lines == [
        "doclint: error: this worker's doclint 0.1.0 loads other rules, plugins or rule packs "
        "than the client's: install the same doclint version and plugins on every worker"]


def test_an_unreachable_scheduler_is_one_line(inputs: list[str], doclint: Doclint) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        run = doclint("check", "--scheduler", "tcp://127.0.0.1:9", *inputs)
    assert run.code == 2
    assert run.err_lines[0].startswith("doclint: error: cannot reach the Dask scheduler at "
                                       "tcp://127.0.0.1:9")


def test_scheduler_with_the_local_executor_is_refused(inputs: list[str], doclint: Doclint) -> None:
    run = doclint("check", "--executor", "local", "--scheduler", "tcp://127.0.0.1:9", *inputs)
    assert run.code == 2 and "--scheduler needs --executor dask" in run.err


def test_without_an_address_a_local_cluster_is_started(
        scheduler: str, inputs: list[str], doclint: Doclint,
        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[dict[str, object]] = []

    class FakeCluster:
        """Stands for a new LocalCluster (seconds to start) and hands out the module's."""

        scheduler_address = scheduler

        def __init__(self, **options: object) -> None:
            started.append(options)

        def __enter__(self) -> FakeCluster:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

    monkeypatch.setattr(distributed, "LocalCluster", FakeCluster)
    local = doclint("check", "--no-cache", "--format", "json", *inputs)
    remote = doclint("check", "--no-cache", "--format", "json", "--executor", "dask",
                     "--jobs", "3", *inputs)
    assert remote.err == ""
    assert remote.out == local.out
    assert started == [{"n_workers": 3, "threads_per_worker": 1, "processes": True,
                        "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0",
                        "silence_logs": logging.ERROR}]
