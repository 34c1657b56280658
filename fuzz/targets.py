"""Fuzz targets for the readers and the rule-pack loader, shared by the atheris entry points
(``fuzz_readers.py``, ``fuzz_packs.py``) and by their hypothesis fallback (``tests/test_fuzz.py``).

Each target takes arbitrary bytes and raises ``AssertionError`` (or lets an unexpected
exception through) only on a bug: the documented failures — ``ReadError`` for bytes that are
no document, ``ConfigError`` for a broken pack, a pattern's timeout — are the expected outcomes.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from doclint.core.config import Config
from doclint.core.diagnostic import Severity
from doclint.core.errors import DoclintError, ReadError
from doclint.core.linter import ActiveRule, lint_document
from doclint.runner.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".txt", ".md", ".markdown", ".docx")
SAMPLE = ("关于做好2024年春季农业生产工作的通知\n各乡镇人民政府：\n"
          "　　全县完成地区生产总值35.6亿元，同比增长6.5%，其中第一产业增加值8.2亿元。\n")
# NOTE: a pack rule runs under its patterns' timeouts and this budget; both are expected.
_EXPECTED_CRASHES = ("PatternTimeout", "stopped: it ran longer")


@functools.cache
def engine() -> Engine:
    return Engine(Config(preview=True))


def read_document(data: bytes) -> None:
    """Any bytes, read as each kind of document: a Document whose positions hold, or ReadError.

    The first byte picks the suffix (.txt, .md, .markdown, .docx).
    """
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    try:
        doc = engine().read(f"fuzz{suffix}", data[1:])
    except ReadError as exc:
        assert "\n" not in str(exc), f"a read error of more than one line: {exc!r}"
        return
    text = doc.text
    assert isinstance(text, str)
    for offset in sorted({0, len(text) // 2, len(text)}):
        position = doc.position(offset)
        assert position.line >= 1 and position.column >= 1, (offset, position)


@functools.cache
def _pack_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="doclint-fuzz-"))


def load_pack(data: bytes) -> None:
    """Any bytes as a rule pack: rules that run on a document, or a ConfigError, never a crash."""
    from doclint.yamlrules import load_pack as load

    path = _pack_dir() / f"pack{os.getpid()}.yaml"
    path.write_bytes(data)
    try:
        rules = load(path)
    except DoclintError as exc:
        assert str(exc), "an empty error message"
        return
    finally:
        path.unlink(missing_ok=True)
    doc = engine().read("sample.txt", SAMPLE.encode("utf-8"))
    active = [ActiveRule(rule(), Severity.WARNING) for rule in rules]  # type: ignore[call-arg]
    _diagnostics, crashes = lint_document(doc, active, budget=2.0)
    for crash in crashes:
        assert any(kind in crash for kind in _EXPECTED_CRASHES), crash


def seeds(target: str) -> list[bytes]:
    """Valid inputs to start from: the example documents, or the shipped packs."""
    if target == "readers":
        docs = sorted((ROOT / "examples" / "docs").glob("*.txt"))
        return [bytes([number]) + path.read_bytes()[:4096]
                for number, path in enumerate(docs * 2)][: 2 * len(SUFFIXES)]
    return [path.read_bytes() for path in sorted((ROOT / "rules").glob("*.yaml"))]
