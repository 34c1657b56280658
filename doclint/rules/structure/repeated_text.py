"""T602: the same sentence or paragraph twice in one document (not on consecutive lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.document import Span
from doclint.rules.structure import lines
from doclint.rules.structure.model import Block, Kind, Structure

# Sentences of a paragraph's key (its text without white space); stdlib re is faster here.
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*[”’」』）)]*")
_LONG_SENTENCE = re.compile(r"[”’」』）)]*([^。！？!?；;\x00”’」』）)][^。！？!?；;\x00]{14,})")
_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]")
_TRAILING = "。！？!?；;”’」』）)"
_FIRST = Message("首次出现", "first occurrence")
_OPEN_QUOTES = "“‘「『"
_CLOSE_QUOTES = "”’」』"


@dataclass
class _Sentence:
    block: Block
    start: int  # offsets in the block's key
    end: int


@dataclass
class _Run:
    """Consecutive repeated sentences, reported together: [first, last] here and there."""

    here: list[int]
    there: list[int]


class RepeatedText(Rule):
    """同一篇文档里，同一个句子或段落（不在相邻两行）出现了两次。

    多是抓取或复制时把一段又粘贴了一遍。讲话中有意重复的口号、排比和套话都很短，所以只比较
    去掉空白后至少 15 个汉字的句子；整段重复时报告整段，连续几句重复合并报告；两边都有引号的
    引文（再次引用领导人的原话）不报。相邻两行完全相同由 T601 报告；标题重复由 T101、T102 报告。
    """

    code = "T602"
    name = "structure.repeated-text"
    category = Category.DUPLICATE_TEXT
    summary = Message("同一文档中句子或段落重复。",
                      "A sentence or paragraph is repeated in the same document.")
    paragraph = Message("此段与第{line}行的段落完全相同。",
                        "This paragraph repeats the one on line {line}.")
    sentence = Message("这段文字与第{line}行的文字重复。",
                       "This text repeats the text on line {line}.")
    examples = Examples(
        bad=("全县上下要坚定信心、真抓实干，确保全年目标任务圆满完成。\n要抓好项目建设。\n"
             "全县上下要坚定信心、真抓实干，确保全年目标任务圆满完成。",),
        good=("要坚持以人民为中心。\n要抓好项目建设。\n要坚持以人民为中心。",),
    )
    basis = "抓取拼接造成的重复（domain-rules §6）"
    min_han = 15

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        for article in structure.articles:
            blocks = structure.blocks[article.body_start : article.end]
            body = [b for b in blocks if b.kind is Kind.BODY]
            if not self._has_repeats(body):
                continue
            for finding in self._article(structure.blocks, body):
                if not _quoted(doc.text, finding.span):
                    yield finding

    def _has_repeats(self, body: list[Block]) -> bool:
        """A quick test on the whole article: is any long enough sentence there twice?"""
        joined = "\x00".join(b.text for b in body).replace("\u200b", "").replace("\ufeff", "")
        keys = "".join(joined.split())  # str.split drops white space of any width, C-fast
        long_enough = _LONG_SENTENCE.findall(keys)
        return len(set(long_enough)) < len(long_enough)

    def _article(self, blocks: list[Block], body: list[Block]) -> Iterator[Finding]:
        paragraphs: dict[str, Block] = {}
        seen: dict[str, int] = {}
        sentences: list[_Sentence] = []
        run: _Run | None = None
        previous: tuple[int, str] = (-2, "")
        for block in body:
            key = _SPACE.sub("", block.text)
            first = paragraphs.setdefault(key, block)
            consecutive = previous == (block.index - 1, key)  # T601's case
            previous = (block.index, key)
            whole = first is not block and not consecutive and lines.has_han(key, self.min_han)
            if whole:
                yield self.report(block.span, self.paragraph, line=first.line,
                                  related=(Related(first.span, _FIRST),))
            for match in _SENTENCE.finditer(key):
                index = len(sentences)
                sentences.append(_Sentence(block, match.start(), match.end()))
                text = match.group().rstrip(_TRAILING)
                if len(text) < self.min_han:
                    continue
                earlier = seen.setdefault(text, index)
                if earlier == index or whole or consecutive:
                    continue
                if not lines.has_han(text, self.min_han):
                    continue
                if run is not None and run.here[-1] == index - 1 and run.there[-1] == earlier - 1:
                    run.here.append(index)
                    run.there.append(earlier)
                    continue
                if run is not None:
                    yield self._run(run, sentences)
                run = _Run([index], [earlier])
        if run is not None:
            yield self._run(run, sentences)

    def _run(self, run: _Run, sentences: list[_Sentence]) -> Finding:
        here = _span(sentences[run.here[0]], sentences[run.here[-1]])
        there = _span(sentences[run.there[0]], sentences[run.there[-1]])
        note = Message("首次出现", "first occurrence")
        return self.report(here, self.sentence, line=sentences[run.there[0]].block.line,
                           related=(Related(there, note),))


def _span(first: _Sentence, last: _Sentence) -> Span:
    """Map sentences found in blocks' keys back to the document's offsets."""
    return Span(_offset(first.block, first.start), _offset(last.block, last.end - 1) + 1)


def _offset(block: Block, key_offset: int) -> int:
    """The document offset of the ``key_offset``-th non-space character of ``block``."""
    text = block.text
    if not _SPACE.search(text):
        return block.span.start + key_offset
    seen = -1
    for position, char in enumerate(text):
        if not _SPACE.match(char):
            seen += 1
            if seen == key_offset:
                return block.span.start + position
    return block.span.end


def _quoted(text: str, span: Span) -> bool:
    """A quotation repeated on purpose (a leader's words cited again): quote marks on both sides."""
    inner = text[span.start : span.end].strip().rstrip("。！？；")
    if inner and inner[0] in _OPEN_QUOTES and inner[-1] in _CLOSE_QUOTES:
        return True
    before = text[max(0, span.start - 8) : span.start].rstrip()
    after = text[span.end : span.end + 8].lstrip()
    return bool(before and after) and before[-1] in _OPEN_QUOTES and after[0] in _CLOSE_QUOTES
