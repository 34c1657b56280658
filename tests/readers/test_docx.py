"""Word documents: each paragraph becomes a line; diagnostics land on the right paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from doclint.cli.main import cli
from doclint.core.errors import ReadError
from doclint.readers.docx import read_docx


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "XX县政府工作报告"
    document.add_paragraph("在全县经济工作会议上的讲话")
    document.add_paragraph("")
    document.add_paragraph("刚才，XX书记作了重要讲话。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "增长6.5%，占比32.1％，其余61.4%"
    document.save(str(path))
    return path


def test_paragraphs_become_lines(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "report.docx")
    doc = read_docx(str(path), path.read_bytes())
    assert doc.source == ("在全县经济工作会议上的讲话\n\n刚才，XX书记作了重要讲话。\n项目\n"
                          "增长6.5%，占比32.1％，其余61.4%")
    assert doc.encoding == "docx"
    assert doc.metadata == {"title": "XX县政府工作报告"}


def test_diagnostics_land_in_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_docx(tmp_path / "report.docx")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--select", "P101,N301", "--format", "json",
                                      "--jobs", "1", "."])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [(d["path"], d["code"], d["line"], d["column"], d["end_line"], d["end_column"])
            for d in report["diagnostics"]] == [
        ("report.docx", "P101", 3, 4, 3, 6),
        ("report.docx", "N301", 5, 14, 5, 15),
    ]
    assert report["files"][0]["encoding"] == "docx"


def test_not_a_docx(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"not a readable \.docx file"):
        read_docx("x.docx", b"PK\x03\x04 not really a zip")


def test_fix_never_rewrites_a_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "REPORT.DOCX")
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--select", "N301", "--fix", "--jobs", "1", "."])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("REPORT.DOCX:5:14: N301 ")
    assert result.stderr == ("doclint: REPORT.DOCX: 1 fix not applied: .docx files are not "
                             "rewritten (a fix could lose the formatting of the runs it touches)\n")
    assert path.read_bytes() == before
