"""Linear rewrites of scans that used to backtrack: each answers exactly what the pattern it
replaced answered, on generated strings dense in the cases that matter."""

from __future__ import annotations

import random
import re

import pytest

from doclint.rules.structure.repeated_text import _twice

# T602's former quick test: a sentence written twice in a row (backtracks on long sentences).
_TWICE = re.compile(r"([^。！？!?；;\x00]{8,}[。！？!?])\x00?\1")


def _repeating_strings(seed: int, count: int, letters: str, ends: list[str], parts: int,
                       longest: int, repeat: float) -> list[str]:
    """Runs of ``letters`` each closed by one of ``ends``, some of them repeated (whole or a
    tail): up to ``parts`` runs of up to ``longest`` letters, each repeated at rate ``repeat``."""
    rnd = random.Random(seed)
    strings = []
    for _ in range(count):
        pieces: list[str] = []
        for _ in range(rnd.randint(1, parts)):
            word = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, longest)))
            word += rnd.choice(ends)
            pieces.append(word)
            if rnd.random() < repeat:
                pieces.append(word[rnd.randint(0, 3):])
        strings.append("".join(pieces))
    return strings


def _pasted_strings(seed: int, count: int) -> list[str]:
    """Short runs of two letters and sentence marks, some of them repeated (whole or a tail)."""
    return _repeating_strings(seed, count, "ab", ["。", "!", "；", "\x00", "。\x00", ""],
                              parts=6, longest=12, repeat=0.4)


def test_twice_answers_as_the_backreference_did() -> None:
    strings = _pasted_strings(seed=2, count=20000)
    expected = [_TWICE.search(s) is not None for s in strings]
    assert 0 < sum(expected) < len(strings)
    assert [_twice(s) for s in strings] == expected


# T602's quick test as it was: a long sentence (its closing marks at the start left out) twice.
_LONG_SENTENCE = re.compile(r"[”’」』）)]*([^。！？!?；;\x00”’」』）)][^。！？!?；;\x00]{14,})")


def _marked_strings(seed: int, count: int) -> list[str]:
    """Runs of two letters and closing marks between sentence marks, some of them repeated."""
    return _repeating_strings(seed, count, "ab”）",
                              ["。", "!", "；", "\x00", "。\x00", "？”", ""],
                              parts=8, longest=20, repeat=0.3)


def test_long_runs_again_answers_as_the_sentence_pattern_did() -> None:
    from doclint.rules.structure.repeated_text import _long_run_again, _runs

    strings = _marked_strings(seed=4, count=20000)
    expected = []
    for s in strings:
        found = _LONG_SENTENCE.findall(s)
        expected.append(len(set(found)) < len(found))
    assert 0 < sum(expected) < len(strings)
    assert [_runs(s) for s in strings] == [re.split(r"[。！？!?；;\x00]", s) for s in strings]
    assert [_long_run_again(_runs(s)) for s in strings] == expected


def test_twice_needs_a_run_closing_the_one_before() -> None:
    from doclint.rules.structure.repeated_text import _run_closes_the_one_before, _runs

    def long_runs(s: str) -> list[str]:
        return [run for run in _runs(s) if len(run) >= 8]

    strings = _pasted_strings(seed=5, count=20000) + _marked_strings(seed=6, count=20000)
    twice = [s for s in strings if _twice(s)]
    assert len(twice) > 1000
    assert all(_run_closes_the_one_before(long_runs(s)) for s in twice)
    # … and it is a test worth making: most strings without such a repeat fail it
    others = [s for s in strings if not _twice(s)]
    assert sum(_run_closes_the_one_before(long_runs(s)) for s in others) < len(others) / 2


