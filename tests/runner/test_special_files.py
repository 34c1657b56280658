"""Special files in a checked tree are skipped with a reason, never opened for reading."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from doclint.runner.files import NotARegularFile, read_regular

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and sockets are POSIX")

DEFECT = "全县生产总值同比增长35；工业增加值增长8%。\n"


def test_read_regular_refuses_a_fifo_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match=r"not a regular file \(a FIFO\)"):
        read_regular(fifo)


def test_read_regular_refuses_a_socket(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:  # a path too long for AF_UNIX on this machine
        pytest.skip("cannot bind a unix socket here")
    try:
        with pytest.raises(OSError, match=r"not a regular file|No such device"):
            read_regular(path)
    finally:
        server.close()


def test_read_regular_refuses_a_directory(tmp_path):
    with pytest.raises(OSError):
        read_regular(tmp_path)


def test_read_regular_reads_a_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("正文".encode())
    assert read_regular(path) == "正文".encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fifo_in_the_tree_is_reported_and_the_batch_goes_on(doclint, tmp_path, jobs):
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(DEFECT, encoding="utf-8")
    result = doclint("check", str(tmp_path), "--no-cache", "--jobs", jobs, "--format", "json")
    assert "a.txt: cannot read: not a regular file (a FIFO), skipped" in result.err
    assert '"code": "N201"' in result.out
    assert result.code == 2
