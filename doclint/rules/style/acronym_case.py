"""T503: a well-known acronym written in the wrong case (GDp, Gdp, cpi)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import SUGGESTION  # the list holds names: APEC, IMF, WTO
from doclint.core.lazyregex import lazy_regex
from doclint.rules.style.acronyms import (
    Acronym,
    LatinWord,
    LatinWords,
    find_figure_acronyms,
    lexicon,
)

_GROUP_AFTER = 3
_GROUPED = Message(
    "“{text}”应写作“{acronym}”（本文档共{count}处，其余见相关位置）。",
    "“{text}” should be written “{acronym}” ({count} times in this document; see related).",
)
_CHINESE = lazy_regex(r"[\p{Han}，。、；：？！“”‘’（）《》【】]")
_LATIN = lazy_regex(r"[A-Za-z]")
_WEIGHT = lazy_regex(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?\s?(?:mg|kg|g|克)(?![A-Za-z])")
_LISTED_AFTER = lazy_regex(r"[、和与及到）＼/]")
_LISTED_BEFORE = lazy_regex(r"(?:[通、（]|扩大|加强|推进|围绕|培育|发展|部署|以)\Z")
_GENERATION = lazy_regex(r"[3-6]g", regex.IGNORECASE)
# "5g" is also five grams: a network generation only before a word of its field.
_NETWORK = lazy_regex(
    r"(?:基站|网络|信号|手机|用户|终端|技术|应用|通信|通讯|覆盖|产业|商用|专网|时代|智慧|"
    r"\+|-[A-Z]|工厂|牌照|建设|融合|新基建|全覆盖|专线|宽带|移动|互联网|物联网|赋能)"
)


class AcronymCase(Rule):
    """常用外文缩写的大小写写错了：`GDp`、`Gdp`、`cpi` 应为 `GDP`、`CPI`。

    GDP、CPI、PMI、RCEP、PVC、PM2.5、5G 等缩写一律大写（`App` 这类通行的写法也算对）。规则只
    检查与中文相邻的外文词（以斜杠并列的两个缩写“AR/Vr”也算；大小写混写、后接“值”的是量的符号，如核酸检测的“Ct值”，不报），网址、邮箱、文件名中的字母和英文词组中的词不查；缩写表
    （`data/acronyms.txt`）不收 it、who 这类英文单词。同时是英文单词或单位的缩写（`etc`、`led`、
    `5g` 五克）只在两边都是中文时才报，`5g` 还要后接 基站、网络、用户、互联网 之类本领域的词，或本篇别处
    写作 `5G`。同一写法在一篇中出现三次以上是一种书写习惯，只报告一次，其余列为相关位置。
    修复改为大写。
    """

    code = "T503"
    name = "style.acronym-case"
    category = Category.CASE
    severity = Severity.WARNING
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message("外文缩写大小写错误。", "An acronym is written in the wrong case.")
    message = Message("“{text}”应写作“{acronym}”。", "“{text}” should be written “{acronym}”.")
    fixable = True
    examples = Examples(
        bad=(
            Example("全县GDp仅占全市的17.1%。", fixed="全县GDP仅占全市的17.1%。"),
            Example("cpi涨幅控制在3%左右。", fixed="CPI涨幅控制在3%左右。"),
            Example("10万吨pvc项目开工建设。", fixed="10万吨PVC项目开工建设。"),
            Example("全市Pm2.5平均浓度下降。", fixed="全市PM2.5平均浓度下降。"),
        ),
        good=(
            "全县GDP增长6%，CPI上涨2%。",
            "详见www.gdp.gov.cn。",
            "每人每天食盐不超过5g。",
            "下载政务App办理。",
        ),
    )
    basis = "外文缩写通行写法"

    def check(self, doc: Document) -> Iterator[Finding]:
        for form, acronym, words in _miswritten(doc):
            title = Message(f"改为“{acronym}”", f"Write “{acronym}”")
            if len(words) > _GROUP_AFTER:
                # One habit of writing, not many slips: reported once, the others related.
                note = Message(f"又一处“{form}”", f"another “{form}”")
                edits = tuple(Edit(w.span, acronym) for w in words)
                yield self.report(
                    words[0].span,
                    _GROUPED,
                    text=form,
                    acronym=acronym,
                    count=len(words),
                    related=tuple(Related(w.span, note) for w in words[1:]),
                    fix=Fix(edits, title, SUGGESTION),
                )
                continue
            for word in words:
                yield self.report(
                    word.span,
                    text=word.text,
                    acronym=acronym,
                    fix=self.replace(word.span, acronym, title, SUGGESTION),
                )


def _miswritten(doc: Document) -> Iterator[tuple[str, str, list[LatinWord]]]:
    """Each wrong form of a known acronym, with its usual form and its occurrences."""
    entries = lexicon()
    text = doc.text
    latin = doc.facts(LatinWords)
    for form in sorted(latin.words):
        entry = entries.get(form.lower())
        if entry is None or form in entry.accepted:
            continue
        words = [w for w in latin.beside_chinese(form) if _stands_alone(text, w.span, entry)
                 and not _symbol_of_a_value(text, w.span, form)]
        if words:
            yield form, entry.usual, words
    figures: dict[str, list[LatinWord]] = {}
    for match in find_figure_acronyms(text, latin.ascii_copy):
        form = match.group()
        entry = entries[form.lower()]
        span = Span(match.start(), match.end())
        if form in entry.accepted or not _stands_alone(text, span, entry):
            continue
        if entry.strict and not _a_generation(text, span, entry):
            continue
        figures.setdefault(form, []).append(LatinWord(span, form))
    for form, words in sorted(figures.items()):
        yield form, entries[form.lower()].usual, words


def _symbol_of_a_value(text: str, span: Span, form: str) -> bool:
    """A symbol in mixed case before 值 names a quantity, not the acronym (Ct值, the cycle
    threshold of a PCR test, is no CT scan; pH值)."""
    return text[span.end : span.end + 1] == "值" and form not in (form.upper(), form.lower())


def _a_generation(text: str, span: Span, entry: Acronym) -> bool:
    """"5g" names a network generation, not five grams: before a word of its field; or in a text
    that weighs nothing in grams and writes "5G" elsewhere or lists the generation with others."""
    if _NETWORK.match(text, span.end):
        return True
    if any(not _GENERATION.fullmatch(m.group()) for m in _WEIGHT.finditer(text)):
        return False
    return entry.usual in text or bool(
        _LISTED_AFTER.match(text, span.end) or _LISTED_BEFORE.search(text, max(0, span.start - 2), span.start)
    )


def _stands_alone(text: str, span: Span, entry: Acronym) -> bool:
    """In Chinese text, not inside an English phrase; an acronym that is also a word or a unit
    only with Chinese on both sides."""
    before = text[max(0, span.start - 2) : span.start]
    after = text[span.end : span.end + 2]
    if _LATIN.match(before.rstrip(" ")[-1:]) or _LATIN.match(after.lstrip(" ")[:1]):
        return False
    if not entry.strict:
        return bool(_CHINESE.match(before.rstrip(" ")[-1:]) or _CHINESE.match(after.lstrip(" ")[:1]))
    left, right = before[-1:], after[:1]
    if entry.usual[0].isdigit():
        return right != "" and right not in " ./"
    return all(c in ("", "\n") or _CHINESE.match(c) for c in (left, right)) and bool(
        _CHINESE.match(left) or _CHINESE.match(right)
    )
