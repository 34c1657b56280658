"""The archive phase: same findings as the engine's, related spans placed in their own file,
one forward pass over a .tar.gz, and cached for an unchanged archive."""

from __future__ import annotations

import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from runhelp import ArchivePlugin, Doclint, documents, write_tar

from doclint import (
    ArchiveRule,
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Severity,
    Span,
    hookimpl,
)
from doclint.core.config import Config
from doclint.plugins.manager import get_plugin_manager
from doclint.runner import crossdoc
from doclint.runner.archives import MemberReader
from doclint.runner.engine import Engine
from doclint.runner.inputs import Inputs
from doclint.runner.worker import Worker, WorkSpec


class SameLastLine(ArchiveRule):
    """测试用：末行相同的文件；相关位置指向另一文件的末行。"""

    code = "XA102"
    name = "runnertest.same-last-line"
    category = Category.DUPLICATE_TEXT
    severity = Severity.INFO
    summary = Message("末行与另一文件相同。", "The last line is another file's.")
    examples = Examples(bad=("甲",), good=("乙",))

    def collect(self, doc: Document) -> tuple[str, int, int]:
        last = doc.index.lines[-1].span
        return doc.text[last.start : last.end], last.start, last.end

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        first: dict[str, tuple[str, int, int]] = {}
        for path, (text, start, end) in facts:
            if text in first:
                other, o_start, o_end = first[text]
                note = Message("末行相同的文件", "the file with the same last line")
                yield path, Finding(Span(start, end), self.summary,
                                    (Related(Span(o_start, o_end), note, path=other),))
            else:
                first[text] = (path, start, end)


class LastLinePlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [SameLastLine]


def gather(engine: Engine, paths: list[str]) -> dict[str, list[tuple[str, Any]]]:
    worker = Worker(engine, WorkSpec(engine.config))
    facts: dict[str, list[tuple[str, Any]]] = {}
    for task in Inputs(paths, engine.config.include, []).tasks():
        outcome = worker.run(task)
        for code, fact in outcome.facts.items():
            facts.setdefault(code, []).append((outcome.result.path, fact))
    return facts


def test_related_spans_in_another_file_are_placed_in_that_file(
        docs: Path) -> None:
    get_plugin_manager().register(LastLinePlugin())
    (docs / "2020" / "short.txt").write_text("短文。\n\n要办好人民满意的教育。\n", encoding="utf-8")
    engine = Engine(Config(select=["XA102"]))
    facts = gather(engine, ["docs"])

    def reread(path: str) -> Document:
        return engine.read(path, Path(path).read_bytes())

    ours, _ = crossdoc.archive_phase(engine, facts, reread)
    (short,) = [d for d in ours if d.path == "docs/2020/short.txt"]
    (related,) = short.related
    assert related.path == "docs/2020/education-gbk.txt"
    assert (related.start.line, related.start.column, related.end.column) == (7, 1, 12)


def test_a_document_that_cannot_be_read_again_drops_only_its_findings(
        docs: Path, caplog: pytest.LogCaptureFixture) -> None:
    get_plugin_manager().register(ArchivePlugin())
    engine = Engine(Config(select=["XA101"]))
    facts = gather(engine, ["docs"])

    def reread(path: str) -> Document:
        if path.endswith("2020/economy.txt"):
            raise OSError("gone")
        return engine.read(path, Path(path).read_bytes())

    found, _ = crossdoc.archive_phase(engine, facts, reread)
    assert "docs/2020/economy.txt" not in {d.path for d in found}
    assert found
    assert "cannot read it again for the archive rules (gone)" in caplog.text


def test_a_tar_gz_is_read_again_in_one_forward_pass(docs: Path, doclint: Doclint,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    get_plugin_manager().register(ArchivePlugin())
    members = [(f"{copy}/{name}", data) for copy in ("b", "a", "c") for name, data in
               documents(docs)]
    write_tar(Path("docs.tar.gz"), members)
    opened: list[str] = []
    real_open = tarfile.open

    def counting_open(name: Any, *args: Any, **kwargs: Any) -> tarfile.TarFile:
        opened.append(str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(tarfile, "open", counting_open)
    run = doclint("check", "--no-cache", "--select", "XA101", "--format", "json", "docs.tar.gz")
    found = run.json()["diagnostics"]
    assert len({d["path"] for d in found}) >= 10
    assert opened == ["docs.tar.gz", "docs.tar.gz"]  # the check, then one re-reading pass


def test_an_unchanged_archive_takes_the_archive_rules_from_the_cache(
        docs: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch) -> None:
    get_plugin_manager().register(ArchivePlugin())
    first = doclint("check", "--extend-select", "XA101", "--format", "json", "docs")
    calls: list[int] = []
    real_phase = crossdoc.archive_phase

    def counted(*args: Any) -> Any:
        calls.append(1)
        return real_phase(*args)

    monkeypatch.setattr("doclint.runner.batch.archive_phase", counted)
    again = doclint("check", "--extend-select", "XA101", "--format", "json", "docs")
    assert again.json() == first.json() and calls == []
    (docs / "2020" / "industry.txt").write_text("在全县经济工作会议上的讲话\n", encoding="utf-8")
    changed = doclint("check", "--extend-select", "XA101", "--format", "json", "docs")
    assert calls == [1]
    assert "docs/2020/industry.txt" in {d["path"] for d in changed.json()["diagnostics"]
                                        if d["code"] == "XA101"}


def test_member_reader_reads_plain_files_too(docs: Path) -> None:
    with MemberReader() as reader:
        assert reader.read_bytes("docs/2019/economy.txt") == (
            docs / "2019" / "economy.txt").read_bytes()
