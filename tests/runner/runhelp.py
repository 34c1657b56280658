"""Helpers for the runner tests: the CLI's result, archives built from a folder."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "archive" / "docs"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.out)
        document["summary"].pop("seconds", None)
        return document


Doclint = Callable[..., Run]


def documents(root: Path) -> list[tuple[str, bytes]]:
    """``(relative posix path, bytes)`` of every file under ``root``, sorted."""
    return [(p.relative_to(root).as_posix(), p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()]


def write_zip(target: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return target


def write_tar(target: Path, members: list[tuple[str, bytes]]) -> Path:
    mode = "w:gz" if target.name.endswith(("gz", "tgz")) else "w"
    with tarfile.open(target, mode) as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(data))
    return target


class SameFirstLine(ArchiveRule):
    """测试用：首行相同的文件（事实只是首行的摘要）。"""

    code = "XA101"
    name = "runnertest.same-first-line"
    category = Category.TITLE_DUPLICATE
    severity = Severity.INFO
    summary = Message("首行与另一文件相同。", "The first line is another file's.")
    message = Message("首行与 {first} 相同。", "The first line is the same as {first}'s.")
    examples = Examples(bad=("甲",), good=("乙",))

    def collect(self, doc: Document) -> tuple[str, int]:
        end = doc.index.lines[0].span.end
        return hashlib.sha256(doc.text[:end].encode()).hexdigest()[:16], end

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        first: dict[str, str] = {}
        for path, (digest, end) in facts:
            if digest in first:
                note = Message("首行相同的文件", "the file with the same first line")
                related = (Related(Span(0, 1), note, path=first[digest]),)
                message = self.message.format(first=first[digest])
                yield path, Finding(Span(0, end), message, related)
            else:
                first[digest] = path


class ArchivePlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [SameFirstLine]
