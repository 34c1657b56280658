"""A per-document time budget for each rule: a rule that runs too long is stopped.

One rule stuck on one document (a quadratic loop, a backtracking pattern, a plugin waiting on
a lock) would otherwise hold up the whole batch, or a worker process, forever. The budget is
kept with ``SIGALRM``: the timer is armed once when a document's rules start and disarmed when
they end, so the normal path costs two ``setitimer`` calls per document and, per rule, one
``time.monotonic()`` call and two attribute writes. When the alarm goes off, the handler
looks at the rule running now: past its budget, it raises :class:`RuleTimeout` inside the rule;
otherwise it re-arms the timer for that rule's deadline.

Limits, by design:

* Python runs signal handlers between bytecodes of the main thread. Code in C that does not
  check for signals (a Rust tokenizer, ``str`` methods on a huge string, some extensions) is
  stopped only when it returns to Python. Both ``re`` and ``regex`` do check for signals while
  matching, so a backtracking pattern in a code rule is stopped; YAML pack patterns also run
  under ``regex``'s own ``timeout=`` (the pack's ``timeout``), which comes first.
* ``SIGALRM`` exists only on POSIX, and handlers can be installed only in the main thread.
  Elsewhere (Windows, the Dask executor's worker threads, an editor's background thread)
  rules run without a budget. The local worker processes and the serial run both check
  documents in their main thread, so ``doclint check`` keeps the budget on Linux and macOS.
* If something else in the process already uses the real-time interval timer (a test
  runner's timeout, for example), the budget steps aside for that document instead of
  stealing the timer.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType, TracebackType

from doclint.core import timing

# NOTE: the budget is for runaway rules, not slow ones. The slowest built-in rule on a
# document at the size limit takes about 20 s (T505 on 9.5 MB of the examples, see the
# README's Reliability section), so the default leaves room for a loaded machine.
DEFAULT_RULE_TIMEOUT = 60.0
# NOTE: after stopping a rule that swallows the exception, the alarm comes back this often.
_AGAIN = 0.05


class RuleTimeout(BaseException):
    """Raised inside a rule that ran past its budget.

    A ``BaseException``, like ``KeyboardInterrupt``, so that a rule's own ``except Exception``
    does not swallow it.
    """

    def __init__(self, code: str, seconds: float) -> None:
        self.code, self.seconds = code, seconds
        super().__init__(timeout_message(code, seconds))


def timeout_message(code: str, seconds: float) -> str:
    """The one line reported for a rule stopped by its budget."""
    return (f"rule {code} stopped: it ran longer than its time budget ({seconds:g} s) on this "
            "document; raise it with --rule-timeout or rule-timeout in the config")


def supported() -> bool:
    """Whether a budget can be kept here: POSIX timers, and in the main thread."""
    return (hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
            and threading.current_thread() is threading.main_thread())


class RuleClock:
    """Keeps each rule within ``seconds`` on one document; a no-op when it cannot.

    Use as a context manager around a document's rules; call :meth:`start` before each rule
    and :meth:`stop` after it (in a ``finally``)::

        with RuleClock(20) as clock:
            for rule in rules:
                try:
                    try:
                        clock.start(rule.code)
                        findings = list(rule.check(doc))
                    finally:
                        clock.stop()
                except RuleTimeout as exc:
                    ...
    """

    __slots__ = ("_previous", "_timed", "armed", "code", "seconds", "started")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.armed = False
        self.code: str | None = None
        self.started = 0.0
        self._previous: object = None
        self._timed = False

    def __enter__(self) -> RuleClock:
        self._timed = timing.recording()  # (asked once a document, not once a rule)
        if self.seconds is None or not supported():
            return self
        if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            return self  # someone else's timer: leave it alone
        self._previous = signal.signal(signal.SIGALRM, self._alarm)
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.code = None
        if self.armed:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            previous = self._previous if self._previous is not None else signal.SIG_DFL
            signal.signal(signal.SIGALRM, previous)  # type: ignore[arg-type]

    def start(self, code: str) -> None:
        """Rule ``code`` starts now: its budget runs from here."""
        self.started = time.monotonic()
        self.code = code

    def stop(self) -> None:
        """The current rule is done (finished, crashed or stopped); its time is recorded
        when timing is on (``doclint check --timing``)."""
        if self._timed and self.code is not None:
            timing.record(self.code, time.monotonic() - self.started)
        self.code = None

    def _alarm(self, signum: int, frame: FrameType | None) -> None:
        assert self.seconds is not None
        code = self.code
        if code is None:  # between rules: the next one starts later, so its deadline is later
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            return
        left = self.started + self.seconds - time.monotonic()
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
            return
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)
        raise RuleTimeout(code, self.seconds)