def _doubled_half_before(text: str) -> str | None:
    """T601's doubled_half as it was, before its test of the halves without spaces."""
    from doclint.rules.structure import duplicate_line as module

    length = len(text)
    if not 2 * module._HALF_MIN_HAN <= length <= 2 * module._HALF_MAX \
            or text[-1] not in module._HALF_END:
        return None
    for cut in range(length // 2 - 2, length // 2 + 3):
        head, tail = text[:cut], text[cut:]
        if head.strip() and module._SPACES.sub("", head) == module._SPACES.sub("", tail):
            half = tail.strip()
            if module.han_count(half) >= module._HALF_MIN_HAN and half[-1] in module._HALF_END:
                return half
    return None


def test_doubled_half_answers_as_before() -> None:
    from doclint.rules.structure.duplicate_line import doubled_half

    rnd = random.Random(3)
    strings = []
    for _ in range(20000):
        half = "".join(rnd.choice("要抓好 建设。　") for _ in range(rnd.randint(6, 14))) + "。"
        other = half if rnd.random() < 0.6 else half[: -2] + "；"
        strings.append(rnd.choice(["", " ", "　"]).join((half, other)))
    expected = [_doubled_half_before(s) for s in strings]
    assert 0 < sum(e is not None for e in expected) < len(strings)
    assert [doubled_half(s) for s in strings] == expected


def test_shingle_hashes_are_those_of_each_piece() -> None:
    """A104's shingle hashes from one encoding equal the hash of each piece encoded alone,
    also when a character outside the basic plane (four bytes in UTF-8) is among them."""
    import zlib

    from doclint.rules.archive.duplicate_title import _SHINGLE
    from doclint.rules.archive.shingles import shingle_hashes

    for han in ("全县召开安全生产工作会议总结去年工作", "全县召开𠀀安全生产工作会议", "一二三四五六"):
        expected = [zlib.crc32(han[i : i + _SHINGLE].encode("utf-8"))
                    for i in range(len(han) - _SHINGLE + 1)]
        assert shingle_hashes(han, _SHINGLE) == expected


@pytest.mark.parametrize(("min_run", "min_body", "size", "sampling", "limit"), [
    (10, 40, 6, 4, 128), (10, 40, 6, 4, 4), (3, 5, 2, 1, 8), (1, 1, 1, 2, 3), (5, 10, 4, 512, 16)])
def test_sketch_without_numpy_is_the_defined_one(min_run: int, min_body: int, size: int,
                                                 sampling: int, limit: int) -> None:
    """A104's sketch without numpy (the runs cut in two passes, only the windows whose highest
    CRC byte is small enough hashed) is the ``limit`` smallest distinct sampled CRC-32 of the
    pieces of each long enough run, never one across runs; outside the BMP too."""
    import heapq
    import random
    import zlib

    from doclint.rules.archive import shingles
    from doclint.rules.archive.duplicate_title import _PROSE

    han = "全县召开安全生产工作会议总结去年部署今年重点任务推进乡村振兴〇々"
    rnd = random.Random(size * 1000 + limit)
    state = dict(shingles._state)
    try:
        shingles._state.update(numpy=False)
        for trial in range(60):
            alphabet = han[: 4 + trial % 30]  # few characters: many pieces alike
            runs = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 300)))
                    for _ in range(rnd.randint(1, 8))]
            if trial % 7 == 0:
                runs[0] += "𠀀"
            body = rnd.choice(["，abc。", "\n", "。 12"]).join(runs)  # not prose between
            kept = [run for run in runs if len(run) >= min_run]
            values = {zlib.crc32(run[i : i + size].encode("utf-8"))
                      for run in kept for i in range(len(run) - size + 1)}
            expected = heapq.nsmallest(limit, (v for v in values if v % sampling == 0)) \
                if sum(map(len, kept)) >= min_body else []
            assert shingles.sketch(body, _PROSE, min_run, min_body, size, sampling,
                                   limit) == expected
    finally:
        shingles._state.clear()
        shingles._state.update(state)


