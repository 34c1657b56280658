"""The same output whatever the number of workers, and from a folder or its archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from runhelp import ArchivePlugin, Doclint, documents, write_tar, write_zip

from doclint.plugins.manager import get_plugin_manager


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "sarif"])
def test_jobs_1_2_4_give_identical_output(fmt: str, docs: Path, doclint: Doclint) -> None:
    get_plugin_manager().register(ArchivePlugin())
    members = documents(docs)
    write_zip(Path("docs.zip"), members)
    write_tar(Path("docs.tar.gz"), members)
    runs = [doclint("check", "--no-cache", "--jobs", jobs, "--format", fmt, "--extend-select",
                    "XA101", "docs", "docs.zip", "docs.tar.gz") for jobs in ("1", "2", "4")]
    assert runs[0].out == runs[1].out == runs[2].out
    assert runs[0].err == runs[1].err == runs[2].err == ""
    assert runs[0].code == 1
    # Archive facts came back from every worker: the first line of docs/2019/agriculture.txt
    # is found again in the zip's and the tar's copy.
    assert "XA101" in runs[0].out
    assert "docs.tar.gz!2019/agriculture.txt" in runs[0].out


def test_without_dask_the_dask_executor_falls_back_with_one_line(
        docs: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("doclint.runner.session.dask_available", lambda: False)
    local = doclint("check", "--format", "json", "docs")
    fallback = doclint("check", "--format", "json", "--executor", "dask", "docs")
    assert fallback.out == local.out
    assert fallback.err_lines == [
        "doclint: dask.distributed is not installed (pip install 'doclint[archive]'); "
        "running on local processes"]
