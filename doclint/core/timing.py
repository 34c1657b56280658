"""Time per rule, kept when asked for (``doclint check --timing``).

Which rule makes a run slow depends on the documents, the packs and the plugins: a rule
author's pattern that backtracks on one archive's tables, a plugin that calls out per
sentence. ``--timing`` answers it on the user's own run, as ESLint's ``TIMING=1`` does.

Each process records the wall-clock time of every rule it runs on a document (read off the
clock the rule budget already reads, :class:`doclint.core.budget.RuleClock`), and the time of
checking the whole document under :data:`DOCUMENT`; a worker hands what it recorded for a
document back with the document's outcome (:func:`take`), and the main process adds them up
(:class:`doclint.report.timing.RunTimes`). Off, it costs one test per document. Each thread
keeps its own times: a Dask worker may check documents in several threads at once.

A fact that rules share (the structure model, the paragraph keys …) is built once per
document, inside the first rule that asks for it, and is charged to that rule.
"""

from __future__ import annotations

import threading
import time

DOCUMENT = ""  # the key of a whole document's checking time (no rule code is empty)

_state = threading.local()  # .times: this thread's record, or None when not recording


def start_timing() -> None:
    """Record rule times in this thread from now on (what was recorded is dropped)."""
    _state.times = {}


def stop_timing() -> None:
    """Record nothing in this thread from now on."""
    _state.times = None


def recording() -> bool:
    return getattr(_state, "times", None) is not None


def record(code: str, seconds: float) -> None:
    """Add ``seconds`` to ``code``'s time (nothing when not recording)."""
    times = getattr(_state, "times", None)
    if times is not None:
        times[code] = times.get(code, 0.0) + seconds


def take(since: float | None = None) -> dict[str, float]:
    """What this thread recorded since the last call, and start again (empty when not
    recording); with ``since``, the ``time.monotonic()`` reading when checking a document
    began, also the whole document's time, under :data:`DOCUMENT`."""
    taken = getattr(_state, "times", None)
    if taken is None:
        return {}
    _state.times = {}
    if since is not None:
        taken[DOCUMENT] = time.monotonic() - since
    return taken  # type: ignore[no-any-return]
