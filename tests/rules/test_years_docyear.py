"""Which year a document speaks from, and where that year came from."""

from __future__ import annotations

import json
from pathlib import Path

from doclint.core import Document
from doclint.rules.years.docyear import DocumentYears


def _year(text: str, path: str = "<case>", **kwargs):
    settings = {"year": None, **kwargs.pop("settings", {})}
    doc = Document(path=path, source=text, settings=settings, **kwargs)
    return doc.facts(DocumentYears).parts[0].year


def test_config_wins() -> None:
    source = _year("（2024年4月24日）\n正文。", settings={"year": 2019})
    assert (source.year, source.source) == (2019, "config")


def test_front_matter() -> None:
    assert _year("正文。", metadata={"date": "2021-03-05"}).source == "front-matter"
    assert _year("正文。", metadata={"year": 2018}).year == 2018


def test_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("正文。", encoding="utf-8")
    (tmp_path / "speech.txt.meta.json").write_text(json.dumps({"year": 2016}), encoding="utf-8")
    source = _year("正文。", path=str(path))
    assert (source.year, source.source, source.detail) == (2016, "sidecar", "speech.txt.meta.json")


def test_datelines() -> None:
    assert _year("在全县工作会议上的讲话\n（2024年4月24日）\n同志们：").source == "dateline"
    assert _year("政府工作报告\n——2014年2月19日在区人民代表大会上\n各位代表：").year == 2014
    assert _year("通知正文。\n国务院办公厅\n二〇一八年十二月二十九日\n").year == 2018
    assert _year("某某的致辞（2022年10月16日）各位来宾").year == 2022


def test_document_number_and_title() -> None:
    assert _year("关于印发方案的通知\n国办发〔2018〕128号\n各省：").source == "document-number"
    source = _year("2019年政府工作报告\n各位代表：")
    assert (source.year, source.source) == (2019, "title")
    # A numbered heading is not a title; a review of 2024 speaks from 2025.
    source = _year("各位代表：\n一、2024年工作回顾\n过去一年……")
    assert (source.year, source.source) == (2025, "text")


def test_file_name() -> None:
    source = _year("正文。", path="/data/2019年政府工作报告.txt")
    assert (source.year, source.source) == (2019, "file-name")
    assert _year("正文。", path="/data/gwr-national-2015.txt").year == 2015
    assert _year("正文。", path="/data/000_8b5335c45f1d25d8.txt") is None


def test_text_prefers_the_year_after_the_one_reviewed() -> None:
    text = "2004年，国内生产总值增长9.5%。2004年粮食增产。今年要做好2005年工作。到2010年翻一番。"
    assert _year(text).year == 2005


def test_no_year() -> None:
    assert _year("同志们：要抓好安全生产。") is None


def test_compilation_gets_a_year_per_part() -> None:
    text = ("第一篇：在县委工作会议上的讲话\n同志们：\n2006年全县经济平稳增长，2006年财政增收。\n"
            "第二篇：在全县政法工作会议上的讲话\n（2008年4月24日）\n同志们：\n要维护稳定。\n")
    doc = Document(path="<case>", source=text, settings={"year": None})
    parts = doc.facts(DocumentYears).parts
    assert [(p.year.year, p.year.source) for p in parts] == [(2006, "text-floor"),
                                                             (2008, "dateline")]
