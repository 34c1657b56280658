"""A progress bar on stderr: files, MB, rate and ETA; never on stdout.

On a terminal the bar is redrawn in place (at most ten times a second); elsewhere (a CI log,
``--progress`` with stderr redirected) a plain line is written every few seconds. Totals come
from a background walk of the inputs that only stats files, so the bar starts at once and
gains its ETA when the walk is done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from doclint.runner.worker import Outcome

_LIVE_INTERVAL = 0.1
_LOG_INTERVAL = 5.0
_BAR = 20


class Progress:
    def __init__(self, stream: TextIO, live: bool,
                 totals: Callable[[], Iterable[int]] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.live = live
        self.clock = clock
        self.files = self.bytes = self.cached = 0
        self.total_files: int | None = None
        self.total_bytes: int | None = None
        self._totals = totals
        self._stop = threading.Event()
        self._started = self._drawn = clock()
        self._width = 0

    def start(self) -> None:
        self._started = self._drawn = self.clock()
        if self._totals is not None:
            threading.Thread(target=self._count, name="doclint-progress-count",
                             daemon=True).start()

    def _count(self) -> None:
        files = size = 0
        try:
            for item in self._totals():  # type: ignore[misc]
                if self._stop.is_set():
                    return
                files += 1
                size += item
        except Exception:
            return
        self.total_files, self.total_bytes = files, size

    def advance(self, outcome: Outcome) -> None:
        self.files += 1
        self.bytes += outcome.size
        self.cached += outcome.cached
        now = self.clock()
        if now - self._drawn >= (_LIVE_INTERVAL if self.live else _LOG_INTERVAL):
            self._draw(now)

    def clear(self) -> None:
        """Take the bar off the terminal before something else is written to it; the next
        result draws it again."""
        if self.live and self._width:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._width = 0
            self._drawn = float("-inf")

    def echo(self, line: str) -> None:
        """Write a message line (a warning, an unreadable file) without tearing the bar."""
        if self.live and self._width:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.live and self._width:
            self._draw(self.clock())
        self.stream.flush()

    def close(self) -> None:
        self._stop.set()
        if self.total_files is None or self.total_bytes is None:
            # Every input has been read: what was processed is the total, whether or not the
            # background walk got there first (it may not have, on a loaded machine).
            self.total_files, self.total_bytes = self.files, self.bytes
        self._draw(self.clock(), final=True)

    def line(self, now: float | None = None) -> str:
        elapsed = max((self.clock() if now is None else now) - self._started, 1e-9)
        mb, rate = self.bytes / 1e6, self.bytes / 1e6 / elapsed
        known = self.total_files is not None and self.total_bytes is not None
        if known:
            total_mb = (self.total_bytes or 0) / 1e6
            share = min(1.0, self.bytes / self.total_bytes) if self.total_bytes else 1.0
            bar = "#" * int(share * _BAR) + "." * (_BAR - int(share * _BAR))
            head = f"[{bar}] {self.files:,}/{self.total_files:,} files {mb:,.1f}/{total_mb:,.1f} MB"
        else:
            head = f"{self.files:,} files {mb:,.1f} MB"
        text = f"doclint {head}  {rate:,.1f} MB/s  {self.files / elapsed:,.1f} files/s"
        if known and rate > 0:
            remaining = max(0.0, ((self.total_bytes or 0) / 1e6 - mb) / rate)
            text += f"  ETA {_clock(remaining)}"
        text += f"  {_clock(elapsed)}"
        if self.cached:
            text += f"  ({self.cached:,} cached)"
        return text

    def _draw(self, now: float, final: bool = False) -> None:
        text = self.line(now)
        if self.live:
            import shutil  # NOTE: imported here: only a progress line needs it
            columns = shutil.get_terminal_size((100, 20)).columns
            text = text[: max(10, columns - 1)]
            self.stream.write("\r" + text + "\x1b[K" + ("\n" if final else ""))
            self._width = 0 if final else len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self._drawn = now


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
