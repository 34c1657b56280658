"""Memory stays bounded: results stream out while inputs are still being read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from doclint.core.config import Config
from doclint.core.diagnostic import FileResult
from doclint.runner.batch import CHUNK_FILES, RunPlan, chunks_in_flight, run_batch
from doclint.runner.engine import Engine
from doclint.runner.inputs import Task


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_out_before_the_last_input_is_read(jobs: int, tmp_path: Path) -> None:
    total = 200
    pulled: list[int] = []
    seen_at_first_result: list[int] = []

    def tasks() -> Iterator[Task]:
        for number in range(total):
            pulled.append(number)
            yield Task(f"doc{number:03}.txt", data=f"第{number}篇：今年是XX年。\n".encode())

    def on_result(result: FileResult) -> None:
        if not seen_at_first_result:
            seen_at_first_result.append(len(pulled))

    kept: list[FileResult] = []
    batch = run_batch(Engine(Config(select=["P101"])), tasks(), RunPlan(jobs), on_result,
                      keep=lambda r: kept.append(r) is None and False)
    assert seen_at_first_result[0] < total
    in_flight = chunks_in_flight(jobs) if jobs > 1 else 1  # chunks, see doclint.runner.batch
    assert seen_at_first_result[0] <= 2 + in_flight * CHUNK_FILES
    assert batch.files == []  # nothing kept unless asked
    assert [r.path for r in kept] == [f"doc{n:03}.txt" for n in range(total)]
