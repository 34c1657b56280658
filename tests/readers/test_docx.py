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


def test_fix_edits_a_docx_inside_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "REPORT.DOCX")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--select", "N301", "--fix", "--jobs", "1", "."])
    assert result.exit_code == 0, result.output
    assert result.stdout == "共检查 1 个文件，发现 0 个问题。\n修复了 1 个问题。\n"
    assert result.stderr == "doclint: REPORT.DOCX: applied 1 fix\n"
    cell = docx.Document(str(path)).tables[0].cell(0, 1)
    assert cell.text == "增长6.5%，占比32.1%，其余61.4%"


def test_fix_keeps_the_formatting_of_every_run(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("特此通知。").bold = True
    paragraph.add_run("。")  # “。。” crosses two runs: its fix would lose the bold or not
    second = document.add_paragraph()
    second.add_run("经研究，现将")
    second.add_run("有关事项通知如下:").italic = True  # inside one run: fixed
    document.save(str(tmp_path / "notice.docx"))
    before = (tmp_path / "notice.docx").read_bytes()
    monkeypatch.chdir(tmp_path)
    diff = CliRunner().invoke(cli, ["check", "--select", "BD002,BD004", "--diff", "--jobs", "1",
                                    "notice.docx"])
    assert diff.exit_code == 1
    assert "+经研究，现将有关事项通知如下：\n" in diff.stdout
    assert (tmp_path / "notice.docx").read_bytes() == before
    result = CliRunner().invoke(cli, ["check", "--select", "BD002,BD004", "--fix", "--jobs", "1",
                                      "--no-source", "notice.docx"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("notice.docx:1:5: BD002 ")
    assert result.stdout.splitlines()[-1] == "修复了 1 个问题。"
    assert result.stderr.splitlines() == [
        "doclint: notice.docx: 1 fix not applied: in a .docx a fix is applied only inside one "
        "run, so that no formatting is lost",
        "doclint: notice.docx: applied 1 fix"]
    runs = [[(r.text, r.bold, r.italic) for r in p.runs]
            for p in docx.Document("notice.docx").paragraphs]
    assert runs == [[("特此通知。", True, None), ("。", None, None)],
                    [("经研究，现将", None, None), ("有关事项通知如下：", None, True)]]
