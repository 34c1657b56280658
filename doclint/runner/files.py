"""Read a document's bytes from disk without ever blocking on something that is not a file.

``os.walk`` lists FIFOs, sockets and device nodes beside the documents; a plain ``open()`` of a
FIFO blocks until a writer appears, so an archive holding one would hang the whole batch. The
path is opened non-blocking and checked on its descriptor (no race between a ``stat`` and the
``open``) before anything is read.
"""

from __future__ import annotations

import os
import stat

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


class NotARegularFile(OSError):
    """Raised for a path that is a FIFO, socket, device or directory: skipped, never read."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file ({kind}), skipped")
        self.strerror = f"not a regular file ({kind}), skipped"


def read_regular(path: str | os.PathLike[str]) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(next((name for test, name in _KINDS if test(mode)), "special file"))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(descriptor)
