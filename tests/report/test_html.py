"""The HTML report: self-contained, escaped, bounded, and rendered by a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doclint.core.errors import DoclintError
from doclint.report import html

pytest.importorskip("jinja2")
Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py

EVIL = ("刚才，XX书记作了重要讲话。<script>document.body.setAttribute('data-pwned','script')"
        "</script>\n<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">XX书记\n")
SPEECH = ("在全县安全生产工作会议上的讲话\n在全县安全生产工作会议上的讲话\n"
          "增长6.5%，占比32.1％，其余为61.4%。\n刚才，XX书记作了重要讲话。\n")
NOTICE = "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "evil.txt").write_text(EVIL, encoding="utf-8")
    (tmp_path / "docs" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "docs" / "copy.txt").write_text(SPEECH.replace("\n", "\r\n"), encoding="utf-8")
    return tmp_path


def report(doclint: Doclint, *args: str) -> str:
    run = doclint("check", "--format", "html", "-o", "report.html", "--exit-zero", *args)
    assert run.code == 0, run.err
    return Path("report.html").read_text(encoding="utf-8")


def total(doclint: Doclint, *args: str) -> int:
    run = doclint("check", "--format", "json", "--exit-zero", *args)
    return int(json.loads(run.out)["summary"]["diagnostics"])


def test_one_self_contained_file(inputs: Path, doclint: Doclint) -> None:
    page = report(doclint, "docs")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script>" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "no network"
    assert not re.search(r"<(?:link|iframe|object)\b", page)
    count = total(doclint, "docs")
    assert count == 8
    assert f'<div class="num" id="total-count">{count}</div>' in page
    assert "docs/speech.txt" in page and "docs/copy.txt" in page


def test_document_text_is_escaped(inputs: Path, doclint: Doclint) -> None:
    page = report(doclint, "docs")
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;" in page
    assert "<mark>XX</mark>" in page  # the offending text, highlighted


def test_archive_findings_have_their_own_section(inputs: Path, doclint: Doclint) -> None:
    page = report(doclint, "--select", "P101,A101", "docs")
    assert "跨文档问题" in page and 'data-kind="archive"' in page and "A101" in page


def test_english_labels(inputs: Path, doclint: Doclint) -> None:
    page = report(doclint, "--lang", "en", "docs")
    assert "Findings per file" in page and '<html lang="en">' in page


def test_the_listing_is_capped_and_says_so(inputs: Path, doclint: Doclint,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_PER_DOCUMENT", 1)
    monkeypatch.setattr(html, "MAX_LISTED", 2)
    page = report(doclint, "docs")
    assert page.count('<li class="diag') == 2
    assert "本文件另有 1 条诊断未列出（每个文件最多列出 1 条）" in page
    assert "另有 1 个有问题的文件未列出明细" in page
    assert f'id="total-count">{total(doclint, "docs")}<' in page  # totals still count everything


def test_many_documents_keep_the_report_bounded(tmp_path: Path, doclint: Doclint,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for n in range(60):
        (tmp_path / f"{n:02d}.txt").write_text(f"第{n}篇\n刚才，XX书记作了重要讲话。\n" + NOTICE,
                                               encoding="utf-8")
    monkeypatch.setattr(html, "MAX_LISTED", 10)
    page = report(doclint, "--select", "P101,A103", ".")
    assert page.count('<li class="diag') == 11  # ten files listed, and A103 once for all sixty
    assert "另有 50 个有问题的文件未列出明细" in page
    assert len(page) < 200_000


def test_a_clear_error_without_jinja2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(DoclintError, match=r"pip install 'doclint\[archive\]'"):
        html.HtmlFormatter(sys.stdout, registry=None)  # type: ignore[arg-type]


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install -y chromium); "
                "the browser rendering test needs it")


def rendered(page: Path, fragment: str = "") -> str:
    """The DOM after the report's JavaScript ran, from headless Chromium."""
    done = subprocess.run(
        [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--dump-dom", page.resolve().as_uri() + fragment],
        capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0 or "<body" not in done.stdout:
        pytest.skip(f"Chromium could not render the page: {done.stderr.strip()[:300]}")
    return done.stdout


def test_chromium_renders_the_counts_and_runs_no_document_script(inputs: Path,
                                                                 doclint: Doclint) -> None:
    report(doclint, "--select", "P101,N301,T601,A101", "docs")
    count = total(doclint, "--select", "P101,N301,T601,A101", "docs")
    dom = rendered(Path("report.html"))
    assert 'data-ready="1"' in dom, "the report's script did not run"
    assert f'<b id="shown-count">{count}</b>' in dom
    assert f'<span id="listed-count">{count}</span>' in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0], "a document script ran"
    assert "<img src=\"x\"" not in dom and "&lt;script&gt;" in dom


def test_chromium_applies_filters_from_the_link(inputs: Path, doclint: Doclint) -> None:
    report(doclint, "docs")
    dom = rendered(Path("report.html"), "#sev=error&path=evil")
    errors_in_evil = 2  # P101 twice in evil.txt
    assert f'<b id="shown-count">{errors_in_evil}</b>' in dom
