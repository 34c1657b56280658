"""The ``--timing`` table: sums over documents, the slowest rules first, the rest on one line."""

from __future__ import annotations

from doclint.core.timing import DOCUMENT
from doclint.report.timing import RunTimes


def run_times() -> RunTimes:
    times = RunTimes()
    times.add({"P101": 0.5, "N301": 0.25, DOCUMENT: 1.0}, 1_000_000)
    times.add({"P101": 1.5, "T601": 0.125, DOCUMENT: 3.0}, 3_000_000)
    times.add(None, 5_000, cached=True)
    times.archive_seconds = 0.75
    return times


def test_the_table_in_english() -> None:
    assert run_times().table("en", shown=2) == [
        "doclint: time per rule over 2 documents checked (4.00 MB; 1 from the cache, not timed):",
        "  rule                            seconds   share      MB/s",
        "  P101                              2.000   50.0%       2.0",
        "  N301                              0.250    6.2%      16.0",
        "  1 more rules                      0.125    3.1%         -",
        "  all rules                         2.375   59.4%       1.7",
        "  outside the rules                 1.625   40.6%         -",
        "  archive rules (main process)      0.750",
        "  Outside the rules: reading, decoding, the document model, the anchor scan, sorting. "
        "A fact rules share is built once and charged to the first rule that asks for it.",
    ]


def test_the_table_in_chinese_aligns_wide_labels() -> None:
    lines = run_times().table("zh", shown=3)
    assert lines[0] == "doclint：各规则用时（检查了 2 个文件，4.00 MB；1 个取自缓存，未计时）："
    assert lines[1] == "  规则" + " " * 33 + "秒" + " " * 4 + "占比" + " " * 6 + "MB/s"
    assert lines[2:5] == [
        "  P101                              2.000   50.0%       2.0",
        "  N301                              0.250    6.2%      16.0",
        "  T601                              0.125    3.1%      32.0",
    ]
    # two cells a wide character: the figures stand under the English rows' figures
    assert lines[5] == "  规则合计                          2.375   59.4%       1.7"
    assert lines[7] == "  跨文件规则（主进程）              0.750"


def test_rules_of_equal_time_are_listed_by_code() -> None:
    times = RunTimes()
    times.add({"T601": 0.5, "N301": 0.5, DOCUMENT: 1.0}, 100)
    assert [line.split()[0] for line in times.table("en")[2:4]] == ["N301", "T601"]


def test_a_run_served_from_the_cache_says_how_to_time_it() -> None:
    times = RunTimes()
    times.add(None, 100, cached=True)
    times.add(None, 100, cached=True)
    assert times.table("en") == [
        "doclint: no document was timed: 2 came from the cache (time them with --no-cache)."]
    assert times.table("zh") == ["doclint：没有文件计时：2 个取自缓存（计时请加 --no-cache）。"]


def test_rules_that_only_mask_text_are_marked() -> None:
    times = RunTimes()
    times.add({"P101": 0.5, "T405": 0.25, DOCUMENT: 1.0}, 1_000_000)
    lines = times.table("en", maskers={"T405"})
    assert lines[2:4] == ["  P101                              0.500   50.0%       2.0",
                          "  T405 *                            0.250   25.0%       4.0"]
    assert lines[-1] == ("  * Not selected: runs only to mask text (page chrome, boilerplate) "
                         "for the selected rules.")
    assert not any(line.startswith("  *") for line in times.table("en", maskers={"N301"}))
