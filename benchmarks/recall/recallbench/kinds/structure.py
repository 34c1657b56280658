"""Structure: cut paragraphs, hard breaks, repeated paragraphs and titles, numbering gaps,
announced counts not delivered, boilerplate inside a paragraph."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from random import Random

import regex

from recallbench.corpus import Doc
from recallbench.kinds.base import Cand, kind
from recallbench.plant import Edit, insert
from recallbench.text import (
    INDENT,
    Para,
    boundaries,
    han_gap,
    inner_gaps,
    prose,
    punctuated,
    sentence_of,
    shuffled,
    title,
)

# ---------------------------------------------------------------- truncation


def _next_paragraph(doc: Doc, para: Para) -> bool:
    """Whether a non-empty line follows ``para`` (after at most one blank line)."""
    for number in (para.number + 1, para.number + 2):
        if number <= doc.line_count and doc.line(number).strip(INDENT):
            return True
    return False


def _cut(doc: Doc, para: Para, sentence: tuple[int, int], rng: Random) -> Cand | None:
    """Cut ``para`` inside ``sentence``, between two Chinese characters, dropping the rest of
    the paragraph: the line now stops mid-sentence."""
    start, end = sentence
    spots = [at for at in range(start + 6, end - 3) if han_gap(doc.text, at)]
    if not spots:
        return None
    at = rng.choice(spots)
    kept = doc.text[para.body:at]
    return Cand([Edit(at, para.end, "")], [(para.start, at)],
                f"cut after …{kept[-12:]} (dropped {para.end - at} chars)")


def _sentences(doc: Doc, para: Para) -> list[tuple[int, int]]:
    found, at = [], para.body
    while at < para.end:
        start, end = sentence_of(doc, para, at)
        found.append((start, end))
        at = end
    return found


def _truncated(lo: int, hi: int, where: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if not punctuated(doc):
            return
        paras = prose(doc, lo)
        if where == "document-end":
            last = [p for p in paras if p.number == max(
                (n for n, s, e in doc.lines if doc.text[s:e].strip(INDENT)), default=0)]
            paras = last
        for para in shuffled(paras, rng)[:6]:
            if para.length >= hi or (where != "document-end" and not _next_paragraph(doc, para)):
                continue
            sentences = _sentences(doc, para)
            if where == "lost-tail":
                if len(sentences) < 3:
                    continue
                chosen = rng.choice(sentences[:-1])
            else:
                chosen = sentences[-1]
            cand = _cut(doc, para, chosen, rng)
            if cand is not None:
                yield cand

    return variant


truncation = kind("truncation", "truncation",
                  "a paragraph cut mid-sentence before the next paragraph (or the end)")
truncation.variants.update({
    "short": _truncated(20, 80, "last"),
    "medium": _truncated(80, 300, "last"),
    "long": _truncated(300, 100000, "last"),
    "lost-tail": _truncated(60, 100000, "lost-tail"),
    "document-end": _truncated(20, 100000, "document-end"),
})

# ---------------------------------------------------------------- hard line breaks

_NUMBER_UNIT = regex.compile(r"[0-9](?=(?:万|亿|元|%|％|个|人|家|吨|公里|亩|项|户|所|次)[^\n]{6})")


def _broken(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if not punctuated(doc):
            return
        newline = doc.newline
        indent = ""
        if how == "indented":
            heads = [doc.text[p.start:p.body] for p in prose(doc)]
            indent = max(sorted(set(heads)), key=heads.count) if heads else ""
            if not indent:
                return
        for para in shuffled(prose(doc, 40), rng)[:5]:
            if how in ("mid-sentence", "indented"):
                spot = next(inner_gaps(doc, para, rng, 8), None)
            elif how == "after-comma":
                spots = [m.end() for m in regex.finditer(r"，(?=\p{Han})", doc.text[para.body:
                                                                                  para.end])]
                spots = [para.body + s for s in spots if 8 <= s <= para.length - 8]
                spot = rng.choice(spots) if spots else None
            else:
                spots = [para.body + m.end() for m in _NUMBER_UNIT.finditer(
                    doc.text[para.body:para.end]) if m.end() >= 8]
                spot = rng.choice(spots) if spots else None
            if spot is None:
                continue
            yield Cand([insert(spot, newline + indent)], [(para.start, para.end)],
                       f"break after …{doc.text[max(para.body, spot - 10):spot]}")

    return variant


broken_line = kind("broken-line", "broken-line", "a hard line break inside a sentence")
broken_line.variants.update({
    "mid-sentence": _broken("mid-sentence"),
    "after-comma": _broken("after-comma"),
    "number-unit": _broken("number-unit"),
    "indented": _broken("indented"),
})

# ---------------------------------------------------------------- repeated text


def _line_with_break(doc: Doc, number: int) -> str:
    start = doc.starts[number - 1]
    end = doc.starts[number] if number < doc.line_count else len(doc.text)
    line = doc.text[start:end]
    return line if line.endswith(("\n", "\r")) else line + doc.newline


def _duplicate(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        paras = prose(doc, 20)
        for para in shuffled(paras, rng)[:5]:
            copy = _line_with_break(doc, para.number)
            if how == "adjacent":
                if para.number >= doc.line_count:
                    continue
                at = doc.starts[para.number]
                yield Cand([insert(at, copy)], [(at, at), (para.start, para.end)],
                           f"line {para.number} doubled")
            elif how == "later":
                later = [p for p in paras if para.number + 2 <= p.number <= para.number + 12]
                if not later:
                    continue
                at = rng.choice(later).start
                yield Cand([insert(at, copy)], [(at, at), (para.start, para.end)],
                           f"line {para.number} repeated before line {doc.line_of(at)}")
            else:
                sentences = [s for s in _sentences(doc, para) if 14 <= s[1] - s[0] and
                             doc.text[s[1] - 1] in "。！？；"]
                if not sentences:
                    continue
                start, end = rng.choice(sentences)
                sentence = doc.text[start:end]
                if how == "sentence":
                    yield Cand([insert(end, sentence)], [(start, end)], "sentence doubled")
                else:
                    spots = [(p, b) for p in paras if para.number < p.number <= para.number + 8
                             for b in boundaries(doc, p)]
                    if not spots:
                        continue
                    _, at = rng.choice(spots)
                    yield Cand([insert(at, sentence)], [(at, at), (start, end)],
                               "sentence repeated in a later paragraph")

    return variant


duplicate_paragraph = kind("duplicate-paragraph", "duplicate-text",
                           "a paragraph, line or sentence repeated (copy-paste, scraper)")
duplicate_paragraph.variants.update({
    "adjacent": _duplicate("adjacent"),
    "later": _duplicate("later"),
    "sentence": _duplicate("sentence"),
    "sentence-elsewhere": _duplicate("sentence-elsewhere"),
})

_HEADING_LINE = regex.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
    r"第[一二三四五六七八九十百]+[章节部分])[^。！？；\n]{2,36}$")


def _title_copy(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        if how == "heading-adjacent":
            heads = [n for n, s, e in doc.lines if _HEADING_LINE.match(doc.text[s:e])
                     and n < doc.line_count]
            for number in shuffled(heads, rng)[:3]:
                at = doc.starts[number]
                yield Cand([insert(at, _line_with_break(doc, number))],
                           [(at, at), (doc.starts[number - 1], doc.ends[number - 1])],
                           f"heading line {number} doubled")
            return
        span = title(doc)
        if span is None:
            return
        number = doc.line_of(span[0])
        if number >= doc.line_count:
            return
        copy = _line_with_break(doc, number)
        if how == "title-adjacent":
            at = doc.starts[number]
        elif how == "title-after-head":
            later = [n for n in range(number + 2, min(number + 5, doc.line_count) + 1)
                     if doc.line(n - 1).strip(INDENT)]
            if not later:
                return
            at = doc.starts[rng.choice(later) - 1]
        else:  # the page title again before a paragraph further down (a page break)
            paras = [p for p in prose(doc) if p.number > number + 3]
            if not paras:
                return
            at = rng.choice(paras).start
        yield Cand([insert(at, copy)], [(at, at), span], f"title repeated at line {doc.line_of(at)}")

    return variant


duplicate_title = kind("duplicate-title", "title-duplicate",
                       "a title or heading repeated", also=("duplicate-text", "injected-boilerplate"))
duplicate_title.variants.update({
    "title-adjacent": _title_copy("title-adjacent"),
    "title-after-head": _title_copy("title-after-head"),
    "title-in-body": _title_copy("title-in-body"),
    "heading-adjacent": _title_copy("heading-adjacent"),
})

# ---------------------------------------------------------------- numbering

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS.update({"〇": 0, "两": 2})


def numeral(word: str) -> int | None:
    """一 … 九十九 (and 一百 … 一百九十九), or Arabic digits."""
    if word.isdigit():
        return int(word)
    if word.startswith("一百") or word.startswith("百"):
        rest = word.split("百", 1)[1].lstrip("零")
        tail = numeral(rest) if rest else 0
        return None if tail is None else 100 + tail
    if "十" in word:
        tens, _, ones = word.partition("十")
        t = _DIGITS.get(tens, None) if tens else 1
        o = _DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return _DIGITS.get(word) if len(word) == 1 else None


_N = "[一二三四五六七八九十百零]{1,5}"
_STYLES = {
    "yi": regex.compile(rf"[ \t\u3000]*(?P<tok>(?P<n>{_N})、)"),
    "paren": regex.compile(rf"[ \t\u3000]*(?P<tok>[（(](?P<n>{_N})[）)])"),
    "arabic": regex.compile(r"[ \t\u3000]*(?P<tok>(?P<n>[0-9]{1,2})[.．、](?![0-9]))"),
    "chapter": regex.compile(rf"[ \t\u3000#]*(?P<tok>第(?P<n>{_N})章)"),
    "article": regex.compile(rf"[ \t\u3000]*(?P<tok>第(?P<n>{_N})条)"),
}


def runs(doc: Doc, style: str) -> list[list[tuple[int, regex.Match[str]]]]:
    """Runs of numbered lines of one style counting 1, 2, 3 … (line number, match)."""
    pattern = _STYLES[style]
    found: list[list[tuple[int, regex.Match[str]]]] = []
    current: list[tuple[int, regex.Match[str]]] = []
    for number, start, end in doc.lines:
        match = pattern.match(doc.text, start, end)
        if not match:
            continue
        value = numeral(match.group("n"))
        if value == 1:
            if len(current) >= 3:
                found.append(current)
            current = [(number, match)]
        elif current and value == len(current) + 1:
            current.append((number, match))
        else:
            if len(current) >= 3:
                found.append(current)
            current = []
    if len(current) >= 3:
        found.append(current)
    return found


def _next_line_start(doc: Doc, number: int) -> int:
    return doc.starts[number] if number < doc.line_count else len(doc.text)


def _gap(style: str, how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for run in shuffled(runs(doc, style), rng)[:3]:
            k = rng.randrange(1, len(run) - 1)  # never the first or the last item
            (before, _), (number, match), (after, _) = run[k - 1], run[k], run[k + 1]
            line_start = doc.starts[number - 1]
            neighbours = [(doc.starts[before - 1], doc.ends[before - 1]),
                          (doc.starts[after - 1], doc.ends[after - 1])]
            if how == "line-removed":
                # the numbered line (a heading, or an article up to the next one) is gone
                stop = doc.starts[after - 1] if style == "article" else _next_line_start(doc, number)
                if style != "article" and doc.ends[number - 1] - line_start > 60:
                    continue
                yield Cand([Edit(line_start, stop, "")], [*neighbours, (stop, stop)],
                           f"{match.group('tok')} removed with its line")
            else:
                yield Cand([Edit(match.start("tok"), match.end("tok"), "")],
                           [*neighbours, (line_start, doc.ends[number - 1])],
                           f"{match.group('tok')} removed")

    return variant


def _compilation(doc: Doc, rng: Random) -> Iterator[Cand]:
    """Three to five short speeches of one source joined as a compilation under 第N篇
    headings, and one heading lost: a base text of its own."""

    def fits(d: Doc) -> bool:
        return 800 <= len(d.text) <= 9000 and title(d) is not None and punctuated(d)

    if not fits(doc):
        return
    others = [d for d in doc.siblings if d is not doc and fits(d)]  # type: ignore[attr-defined]
    if len(others) < 3:
        return
    parts = [doc, *rng.sample(others, rng.randint(2, min(4, len(others))))]
    pieces, heads = [], []
    at = 0
    for n, part in enumerate(parts, start=1):
        start, end = title(part)  # type: ignore[misc]
        heading = f"第{'一二三四五六七八九'[n - 1]}篇：{part.text[start:end]}"
        body = part.text[end:].lstrip("\r\n")
        piece = heading + "\n" + body.rstrip() + "\n"
        heads.append((at, at + len(heading)))
        pieces.append(piece)
        at += len(piece)
    text = "".join(pieces)
    digest = hashlib.sha1(text.encode()).hexdigest()[:10]
    base = Doc(doc.path.with_name(f"compilation-{digest}.txt"), f"{doc.rel}#compilation",
                doc.group, text, None, doc.linter)
    k = rng.randrange(1, len(heads) - 1) if len(heads) > 2 else 1
    start, end = heads[k]
    stop = end + 1
    targets = [heads[k - 1], (stop, stop)] + ([heads[k + 1]] if k + 1 < len(heads) else [])
    yield Cand([Edit(start, stop, "")], targets, f"第{k + 1}篇 heading removed "
               f"({len(heads)} parts)", base=base)


numbering_gap = kind("numbering-gap", "title-sequence",
                     "a numbered heading, item or article lost, leaving a gap")
numbering_gap.variants.update({
    "yi-line-removed": _gap("yi", "line-removed"),
    "yi-number-removed": _gap("yi", "number-removed"),
    "paren-line-removed": _gap("paren", "line-removed"),
    "paren-number-removed": _gap("paren", "number-removed"),
    "arabic-line-removed": _gap("arabic", "line-removed"),
    "chapter-line-removed": _gap("chapter", "line-removed"),
    "article-removed": _gap("article", "line-removed"),
    "pian-removed": _compilation,
})

# ---------------------------------------------------------------- announced counts

_ANNOUNCE = regex.compile(
    r"(?:讲|谈|强调|提出|抓好|做好|突出|把握|注意|着力|解决|有|以下|如下|这么|几点)[^。，；：“”\n]{0,6}?"
    r"(?<![“”])(?P<n>[两二三四五六七八九])(?:个(?P<what>方面|问题|意见|任务|措施|要求|重点|建议|看法"
    r"|体会|原则|环节|关系|特点|阶段|目标)|(?:点|项|条)(?:\p{Han}{0,4}))(?![”])[^。；\n“”]{0,8}?[：:。]")
_ITEM_STYLES = {
    "yi": (r"(?:^|\n)[ \t\u3000]*{n}、", True),
    "paren-line": (r"(?:^|\n)[ \t\u3000]*[（(]{n}[）)]", True),
    "arabic": (r"(?:^|\n)[ \t\u3000]*{a}[.．、](?![0-9])", True),
    "shi": (r"(?:^|(?<=[。；，：:\s]))[ \t\u3000]*{n}是", False),
    "di": (r"第{n}[，,、]", False),
    "paren": (r"[（(]{n}[）)]", False),
}
_HAN_N = "零一二三四五六七八九十"


def _delivered(doc: Doc, start: int, limit: int) -> tuple[str, bool, list[int]] | None:
    """The list that follows an announcement: its style, whether its items start lines, and
    where each item starts, when items 1, 2 … follow within a few lines."""
    text = doc.text
    for style, (shape, lines) in _ITEM_STYLES.items():
        first = regex.compile(shape.format(n="一", a="1"), regex.M).search(text, start, start + 300)
        if not first:
            continue
        items = [first.start()]
        for n in range(2, 11):
            pattern = regex.compile(shape.format(n=_HAN_N[n] if n < 10 else "十", a=str(n)),
                                    regex.M)
            nxt = pattern.search(text, items[-1] + 1, min(items[-1] + limit, len(text)))
            if not nxt:
                break
            items.append(nxt.start())
        return style, lines, items
    return None


def _announced(delta: int, headings: bool):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        for match in shuffled(list(_ANNOUNCE.finditer(doc.text)), rng)[:8]:
            n = numeral(match.group("n"))
            if n is None:
                continue
            found = _delivered(doc, match.end(), 6000)
            if found is None or found[1] != headings or len(found[2]) != n:
                continue
            new = n + delta
            if not 2 <= new <= 9:
                continue
            word = _HAN_N[new]
            last = found[2][-1]
            yield Cand([Edit(match.start("n"), match.end("n"), word)],
                       [(match.start(), match.end()), (last, last + 1)],
                       f"{match.group()} -> {word} ({n} {found[0]} items follow)")

    return variant


announced_count = kind("announced-count", "title-sequence",
                       "a count announced (我讲四个问题) that the list after it does not deliver",
                       per_doc=8)
announced_count.variants.update({
    "headings-one-more": _announced(+1, True),
    "headings-one-fewer": _announced(-1, True),
    "inline-one-more": _announced(+1, False),
    "inline-one-fewer": _announced(-1, False),
})

# ---------------------------------------------------------------- boilerplate inside a paragraph

_SITES = ["人民网", "新华网", "中国政府网", "央视网", "光明网", "中国经济网", "第一范文网", "公文易网",
          "文秘114", "范文先生网", "写作资料站", "党建文汇网", "办公资源网", "县政府门户网站"]
_NAMES = ["王晓东", "李娜", "张伟", "刘洋", "陈静", "赵磊", "孙丽", "周敏"]
_DOMAINS = ["www.fanwen123.com", "www.gwyoo.com", "www.wenmi114.com", "www.xzzlw.cn",
            "www.dangjian.org.cn"]


def _chrome(rng: Random) -> str:
    site, name, domain = rng.choice(_SITES), rng.choice(_NAMES), rng.choice(_DOMAINS)
    return rng.choice([
        f"（来源：{site}）", f"来源：{site}　作者：{name}", f"（责任编辑：{name}）",
        f"本文来源于{site}，版权归原作者所有，如有侵权请联系删除。",
        f"更多精彩内容请访问{domain}", "【字体：大 中 小】【打印本页】【关闭窗口】",
        "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页", f"上一篇：{name}同志简历",
        f"版权所有：{site}　未经授权禁止转载", f"本文由{site}网友投稿，仅供参考",
        f"{site}为您整理，免费下载", "&nbsp;&nbsp;&nbsp;&nbsp;", "<br />",
        "当前位置：首页 > 政务公开 > 通知公告", f"第{rng.randint(2, 9)}页 共{rng.randint(10, 30)}页",
    ])


def _boilerplate(how: str):  # type: ignore[no-untyped-def]
    def variant(doc: Doc, rng: Random) -> Iterator[Cand]:
        span = title(doc)
        if how.startswith("title") and span is None:
            return
        paras = [p for p in prose(doc, 40) if span is None or p.number > doc.line_of(span[0]) + 1]
        for para in shuffled(paras, rng)[:5]:
            words = doc.text[span[0]:span[1]] if how.startswith("title") else _chrome(rng)
            if how.endswith("mid-sentence"):
                at = next(inner_gaps(doc, para, rng, 8), None)
            else:
                spots = boundaries(doc, para)
                at = rng.choice(spots) if spots else None
            if at is None:
                continue
            yield Cand([insert(at, words)], [(at, at)], words)

    return variant


boilerplate = kind("boilerplate", "injected-boilerplate",
                   "site chrome, a source note or the page title inside a paragraph")
boilerplate.variants.update({
    "title-between-sentences": _boilerplate("title-between-sentences"),
    "title-mid-sentence": _boilerplate("title-mid-sentence"),
    "chrome-between-sentences": _boilerplate("chrome-between-sentences"),
    "chrome-mid-sentence": _boilerplate("chrome-mid-sentence"),
})

KINDS = [truncation, broken_line, boilerplate, duplicate_paragraph, duplicate_title,
         numbering_gap, announced_count]
