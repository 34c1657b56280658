"""Read a document's bytes without blocking on what is not a file, and never more than a limit.

``os.walk`` lists FIFOs, sockets and device nodes beside the documents; a plain ``open()`` of a
FIFO blocks until a writer appears, so an archive holding one would hang the whole batch. The
path is opened non-blocking and checked on its descriptor (no race between a ``stat`` and the
``open``) before anything is read.

Checking a document costs memory in proportion to its length, so documents over the size limit
(``max-size``, in MB) are skipped with a reason instead of being read: a zip bomb, a 400 MB
export or a runaway log would otherwise take the whole batch down with it.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

MB = 1024 * 1024

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a directory"))


class NotARegularFile(OSError):
    """A FIFO, socket, device or directory: skipped, never read."""

    def __init__(self, kind: str) -> None:
        self.strerror = f"not a regular file ({kind}), skipped"
        super().__init__(self.strerror)


class TooLarge(OSError):
    """A document over the size limit: skipped before it is read whole."""

    def __init__(self, size: int | None, limit: int) -> None:
        self.strerror = too_large(size, limit)
        super().__init__(self.strerror)


def too_large(size: int | None, limit: int) -> str:
    """The one-line reason a document over ``limit`` bytes is skipped."""
    shown = f"{size / MB:.1f} MB > " if size is not None else ""
    return (f"larger than the size limit ({shown}{limit / MB:g} MB), skipped; "
            "raise it with --max-size or max-size in the config")


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them (``TooLarge`` beyond)."""
    return read_regular_stat(path, limit)[0]


def read_regular_stat(path: str | os.PathLike[str], limit: int | None = None
                      ) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its status, taken on the open file before reading."""
    descriptor, info = _open_checked(path, limit)
    try:
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return read_bounded(handle, limit), info
    finally:
        os.close(descriptor)


def _open_checked(path: str | os.PathLike[str], limit: int | None
                  ) -> tuple[int, os.stat_result]:
    """A descriptor of ``path`` opened without blocking on a FIFO, and its status; refused
    (``NotARegularFile``) unless it is a regular file, and (``TooLarge``) over ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(next((name for test, name in _KINDS if test(info.st_mode)),
                                       "special file"))
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info


def read_bounded(handle: BinaryIO, limit: int | None) -> bytes:
    """``handle`` read to its end, refusing more than ``limit`` bytes: a file that grows, an
    archive member whose header understates its size, standard input."""
    if limit is None:
        return handle.read()
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(None, limit)
    return data


def open_regular(path: str | os.PathLike[str], limit: int | None = None) -> BinaryIO:
    """``path`` opened for reading as a stream, refused (``NotARegularFile``) unless it is a
    regular file, without blocking on a FIFO, and (``TooLarge``) over ``limit`` bytes."""
    descriptor, _info = _open_checked(path, limit)
    try:
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