def test_link_dates_opening_with_a_digit_match_as_the_alternation_did() -> None:
    """PageNavigation's date, written to open with a digit, finds what the plain alternation
    of its two forms found, on its own and after a title."""
    import random

    import regex

    from doclint.rules.templates.link_lists import _ANY_DATE, _DATE

    plain = regex.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[01]\d-[0-3]\d)")
    bracketed = regex.compile(rf"[\[【(（]?{plain.pattern}[\]】)）]?")
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice("0123456789０１-/.年月【】[] 文") for _ in range(rnd.randint(0, 24)))
        assert [m.span() for m in _ANY_DATE.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
        assert bool(_DATE.fullmatch(text)) == bool(bracketed.fullmatch(text))


def test_every_white_space_page_copies_strips_but_the_space_is_unprintable() -> None:
    """PageCopies keys a sentence without white space (``text.spaceless``) and skips the regex
    for a printable sentence without an ASCII space: sound only while every other character
    the pattern strips is unprintable."""
    from doclint.core.text import _SPACE_RUN as _SPACE

    stripped = [chr(c) for c in range(0x110000) if _SPACE.fullmatch(chr(c))]
    assert " " in stripped
    assert not [c for c in stripped if c != " " and c.isprintable()]


def _credit_pages(seed: int, count: int) -> list[str]:
    """Pages of short lines, some of them a data vendor's credit (spaced out, quoted, a domain,
    a 来源 note), others prose or labels with and without the credit's key characters."""
    rnd = random.Random(seed)
    pieces = [
        "来源：某某数据网", "数据由“某 某 数 据”整理", "（来自 www.example.com）",
        "微信公众号“某某数据”", "更多数据：搜索“某某数据网”", "官网：www.example.org",
        "某 某 数 据 网", "搜索“某某数据”", "example.net", "本县召开全体会议。",
        "各乡镇人民政府：", "一、总体要求", "由县政府统一部署。", "2023年12月", "\ufeff来源：某某数据网",
        "  来源：某某数据网", "来源：某某数据网\r", "",
    ]
    return ["\n".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
            + rnd.choice(["", "\n"]) for _ in range(count)]


def test_credit_lines_found_by_their_keys_are_the_ones_every_line_gives() -> None:
    from doclint.rules.templates.scan import AtLineStarts
    from doclint.rules.templates.site_boilerplate import _CREDIT_ON_ITS_LINE

    every_line = AtLineStarts(_CREDIT_ON_ITS_LINE._pattern, absent="。")
    pages = _credit_pages(seed=5, count=3000)
    expected = [[m.span() for m in every_line.finditer(page)] for page in pages]
    assert sum(map(bool, expected)) > 100
    assert [[m.span() for m in _CREDIT_ON_ITS_LINE.finditer(page)] for page in pages] == expected


def test_credit_lines_exact_spans() -> None:
    from doclint.rules.templates.site_boilerplate import _CREDIT_ON_ITS_LINE

    page = "本县召开全体会议。\n  来源：某某数据网\n一、总体要求\n数据由“某 某 数 据”整理"
    assert [m.group() for m in _CREDIT_ON_ITS_LINE.finditer(page)] == [
        "来源：某某数据网", "数据由“某 某 数 据”整理"]
    assert [m.span() for m in _CREDIT_ON_ITS_LINE.finditer(page)] == [(12, 20), (28, 42)]
    # A line without any of the keys is never tried: nothing there is a credit.
    assert list(_CREDIT_ON_ITS_LINE.finditer("一、总体要求\n二、主要任务\n")) == []


def test_opens_attachment() -> None:
    from doclint.rules.structure.lines import opens_attachment

    for label in ("附件3", "附件：", "附件4-1", "附件 2 关于某项工作的报告", "附件一：名单", "附件",
                  "附件清单"):
        assert opens_attachment(label), label
    for text in ("详见附件3。", "附件3，", "附件4-123", "  附件3", "附录3", ""):
        assert not opens_attachment(text), text


def test_formula_gates_answer_as_the_patterns_alone() -> None:
    from doclint.rules.archive import reused_paragraph as module

    ends = re.compile(r"[。！？]")

    def before(paragraph: str, whole: bool) -> bool:
        if module._META.search(paragraph):
            return False
        if whole or module._SET_PIECE.search(paragraph) or module._SALUTATION.match(paragraph):
            return True
        if module._IMPRINT.match(paragraph):
            return True
        return (len(ends.findall(paragraph)) <= module._FORMULA_SENTENCES
                and bool(module._COURTESY.search(paragraph) or module._PROCEDURE.search(paragraph)))

    rnd = random.Random(7)
    words = ["会议", "大会", "全会", "届时", "，", "出席", "列席", "主持", "主持召开", "陪同", "参加",
             "了", "活动", "并发表重要讲话", "常务", "您", "你们", "的", "来信", "支持", "感谢",
             "收悉", "已收到", "敬请", "祝大家", "工作", "。", "！", "？", "：", "抄送", "来源"]
    found = 0
    for _ in range(20000):
        paragraph = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 9)))
        expected = before(paragraph, False)
        found += expected
        assert module._formula(paragraph, False) is expected, paragraph
    assert 1000 < found < 19000


