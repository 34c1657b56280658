"""What a sentence says about its own year: the year it is about, and the year a rule compares with."""

from __future__ import annotations

from dataclasses import dataclass

from doclint.core.diagnostic import Message, Related
from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.docyear import DocumentYears, YearSource
from doclint.rules.years.mentions import YearFacts, YearMention

# A year after one of these words is a target, a deadline or a base, not the year spoken of.
_NOT_SUBJECT_BEFORE = ("到", "至", "截至", "截止", "比", "较", "同", "与", "力争", "争取", "于", "由", "从", "自",
                       "按", "以", "照")
# …and a year followed by these: 2030年前, 按1957年不变价格, 在1954年基数上, 以2020年为基期 (but
# 2024年前三季度 and 2024年前两个月 are parts of the year named).
_NOT_SUBJECT_AFTER = lazy_regex(
    r"年(?:底前|前(?![一二三四五六七八九十两0-9]{1,2}(?:个)?(?:季度|月|周|天))|以前|以后|之前|远景|目标|相比|同期|以来|起"
    r"|(?:的)?(?:不变价|可比价|价格|现价|基数|基础上|水平上|为基期|为基年|为基数|为100|=100)"
    r"|(?:[0-9０-９]{1,2}月)?(?:第[0-9０-９一二三四五六七八九十]+)?版)")
_SUBJECT_GAP = 40
# A year the wording compares with (与2008年一季度收入相比, 同2019年同期相比): a base, not its time.
_BASE_BEFORE = lazy_regex(r"(?:与|同|和|跟)[ \t\u3000]?$")
_BASE_AFTER = lazy_regex(r"年[^，,。；;！!？?\n]{0,16}?(?:相比|相较|比较)")


@dataclass(frozen=True, slots=True)
class Subject:
    """The year a stretch of wording is about: an explicit year, or 今年/明年/去年 resolved."""

    year: int
    span: Span
    text: str
    source: YearSource | None = None  # set when a relative year was resolved with the doc year
    offset: int = 0  # the relative word's offset from the document year (明年: 1)

    @property
    def low(self) -> int:
        return self.source.low + self.offset if self.source is not None else self.year

    @property
    def high(self) -> int | None:
        if self.source is None:
            return self.year
        return self.source.high + self.offset if self.source.high is not None else None


def is_subject(text: str, mention: YearMention) -> bool:
    before = text[max(0, mention.start - 3):mention.start]
    if any(before.endswith(word) for word in _NOT_SUBJECT_BEFORE) or before.endswith("出版社"):
        return False
    return not _NOT_SUBJECT_AFTER.match(text, mention.end - 1)


def compared_base(text: str, mention: YearMention) -> bool:
    """Whether the year is the base of a comparison named around it (与2008年一季度相比)."""
    nian = mention.end - 1 if text[mention.end - 1:mention.end] == "年" else mention.end
    return _BASE_BEFORE.search(text, max(0, mention.start - 2), mention.start) is not None \
        and _BASE_AFTER.match(text, nian) is not None


def subject_before(doc: Document, sentence: Span, offset: int,
                   gap: int = _SUBJECT_GAP) -> Subject | None:
    """The nearest year expression before ``offset`` in the sentence that names its topic
    (``2024年是…``, ``今年是…``), or None when there is none or it is a target or a base."""
    text = doc.text
    low = max(sentence.start, offset - gap)
    facts = doc.facts(YearFacts)
    candidates: list[tuple[int, Subject | None]] = []
    before = [m for m in facts.between(low, offset) if m.end <= offset]
    if before:
        # The nearest year governs: after 到2022年 or 按1957年价格 the wording is about a target
        # or a base, not about an earlier year of the sentence.
        mention = before[-1]
        if mention.group != -1 or not is_subject(text, mention):
            candidates.append((mention.start, None))  # a list, a range, a target or a base
        else:
            candidates.append((mention.start, Subject(mention.value, mention.span,
                                                      text[mention.start:mention.end])))
    for word in facts.relative_between(low, offset):
        if word.end <= offset:
            source = doc.facts(DocumentYears).at(word.start)
            subject = Subject(source.year + word.offset, word.span, word.word, source,
                              word.offset) if source is not None else None
            candidates.append((word.start, subject))
    if not candidates:
        return None
    return max(candidates, key=lambda item: item[0])[1]


def year_reference(source: YearSource) -> tuple[Message, tuple[Related, ...]]:
    """“文档年份2024年（来源：日期行“2024年4月24日”）” and a related span on the evidence."""
    where = source.describe()
    shown = source.shown()
    message = Message(f"文档年份{shown.zh}（来源：{where.zh}）",
                      f"the document year {shown.en} (from {where.en})")
    related: tuple[Related, ...] = ()
    if source.span is not None:
        related = (Related(source.span, Message(f"文档年份的来源：{where.zh}",
                                                f"source of the document year: {where.en}")),)
    return message, related
