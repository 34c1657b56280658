"""Time per rule, kept when asked for (``doclint check --timing``).

Which rule makes a run slow depends on the documents, the packs and the plugins: a rule
author's pattern that backtracks on one archive's tables, a plugin that calls out per
sentence. ``--timing`` answers it on the user's own run, as ESLint's ``TIMING=1`` does.

Each process records the wall-clock time of every rule it runs on a document (read off the
clock the rule budget already reads, :class:`doclint.core.budget.RuleClock`), and the time of
checking the whole document under :data:`DOCUMENT`; a worker hands what it recorded for a
document back with the document's outcome (:func:`take`), and the main process adds them up
(:class:`doclint.report.timing.RunTimes`). Off, it costs one test per rule run.

A fact that rules share (the structure model, the paragraph keys …) is built once per
document, inside the first rule that asks for it, and is charged to that rule.
"""

from __future__ import annotations

DOCUMENT = ""  # the key of a whole document's checking time (no rule code is empty)

_times: dict[str, float] | None = None


def start_timing() -> None:
    """Record rule times in this process from now on (what was recorded is dropped)."""
    global _times
    _times = {}


def stop_timing() -> None:
    """Record nothing from now on."""
    global _times
    _times = None


def recording() -> bool:
    return _times is not None


def record(code: str, seconds: float) -> None:
    """Add ``seconds`` to ``code``'s time (nothing when not recording)."""
    times = _times
    if times is not None:
        times[code] = times.get(code, 0.0) + seconds


def take() -> dict[str, float]:
    """What was recorded since the last call, and start again (empty when not recording)."""
    global _times
    if _times is None:
        return {}
    taken, _times = _times, {}
    return taken
