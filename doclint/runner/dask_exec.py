"""Run the same chunks on a Dask cluster (``dask.distributed``), results back in input order.

With a scheduler address, the client connects to that cluster; without one it starts a
``LocalCluster`` of worker processes on this machine (one thread each: the rules hold the
GIL). Workers read plain files by path (a multi-machine cluster needs them on a shared
filesystem, under the same path); archive members are read here and sent with the chunk.
Archive-rule facts come back with the results and are combined by the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from doclint.core.errors import DoclintError
from doclint.runner.inputs import Task
from doclint.runner.worker import Outcome, WorkSpec, run_chunk

INSTALL_HINT = "pip install 'doclint[archive]'"


def available() -> bool:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return False
    return True


def dask_outcomes(spec: WorkSpec, tasks: Iterable[Task], jobs: int | str | None,
                  scheduler: str | None) -> Iterator[Outcome]:
    from doclint.runner.batch import chunked, ordered, resolve_jobs

    with _client(scheduler, resolve_jobs(jobs)) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shared = client.scatter(spec, broadcast=True, hash=False)

        def submit(chunk: list[Task]) -> Any:
            return client.submit(run_chunk, shared, chunk, pure=False)

        try:
            anchored = (task.anchored() for task in tasks)  # workers run in other directories
            yield from ordered(submit, chunked(anchored), window=2 * workers + 2)
        except DoclintError:
            raise
        except (OSError, TimeoutError) as exc:
            raise DoclintError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from None


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DoclintError(f"--executor dask needs dask.distributed: {INSTALL_HINT}") from None
    if not logging.getLogger().isEnabledFor(logging.DEBUG):  # -v shows the cluster's chatter
        for name in ("distributed", "tornado", "bokeh"):
            logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler)  # waits distributed.comm.timeouts.connect (dask config)
        except (OSError, TimeoutError) as exc:
            raise DoclintError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address="127.0.0.1:0",
                           silence_logs=logging.ERROR)
    with cluster, Client(cluster.scheduler_address) as client:
        yield client
