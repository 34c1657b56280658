"""A102: near copies found with MinHash and LSH (datasketch), never by comparing every pair."""

from __future__ import annotations

import logging
import re

import pytest
from archivehelp import edited, made_up, positioned, run

from doclint.rules.archive import minhash

datasketch = pytest.importorskip("datasketch")
np = pytest.importorskip("numpy")

REPORT = "2021年政府工作报告\n" + made_up(1, 3000)


def similarity(message: str) -> int:
    return int(re.search(r"估计相似度为(\d+)%", message).group(1))


def test_signature_is_datasketch_minhash() -> None:
    text = made_up(3, 500)
    values, shingles = minhash.signature(text, 5, 128)
    hashes = minhash.shingle_hashes(np, minhash.han_codes(np, text), 5, 1)
    reference = datasketch.MinHash(num_perm=128, seed=1, hashfunc=int, scheme="affine32")
    reference.update_batch(hashes.tolist())
    assert np.array_equal(np.frombuffer(values, dtype=np.uint32), reference.hashvalues)
    assert shingles == len(hashes) > 400


def test_a_lightly_edited_copy_is_reported_on_the_later_path() -> None:
    copy = "来源：某某网\n" + edited(REPORT, 2, 0.01)
    found = positioned("A102", {"site-b/report.txt": copy, "site-a/report.txt": REPORT})
    assert len(found) == 1
    finding = found[0]
    assert finding["path"] == "site-b/report.txt"
    assert finding["at"] == (2, 1, 2, 12)  # the title, below the source line
    assert finding["related"][0][:2] == ("site-a/report.txt", (1, 1, 1, 12))
    assert finding["message"].startswith(
        "本文件与 site-a/report.txt 近似重复：5字汉字片段集合的估计相似度为")
    assert 85 <= similarity(finding["message"]) <= 99
    assert "（MinHash，阈值80%）。" in finding["message"]


def test_different_texts_and_exact_copies_are_quiet() -> None:
    other = "2021年政府工作报告\n" + made_up(9, 3000)
    assert run("A102", {"a.txt": REPORT, "b.txt": other}) == []
    # An exact copy is A101's: A102 leaves it alone.
    assert run("A102", {"a.txt": REPORT, "b.txt": REPORT.replace("\n", "\r\n")}) == []


def test_threshold_and_minimum_length_are_options() -> None:
    copy = edited(REPORT, 2, 0.01)  # one character in a hundred: about 5% of the shingles
    assert run("A102", {"a.txt": REPORT, "b.txt": copy})
    assert run("A102", {"a.txt": REPORT, "b.txt": copy}, threshold=0.97) == []
    short = made_up(4, 150)
    assert run("A102", {"a.txt": short, "b.txt": edited(short, 5, 0.01)}) == []


def test_a_cluster_lists_its_most_similar_members_and_counts_the_rest() -> None:
    docs = {f"{n:02d}.txt": edited(REPORT, n, 0.01) for n in range(6)}
    found = run("A102", docs, threshold=0.7)
    path, last = found[-1]
    assert path == "05.txt" and len(last.related) == 3
    assert "另有3个近似的文件" in last.message.zh


def test_many_copies_of_a_template_are_compared_with_a_few_representatives() -> None:
    docs = {f"{n:03d}.txt": edited(REPORT, n, 0.001) for n in range(150)}
    found = run("A102", docs)
    assert len(found) == len(set(docs.values())) - 1  # exact copies are A101's
    # Nearly identical files are represented by an earlier one and not compared again: a
    # handful of representatives serve the whole batch.
    cited = {r.path for _, finding in found for r in finding.related}
    assert "000.txt" in cited and len(cited) <= 5


def test_findings_do_not_depend_on_input_order() -> None:
    docs = {f"{n:02d}.txt": edited(REPORT, n, 0.02) for n in range(5)}
    docs["x.txt"] = made_up(11, 2000)
    assert positioned("A102", docs) == positioned("A102", dict(reversed(list(docs.items()))))


def test_without_datasketch_the_rule_says_so_once_and_skips(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from doclint.rules.archive import base

    monkeypatch.setattr(minhash, "available", lambda: False)
    monkeypatch.setattr(base, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="doclint.rules.archive"):
        assert run("A102", {"a.txt": REPORT, "b.txt": edited(REPORT, 2, 0.01)}) == []
    assert [r.getMessage() for r in caplog.records] == [
        "A102 skipped: datasketch is not installed (pip install 'doclint[archive]')"]
