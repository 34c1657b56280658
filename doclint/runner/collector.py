"""The garbage collector in the processes that run doclint and nothing else.

The engine (rule instances, their tables, the pack specs: some 30,000 objects) lives as long
as the process, yet every full collection walks all of it again, and in a forked pool worker
that walk also writes to pages shared with the parent (copy-on-write). Once the engine is
built, :func:`engine_built` moves the objects that exist out of the collector's reach
(``gc.freeze``): a few percent of a run's CPU time.

The runner frees each document's objects itself once it is checked (``Document.release``
breaks the one reference cycle, facts that refer back to their document), so what is left for
the collector is young objects of the document in progress: the youngest generation is
collected every ``YOUNG_THRESHOLD`` allocations instead of every 700 (a third of the
collector's time, at no measurable memory).

That changes the whole process, so it happens only in a process doclint owns: the command
line's (:func:`own_process`, called by its entry point) and the pool's workers. A program that
calls the engine or ``run_batch`` in its own process keeps its collector as it was.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000
_owned = False


def own_process() -> None:
    """Declare this process doclint's alone (the command line, a pool worker)."""
    global _owned
    _owned = True


def engine_built() -> None:
    """The engine's rules are loaded: in a process doclint owns, freeze what exists now."""
    if _owned:
        gc.freeze()
        _, middle, oldest = gc.get_threshold()
        gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
