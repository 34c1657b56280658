"""A105: an archive whose documents all write one year (anonymised), judged once for the archive."""

from __future__ import annotations

from pathlib import Path

from archivehelp import positioned, run


def report(first: int, second: int, third: int) -> str:
    return (f"{first}年，全县生产总值增长6%。{second}年新建学校3所，{third}年完成投资8亿元。"
            f"{first}年粮食总产再创新高，{second}年新增就业2000人，{third}年民生支出占比达80%。\n")


def test_an_archive_writing_only_2024() -> None:
    docs = {f"county{n:02d}.txt": "县政府工作报告\n" + report(2024, 2024, 2024) for n in range(12)}
    found = positioned("A105", docs)
    assert len(found) == 1
    finding = found[0]
    assert (finding["path"], finding["at"]) == ("county00.txt", (2, 1, 2, 6))
    assert finding["message"] == (
        "档案中12篇年份较多的文档里，有12篇（100%）的年份几乎全是2024年（这些文档共72处年份，"
        "2024年占100%）：真实文档会提到多个年份，整批文本的年份疑在匿名化或模板化时被统一替换为"
        "2024年。")
    assert [r[:2] for r in finding["related"]] == [
        (f"county{n:02d}.txt", (2, 1, 2, 6)) for n in range(1, 6)]


def test_real_archives_name_several_years() -> None:
    docs = {f"county{n:02d}.txt": report(2024, 2023, 2035) for n in range(12)}
    assert run("A105", docs) == []
    # One year per document, but a different one each: a yearbook, not a placeholder.
    docs = {f"{year}.txt": report(year, year, year) for year in range(2010, 2022)}
    assert run("A105", docs) == []


def test_too_few_documents_or_too_few_uniform_ones() -> None:
    uniform = report(2024, 2024, 2024)
    assert run("A105", {f"{n}.txt": uniform for n in range(9)}) == []
    mixed = {f"{n}.txt": uniform if n < 7 else report(2019, 2020, 2021) for n in range(10)}
    assert run("A105", mixed) == []  # 70% < 80%
    assert run("A105", mixed, share=0.7)


def test_the_real_corpus_is_not_anonymised(shared: Path) -> None:
    folder = shared / "corpus" / "real"
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    assert run("A105", docs) == []
