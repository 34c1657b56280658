"""Zip and tar archives as inputs: members read one by one, reported as ``archive!member``.

Members are streamed in the order the archive stores them, so a .tar.gz of any size is read
once, front to back, holding one member at a time. ``MemberReader`` reads single members
again (cross-document rules re-read the documents their findings point into).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Literal

from doclint.runner.files import TooLarge, read_bounded, read_regular, too_large

if TYPE_CHECKING:  # imported where an archive is read: a run without one never needs them
    import tarfile
    import zipfile

SEPARATOR = "!"
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# What archivers add beside the documents: macOS resource forks and Finder metadata.
_JUNK_DIRS = {"__MACOSX"}


def archive_errors() -> tuple[type[BaseException], ...]:
    """What reading a corrupt archive raises."""
    import tarfile
    import zipfile
    import zlib

    return (zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, zlib.error,
            EOFError, OSError, ValueError, RuntimeError, NotImplementedError)


Member = tuple[str, "bytes | str"]  # (path to report, the bytes or an error message)
# NOTE: archives inside archives are named, never opened: no depth to bound, no bomb in a bomb.
NESTED = "an archive inside an archive is not opened; extract it to check its documents"


def is_archive(path: str) -> bool:
    lower = path.lower()
    return lower.endswith(ZIP_SUFFIXES) or lower.endswith(TAR_SUFFIXES)


def member_path(archive: str, name: str) -> str:
    return f"{archive}{SEPARATOR}{name}"


def split_member(path: str) -> tuple[str, str] | None:
    """``(archive, member)`` when ``path`` names an archive member, else None.

    A real file wins: ``a!b.txt`` is a member only if no such file exists and ``a`` is an
    archive file.
    """
    if SEPARATOR not in path or os.path.exists(path):
        return None
    at = path.find(SEPARATOR)
    while at != -1:
        archive = path[:at]
        if is_archive(archive) and os.path.isfile(archive):
            return archive, path[at + 1 :]
        at = path.find(SEPARATOR, at + 1)
    return None


def iter_members(archive: str, chosen: Callable[[str], bool],
                 limit: int | None = None) -> Iterator[Member]:
    """Every chosen member as ``(path, bytes)``; a broken member or archive as ``(path, error)``.

    A member that is itself an archive is an error too (:data:`NESTED`): it is not opened.

    A corrupt archive yields one error for the archive itself and ends; a corrupt member of a
    zip yields an error for that member and the others go on. A member over ``limit`` bytes
    (declared or actual: a bomb's header may lie) is an error and is never decompressed whole.
    """
    reader = _zip_members if archive.lower().endswith(ZIP_SUFFIXES) else _tar_members
    try:
        yield from reader(archive, chosen, limit)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        yield archive, f"cannot read archive: {_reason(exc)}"
    except archive_errors() as exc:
        yield archive, f"corrupt archive: {_reason(exc)}"


def iter_sizes(archive: str, chosen: Callable[[str], bool]) -> Iterator[int]:
    """The uncompressed size of every chosen member, without reading a zip's data."""
    import tarfile
    import zipfile

    try:
        if archive.lower().endswith(ZIP_SUFFIXES):
            with zipfile.ZipFile(archive) as zf:
                for info in zf.infolist():
                    if not info.is_dir() and _wanted(_zip_name(info), chosen):
                        yield info.file_size
            return
        with tarfile.open(archive, mode=_stream_mode(archive)) as tf:
            for member in tf:
                if member.isfile() and _wanted(_tar_name(member), chosen):
                    yield member.size
    except archive_errors():
        return


def _zip_members(archive: str, chosen: Callable[[str], bool],
                 limit: int | None) -> Iterator[Member]:
    import zipfile

    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            name = _zip_name(info)
            if info.is_dir() or not _wanted(name, chosen):
                continue
            path = member_path(archive, name)
            if is_archive(name):
                yield path, NESTED
                continue
            if limit is not None and info.file_size > limit:
                yield path, too_large(info.file_size, limit)
                continue
            try:
                with zf.open(info) as handle:
                    data = read_bounded(handle, limit)
            except TooLarge as exc:
                yield path, str(exc)
            except RuntimeError as exc:  # zipfile's word for an encrypted member
                yield path, f"unreadable archive member: {_reason(exc)}"
            except archive_errors() as exc:
                yield path, f"corrupt archive member: {_reason(exc)}"
            else:
                yield path, data


def _tar_members(archive: str, chosen: Callable[[str], bool],
                 limit: int | None) -> Iterator[Member]:
    import tarfile

    with tarfile.open(archive, mode=_stream_mode(archive)) as tf:
        for info in tf:
            name = _tar_name(info)
            if not info.isfile() or not _wanted(name, chosen):
                continue
            if is_archive(name):
                yield member_path(archive, name), NESTED
                continue
            if limit is not None and info.size > limit:
                yield member_path(archive, name), too_large(info.size, limit)
                continue
            handle = tf.extractfile(info)
            yield member_path(archive, name), handle.read() if handle else b""


def _stream_mode(archive: str) -> Literal["r|gz", "r|bz2", "r|xz", "r|*"]:
    """Stream mode ("r|…"): one pass, no seeking; the suffix names the compression."""
    lower = archive.lower()
    if lower.endswith((".gz", ".tgz")):
        return "r|gz"
    if lower.endswith((".bz2", ".tbz2")):
        return "r|bz2"
    if lower.endswith((".xz", ".txz")):
        return "r|xz"
    return "r|*"


def _wanted(name: str, chosen: Callable[[str], bool]) -> bool:
    parts = name.split("/")
    if any(p in _JUNK_DIRS for p in parts) or parts[-1].startswith("._"):
        return False
    return chosen(name)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names without the UTF-8 flag are tried as UTF-8, then GB18030.

    Zips made on Chinese Windows store GBK names without saying so; zipfile decodes them as
    cp437, which turns 讲话 into mojibake.
    """
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def _tar_name(info: tarfile.TarInfo) -> str:
    name = info.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes kept as surrogates: try GB18030
        name = name.encode("utf-8", "surrogateescape").decode("gb18030", errors="replace")
    return name.removeprefix("./")


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if not isinstance(exc, OSError) or not exc.strerror else exc.strerror


class MemberReader:
    """Reads files and archive members again; keeps archives open until ``close``.

    Zip members are read directly. Tar members are found by reading forward from the last
    position, reopening the archive only when asked for a member behind it, so re-reading
    in input order costs one pass.
    """

    def __init__(self) -> None:
        self._zips: dict[str, tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]] = {}
        self._tars: dict[str, tuple[tarfile.TarFile, Iterator[tarfile.TarInfo]]] = {}

    def read_bytes(self, path: str) -> bytes:
        where = split_member(path)
        if where is None:
            return read_regular(path)
        archive, name = where
        if archive.lower().endswith(ZIP_SUFFIXES):
            return self._zip_member(archive, name)
        return self._tar_member(archive, name)

    def _zip_member(self, archive: str, name: str) -> bytes:
        if archive not in self._zips:
            import zipfile

            zf = zipfile.ZipFile(archive)
            self._zips[archive] = (zf, {_zip_name(i): i for i in zf.infolist()})
        zf, names = self._zips[archive]
        if name not in names:
            raise FileNotFoundError(f"{archive} has no member {name}")
        return zf.read(names[name])

    def _tar_member(self, archive: str, name: str) -> bytes:
        for attempt in range(2):
            if archive not in self._tars or attempt:
                self._close_tar(archive)
                import tarfile

                tf = tarfile.open(archive, mode=_stream_mode(archive))
                self._tars[archive] = (tf, iter(tf))
            tf, members = self._tars[archive]
            for info in members:
                if info.isfile() and _tar_name(info) == name:
                    handle: IO[bytes] | None = tf.extractfile(info)
                    return handle.read() if handle else b""
        raise FileNotFoundError(f"{archive} has no member {name}")

    def _close_tar(self, archive: str) -> None:
        if archive in self._tars:
            self._tars.pop(archive)[0].close()

    def close(self) -> None:
        for zf, _ in self._zips.values():
            zf.close()
        for archive in list(self._tars):
            self._close_tar(archive)
        self._zips.clear()

    def __enter__(self) -> MemberReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