def _page_lines(seed: int, count: int) -> list[str]:
    """Pages of a few lines dense in article headers, their counters and list labels."""
    rnd = random.Random(seed)
    pieces = ["时间：2021-03-02 ", "发布日期:", "作者：某某", "来源：县政府网", "\n", "\r\n", "\r",
              "　", " ", "\t", "阅读：", "232", "评论：0", "相关文章", "分享到：", "更多>>", "正文。",
              "上一篇：", "标签", "的通知"]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(count)]


def test_line_start_scans_answer_as_the_multiline_patterns() -> None:
    from doclint.rules.templates import link_lists as module

    pages = _page_lines(seed=4, count=20000)
    headers = [[m.span() for m in module._HEADER.finditer(page)] for page in pages]
    assert sum(map(bool, headers)) > 100
    assert [[m.span() for m in module._headers(page)] for page in pages] == headers
    labels = [module._LABEL_LINE.search(page) is not None for page in pages]
    assert 100 < sum(labels) < len(pages)
    assert [module._LABEL_LINE.match(page) is not None
            or module._LABEL_LINE_AFTER_BREAK.search(page) is not None for page in pages] == labels


def test_share_label_at_line_starts_as_the_multiline_pattern() -> None:
    from doclint.rules.templates.web_chrome import _PATTERNS

    finder = next(p.regex for p in _PATTERNS if "分享(?:到)?" in getattr(
        getattr(p.regex, "_pattern", None), "pattern", ""))
    rnd = random.Random(5)
    pieces = ["分享", "分享到", "：", ":", " ", "\u3000", "\u2009", "\n", "\r\n", "\r", "共享", "。"]
    pages = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20000)]
    expected = [[m.span() for m in finder._pattern.finditer(page)] for page in pages]
    assert sum(map(bool, expected)) > 100
    assert [[m.span() for m in finder.finditer(page)] for page in pages] == expected


@pytest.mark.parametrize("source", [r"[\[【［][^\[\]【】［］\n]{0,6}(?:名称|日期)[\]】］]",
                                    r"[○〇]{2,}(?=\p{Han})", r"[ab](?<=a)b*|b\d"])
def test_opened_patterns_match_as_finditer(source: str) -> None:
    import regex

    from doclint.rules.templates.scan import Opened

    pattern = regex.compile(source)
    opened = Opened("[【［○〇ab", pattern)
    rnd = random.Random(6)
    pieces = ["[", "【", "［", "]", "】", "］", "名称", "日期", "○", "〇", "甲", "a", "b", "1", "\n"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(5000)]
    expected = [[m.span() for m in pattern.finditer(text)] for text in texts]
    assert sum(map(bool, expected)) > 100
    assert [[m.span() for m in opened.finditer(text)] for text in texts] == expected


def test_not_prose_answers_as_its_pattern() -> None:
    """T401 tries the pattern of lines that are no sentence's half only where it can match."""
    from doclint.rules.structure.broken_line import _NOT_PROSE, _not_prose

    rnd = random.Random(8)
    pieces = ["2019", "-04-01", "年4月1日", "20190401", " 12:30", "abc123def4567", "_-", "http://",
              "www.", "a.cn", "》》", ">>", "»", "《《", "<<", "«", "\n", "\r", "某某", "。", "１", "٣",
              "𠀀", "\U0001d7ce", " ",
              # lines opening with ASCII no match opens with: a page's markup, a Markdown link
              "<p>", "<", "[查看](", ")", "#", "(", "!", "@", "~", "Z", "_x"]
    strings = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5))) for _ in range(20000)]
    expected = [_NOT_PROSE.match(s) is not None for s in strings]
    assert 1000 < sum(expected) < len(strings) - 1000
    assert [_not_prose(s) for s in strings] == expected
