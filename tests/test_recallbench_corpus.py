"""The recall benchmark plants only into text doclint checks, never into metadata it blanks."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "recall"))
from recallbench.corpus import Doc, Linter

RECORD = ("标题: 关于2023年区级创业孵化基地拟认定名单的公示\n发布时间: 2023-12-28 11:18\n"
          "栏目: 稳岗就业\n==================== 正文 ====================\n"
          "经评审，拟认定以下单位为2023年区级创业孵化基地，现予公示。\n")


def test_a_record_header_is_no_site_for_a_plant(tmp_path: Path) -> None:
    path = tmp_path / "2023-0001.txt"
    path.write_text(RECORD, encoding="utf-8")
    text, checked = Linter(preview=False).read(path)
    doc = Doc(path, path.name, "x", text, checked=checked)
    assert doc.hidden_lines == {1, 2, 3, 4}
    assert [number for number, _, _ in doc.lines] == [5]
    title = text.index("2023")
    body = text.index("2023", text.index("正文"))
    assert doc.unchecked(title, title + 4)
    assert not doc.unchecked(body, body + 4)


def test_a_plain_document_hides_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("经评审，拟认定以下单位为区级创业孵化基地。\n", encoding="utf-8")
    text, checked = Linter(preview=False).read(path)
    doc = Doc(path, path.name, "x", text, checked=None if checked == text else checked)
    assert doc.hidden_lines == frozenset()
    assert not doc.unchecked(0, 5)
