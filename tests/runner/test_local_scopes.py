"""A rule declared local (``scope`` line, sentence, paragraph or heading) runs on the windows of
a document too large to check whole (doclint/runner/windows.py), so its findings on the windows
must be its findings on the whole document: the same spans, messages and fixes.

Real documents of ../shared/corpus/real are cut by the windows module's own cutter into windows
of a few thousand characters (each larger than the document's longest line, so that every cut
falls at a paragraph or line break, as it does for prose in windows of 512K characters), and
every local rule runs on the whole and on each window. The bad examples of the local rules are
planted as lines of their own, so that every rule has something to find on either side of many
cuts. Grouping (``group_after``) is the linter's, per window by design: raw findings are
compared. A pack rule that checks only documents its ``requires`` pattern matches runs on the
windows without that condition, its findings kept if the pattern matched in some window
(``windows.gated``), as lint_windows does. Skipped when the shared corpus is absent.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from doclint.core.document import Document
from doclint.core.rule import Examples, Rule
from doclint.readers.plain import read_plain
from doclint.runner import windows
from doclint.testing import default_registry

DOCUMENTS = (
    "zhouynf-statecouncil-2019-id003.txt",  # paragraphs separated by blank lines
    "aldohemsn-gwr-national-2015.txt",  # blank lines, headings, tables of figures
    "alexzhu0-gwr-prov-jilin-2025.txt",  # one paragraph a line, no blank line
    "johncodes404-gwr-prov-fujian-2026.txt",  # long paragraphs, one a line
)
SETTINGS = {"year": None, "era_markers": []}


def local_rules() -> list[type[Rule]]:
    return sorted((r for r in default_registry() if issubclass(r, Rule)
                   and r.scope in windows.LOCAL_SCOPES), key=lambda r: r.code)


@pytest.fixture
def corpus(shared: Path) -> Path:
    folder = shared / "corpus" / "real"
    if not all((folder / name).is_file() for name in DOCUMENTS):
        pytest.skip("no real corpus")
    return folder


def planted(text: str, newline: str) -> str:
    """``text`` with the local rules' bad examples inserted as lines, each about three times,
    spread over the document."""
    bad = [Examples.as_example(e).text.replace("\n", newline)
           for rule in local_rules() for e in rule.examples.bad]
    lines = text.split("\n")
    step = max(1, len(lines) // (3 * len(bad)))
    out = []
    for number, line in enumerate(lines):
        out.append(line)
        if number % step == step - 1:
            out.append(bad[number // step % len(bad)])
    return newline.join(out)


def findings(rule: Rule, doc: Document, offset: int = 0) -> list[tuple[Any, ...]]:
    out = []
    for found in rule.check(doc):
        fix = None if found.fix is None else tuple(
            (e.span.start + offset, e.span.end + offset, e.replacement) for e in found.fix.edits)
        out.append((found.span.start + offset, found.span.end + offset, str(found.message),
                    tuple((r.span.start + offset, r.span.end + offset) for r in found.related),
                    fix))
    return sorted(out)


def document(path: str, text: str) -> Document:
    doc = read_plain(path, text.encode("utf-8", "surrogatepass"), "utf-8")
    doc.settings = dict(SETTINGS)
    return doc


def test_the_local_rules_are_the_ones_declared() -> None:
    """The rules checked in windows; a change to this list must pass the test below."""
    assert [r.code for r in local_rules()] == [
        "BD008", "BD009", "GW005", "GW006", "GW007", "N108"]


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_local_rules_find_the_same_in_windows_as_in_the_whole(corpus: Path, name: str,
                                                              newline: str) -> None:
    text = (corpus / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    text = planted(text, newline)
    longest = max(map(len, text.splitlines()))
    whole = document(name, text)
    rules = [cls() for cls in local_rules()]
    expected = {rule.code: findings(rule, whole) for rule in rules}
    assert all(expected.values())  # every rule has something to compare
    for size in (max(1500, 2 * longest), max(2600, 3 * longest)):
        parts = list(windows.windows(io.BytesIO(text.encode("utf-8")), "utf-8", size=size))
        assert "".join(parts) == text and len(parts) > 3
        got: dict[str, list[tuple[Any, ...]]] = {rule.code: [] for rule in rules}
        gates = {rule.code: windows.gated(rule) for rule in rules}
        opened = set()
        offset = 0
        for number, part in enumerate(parts):
            # Cut at a break: no line is cut in two (the last window ends with the text).
            assert part.endswith(("\n", "\r")) or number == len(parts) - 1
            doc = document(name, part)
            for rule in rules:
                gate = gates[rule.code]
                if gate is not None and gate[1].found_in(doc.text):
                    opened.add(rule.code)
                got[rule.code].extend(findings(rule if gate is None else gate[0], doc, offset))
            offset += len(part)
        for rule in rules:
            if gates[rule.code] is not None and rule.code not in opened:
                got[rule.code] = []
            assert sorted(got[rule.code]) == expected[rule.code], (rule.code, size)


def test_a_rule_for_gongwen_keeps_its_findings_in_windows_without_the_formula(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doclint: Any) -> None:
    """GW007 checks only a 公文 (its ``requires``): the formula that makes the text one is in
    the first window, the misnumbered headings in later ones, and they are still reported."""
    lines = ["现印发给你们，请认真贯彻执行。"]
    for number in range(1, 400):
        if number % 130 == 0:
            lines.append(f"{number // 130}、推动跨境电商高质量发展。深化跨境电商综合试验区建设。")
        else:
            lines.append(f"　　第{number}行正文，全县完成地区生产总值35.6亿元。")
    (tmp_path / "big.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    check = ["check", "--no-cache", "--jobs", "1", "--format", "json", "--select", "GW007",
             "big.txt"]
    whole = doclint(*check).json()["diagnostics"]
    monkeypatch.setattr(windows, "WINDOW_BYTES", 2048)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)
    split = doclint(*check)
    assert split.err == ""  # GW007 is local: nothing skipped
    # three headings so numbered are one habit: one finding, the later two related …
    assert [(d["line"], d["column"]) for d in whole] == [(131, 1)]
    assert [(r["line"], r["column"]) for r in whole[0]["related"]] == [(261, 1), (391, 1)]
    # … grouped per window when the file is checked in windows (one heading in each): every
    # heading is still reported, in a window without the formula too
    assert [(d["line"], d["column"]) for d in split.json()["diagnostics"]] == [
        (131, 1), (261, 1), (391, 1)]
