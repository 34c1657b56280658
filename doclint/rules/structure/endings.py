"""How lines end and begin: what closes a sentence, what cannot open one, what cannot end one;
what a paragraph's unpunctuated tail is (a date, a signature, a label, or a cut sentence); and
how a document ends its lines (``doc.facts(LineEndings)``)."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import regex

from doclint.core import segmenter
from doclint.core.document import Document
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.memo import per_document
from doclint.rules.structure import lines
from doclint.rules.structure.model import Block, Kind, Level, Structure

# NOTE: an enum member read through its class goes through the enum type's __getattr__ hook on
# Python 3.11 (ten times the read of a global): the kinds and the level that the per-block
# tests below ask about, bound once.
_BODY, _CLAUSE_LEVEL = Kind.BODY, Level.CLAUSE
_TEXT_KINDS = (Kind.BODY, Kind.LABEL)

# A paragraph may end with these (closing quotes and brackets follow a sentence end, or close a
# citation or an aside that is a sentence of its own).
SENTENCE_FINAL = frozenset("。！？!?…；;：:”’」』）)》】〕]—")
# A line cannot start with these: they close what the previous line opened.
CLOSING_START = frozenset("，。、；：？！）》」』”’,;:?!)]】〕")
# A short line after one ending in these is the rest of a sentence, not a heading.
# Dash and bullet list items, which often go without closing punctuation.
LIST_MARKS = frozenset("—-－*●■◆★·•")
_DANGLING_END = lazy_re(r"[的和与及在对把将向为从于被以或、，,“《（(\[［]$")
_LAST_CLAUSE = lazy_regex(r"[^，,、；;：:。！？!?]*$")
_INTERNAL = lazy_re(r"[，,。；;]")
_TITLE_MAX = 30  # a heading text longer than this, with a comma, is running text


_TRAILING_INVISIBLE = lazy_regex(r"[\p{Co}\p{Cf}\s]+$")


# A stop at a line's end, maybe inside its quotes (……。”), or a closing bracket. A quote that
# closes a line with no stop before it (……治理能力的“精度”) ends a display line, not a sentence.
_STOP_AT_END = lazy_regex(r"(?:[。！？!?；;…][”’」』]*|[）)])\s*$")


def stops_at_end(text: str) -> bool:
    """The line ends as a paragraph of text does; a display line (a lead, a pull-quote) does not."""
    return _STOP_AT_END.search(text) is not None


@per_document
def ends_sentence(text: str) -> bool:
    last = text[-1]
    if last in SENTENCE_FINAL:
        return True
    if last.isprintable() and last != " ":
        return False
    # a private-use glyph or an invisible mark a converter left after the stop (。\ue004)
    trimmed = _TRAILING_INVISIBLE.sub("", text)
    return bool(trimmed) and trimmed[-1] in SENTENCE_FINAL


def is_prose(block: Block) -> bool:
    """Running text: a body paragraph (or an inline heading's text) with clause punctuation."""
    if block.kind is not _BODY and not _running_heading(block):
        return False
    return bool(_INTERNAL.search(block.text)) and lines.has_han(block.text, 10) \
        and not lines.is_chrome(block.text)


def plain_prose(block: Block, items: bool = True) -> bool:
    """Running text of a paragraph of its own, of a law's article (第N条 …) or, with ``items``,
    after a numbered heading's title on its line (（三）加大宣传力度。各地要…): no heading's title
    alone, however long (（一）…，…取得新突破)."""
    heading = block.heading
    return (heading is None if block.kind is _BODY else
            heading is not None and (heading.level is _CLAUSE_LEVEL
                                     or (items and heading.inline))) \
        and is_prose(block)


def _running_heading(block: Block) -> bool:
    """A numbered paragraph: body text after the heading's first sentence, or a heading text too
    long and too clause-like to be a title (``（二）…的，应当…`` cut before its semicolon)."""
    heading = block.heading
    if heading is None:
        return False
    return heading.inline or (len(heading.title) > _TITLE_MAX and bool(_CLAUSE.search(heading.title)))


def dangles(text: str) -> bool:
    """The line stops on a word that needs what follows (``…所作的``)."""
    return bool(_DANGLING_END.search(text))


def dangles_alone(text: str) -> bool:
    """``dangles``, the last character standing as a word of its own (…是指在, not …方向, …存在)."""
    if not dangles(text):
        return False
    if not lines.is_han_char(text[-1]) or not segmenter.available():
        return True
    return len(segmenter.word_texts(text[-_WORD_WINDOW:])[-1]) == 1


_WORD_WINDOW = 12

# Words that open what follows them, never end a sentence: modal verbs, conjunctions,
# prepositions, adverbs and verbs that take an object (``…应当``, ``…而且``, ``…关于``, ``…加快``).
_OPENING_WORDS = frozenset(
    "应当 应该 可以 能够 必须 不得 不能 不再 而且 并且 以及 或者 还是 就是 也是 关于 对于 按照 依照"
    " 根据 通过 为了 进一步 导致 包括 作为 成为 进行 以便 由于 因为 所以 如果 虽然 但是 不仅 不但"
    " 加快 围绕 聚焦 纳入 确保 针对 切实 不断 大力 着力 积极 坚决 认真"
    " 首先 当作 看作 视为 视作".split()  # …改变国际经济秩序，首先; …把中国当作
)
# Single characters that make no word with a single character after them (是|实, 就|能) but a
# pronoun (就是|我 ends a sentence).
_FUNCTION_CHARS = frozenset("是就在对把被将和与及或也都还又才要能会向从于以为")
_PRONOUNS = frozenset("我你他她它")
_PARTICLES = frozenset("了吧呢啊吗么嘛呀")  # they end sentences
_OPEN_WINDOW = 40
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))


def unclosed(text: str) -> bool:
    """The end of the text opens a title, a quotation or a bracket that it does not close."""
    return any(text.rfind(opening) > text.rfind(closing) for opening, closing in _PAIRS)


_CLAUSE_MARK = lazy_regex(r"[，,。；;：:！？!?]")
_EVIDENCE = 1  # other uses of a word, none before a clause mark, that show it does not end one


@per_document
def open_ended(text: str) -> bool:
    """The text stops on a word that needs what follows (``…的``, ``…应当``) or inside a title or
    a quotation it opened (``…《杭州市``): cut, whatever else it is."""
    return dangles(text) or unclosed(text[-_OPEN_WINDOW:])


def stops_inside_a_word(text: str, document: str = "", following: str = "") -> bool:
    """The text stops where no sentence ends: on a character that a segmenter leaves on its own
    (``听取职``: 听取|职, ``实施情``: 实施|情), on a word that needs what
    follows (``…的``, ``…应当``), inside a title or a quotation it opened (``…《杭州市``), or
    on a word the document uses elsewhere and
    never before a comma or a full stop. A sentence that is whole but lost its full stop stops
    on a word that can end one (``…融合发展``, ``…起施行``)."""
    if open_ended(text):
        return True
    if not segmenter.available():
        return True
    if _without_predicate(text):
        return True
    words = segmenter.word_texts(text[-_WORD_WINDOW:])
    last = words[-1]
    if last == "是" or (len(words) > 1 and words[-2] == "的"
                        and _bare_after_de(last, document)):
        return True  # a copula without its complement (…这种富是), 的 without its noun (…的物)
    if len(last) == 1 and last not in _PARTICLES:
        # after a longer word (听取|职), or closing a word with the next line's first character
        # (对该路⏎⏎段进行: 路段): not a pair of unknown characters (工作专班: 专|班)
        return lines.is_han_char(last) \
            and (len(words) == 1 or len(words[-2]) > 1 or not lines.is_han_char(words[-2])
                 or (words[-2] in _FUNCTION_CHARS and last not in _PRONOUNS)
                 or _joins(text, following) or spelled_out_elsewhere(text, document))
    if last in _OPENING_WORDS:
        return True
    if not document or not lines.is_han_char(last[-1]):
        return False
    uses = ended = 0
    for found in regex.finditer(regex.escape(last), document):
        uses += 1
        ended += bool(_CLAUSE_MARK.match(document, found.end()))
        if ended:
            return False
    return uses > _EVIDENCE  # this use and another


_SPELLED_TAIL = 3  # characters of a line's end looked up in the rest of its document
_SPELLED_USES = 2


def spelled_out_elsewhere(text: str, document: str) -> bool:
    """The line's last characters stand elsewhere in its document, each time (twice or more)
    followed by the same character (…地方政府性基 beside 政府性基金 …政府性基金): it stops
    inside a word the document spells out in full."""
    ending = text[-_SPELLED_TAIL:]
    if not document or len(ending) < _SPELLED_TAIL or not all(map(lines.is_han_char, ending)):
        return False
    after = [document[m.end() : m.end() + 1] for m in regex.finditer(regex.escape(ending), document)]
    after = [char for char in after if char and not char.isspace()]  # not a line's end
    return len(after) >= _SPELLED_USES and len(set(after)) == 1 and lines.is_han_char(after[0])


# Nouns of one character that end a sentence after 的 (…是我们自己的事, …做群众的贴心人 is
# two): the document's own uses before a clause mark count too.
_FINAL_AFTER_DE = frozenset("人事话心家国时样份钱路书地处面上下里中外内前后")


def _bare_after_de(last: str, document: str) -> bool:
    """One character after 的 that is no noun ending a sentence: …禁止携带的物, …指定的部."""
    if len(last) != 1 or not lines.is_han_char(last) or last in _FINAL_AFTER_DE:
        return False
    return not any(_CLAUSE_MARK.match(document, found.end())
                   for found in regex.finditer("的" + regex.escape(last), document))


# Words the tagger takes for conjunctions or adverbs that end a sentence (…的除外, 好得很);
# other conjunctions, prepositions and one-character adverbs never do.
_FINAL_WORDS = frozenset("很 极 透 甚 好 行 对 够 和 用".split())


def _without_predicate(text: str) -> bool:
    """The text stops on a one-character conjunction, preposition or adverb (…但并不就, …并将,
    …我们也): words that open what follows them."""
    clause = text[last_clause_start(text):]
    if not lines.has_han(clause, 2):
        return False
    last, tag = segmenter.last_tagged(clause[-_WORD_WINDOW:])
    if last in _FINAL_WORDS:
        return False
    # the tagger takes some verbs and nouns for them (起步, 依据, 通过): one character only
    if len(last) == 1 and tag in ("c", "p", "d"):
        return True
    return _open_object(clause) or _open_condition(text)


# Prepositions whose object must be followed by the verb (把它|改好, 对产品质量|进行检验); not
# 在 (…总部在北京 ends), 与 和 同 (they join nouns), 为 (以…为中心).
_OBJECT_PREPOSITIONS = frozenset("把 将 被 对 向 由 从 以 按照 依照 对于".split())
_HOLDS_VERB = ("v", "vd", "vi", "vg", "vq")  # not a verbal noun (vn), which may be the object


def _open_object(clause: str) -> bool:
    """The clause stops after a preposition and its object, before the verb (…我们一定要通过
    改革把它, …施工单位应当对产品质量, …因此将对我国未来地震)."""
    words = segmenter.tagged(clause[-_OPEN_WINDOW:])
    for at in range(len(words) - 1, -1, -1):
        word, tag = words[at]
        if (tag.startswith("v") and tag != "vn") or word in _CLAUSE_WORDS:
            return False
        if tag == "p":
            rest = words[at + 1:]
            # a verbal noun may be the object (对设备|性能) or, last, the verb (对产品|检验)
            return word in _OBJECT_PREPOSITIONS and bool(rest) \
                and not any(t in _HOLDS_VERB for _, t in rest) \
                and (rest[-1][1] != "vn" or word in ("把", "将", "被"))
    return False


_CLAUSE_WORDS = frozenset("的话 时候 时 之时 以来 之后 以后 之前 以前".split())
# Conjunctions that open a condition or a concession: their sentence needs its main clause.
_CONDITIONS = frozenset("只要 如果 假如 倘若 无论 无论是 不论 不管 虽然 虽说 尽管 即使 即便 哪怕 "
                        "既然 一旦 要是 如若 除非".split())


def _open_condition(text: str) -> bool:
    """The last sentence is only a condition or a concession, its main clause lost (…只要我们
    认真执行各项方针, …无论是解决当前的突出矛盾)."""
    sentence = text[_sentence_start(text):]
    words = segmenter.word_texts(sentence[:_OPEN_WINDOW])
    if not words or words[0] not in _CONDITIONS or _CLAUSE_MARK.search(sentence):
        return False
    return not sentence.endswith(tuple(_CLAUSE_WORDS))


def _sentence_start(text: str) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return ends[-1] if ends else 0


def _joins(text: str, following: str) -> bool:
    """The last character of ``text`` and the first of ``following`` make one word."""
    if not following or not lines.is_han_char(following[0]):
        return False
    joined = text[-_WORD_WINDOW:] + following[:_WORD_WINDOW]
    return segmenter.crosses(joined, len(text[-_WORD_WINDOW:]))


def split_across(previous: Block, current: Block) -> bool:
    """A paragraph stops inside a word that the next paragraph finishes (``依法追究刑⏎⏎事责任``,
    ``…。前⏎　　年党中央``): one sentence split in two paragraphs, a broken line (T401), not a
    truncation."""
    text, following = previous.text, current.text
    if previous.heading is not None and not previous.heading.inline:
        text = text[previous.heading.title_span.start - previous.span.start:]  # 一、… (an item)
        if not text:
            return False
    if current.kind is not Kind.BODY or not lines.is_han_char(text[-1]) \
            or not lines.is_han_char(following[0]) or not lines.has_han(text, 6) \
            or closes_a_text(tail(text), signature=False) or not segmenter.available():
        return False
    if _restates_title(text, following) or _ENUMERATED.match(following):
        return False  # a title and its text, or the next item (…已足⏎⏎四是建立…) opening its own
    words = segmenter.word_texts(text[-_WORD_WINDOW:])
    if len(words[-1]) == 1 and _joins(text, following):
        return True  # even after what reads as a signature (…经济组⏎织, …高效办⏎成一件事)
    if needs_no_stop(text):
        return False
    # A longer last word that the next paragraph extends (差异⏎化, 实事⏎求是), or a next
    # paragraph that opens with a word no sentence opens with (⏎和能力建设, ⏎个革命), that
    # closes the title or bracket the paragraph left open, or that opens with the bare object
    # the paragraph's last word asks for (…的⏎新型民族关系。), is one sentence too: but only
    # after running text, not a title or a table's cell.
    return _sentence_piece(previous) and (_joins(text, following) or _opens_no_sentence(following)
                                          or _closes_pair(text, following)
                                          or _completes_object(text, following)
                                          or _count_before_noun(text, following)
                                          or _adverb_before_verb(text, following)
                                          or _head_after_de(text, following))


def _restates_title(text: str, following: str) -> bool:
    """A line without clause punctuation and a paragraph opening with one of its words (``过去五年
    政府工作的回顾⏎过去的五年，是…``): a section's title and the text taking up its subject, not
    a word read across the break (回顾过去)."""
    if lines.has_punctuation(text):
        return False
    first = segmenter.first_word(following[:_WORD_WINDOW])
    return lines.has_han(first, 2) and first in text


# The next paragraph's first sentence: a few characters without a clause mark, a quotation or
# a bracket, closed by a full stop or a question mark (摸不得。 出问题了。 相辅相成的。).
_SHORT_REST = lazy_regex(r"^\p{Han}{3,6}[。？]")
_SHORT_OPENERS = frozenset(("谢谢",))
# An item of an enumeration opens its paragraph however short (一要狠抓投资。 二是抓项目。).
_ENUMERATED = lazy_regex(r"^(?:[一二三四五六七八九十]{1,3}[是要]|第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后)")


def short_rest(previous: Block, current: Block) -> bool:
    """A paragraph of text whose last sentence stops without its end, after sentences of its
    own, and a next paragraph opening with a sentence of a few characters (…这跟当个厂长只管一个
    ⏎　　工厂情况不同。县委书记…): the rest of the sentence broken off, not a sentence a paragraph
    opens with, which names its subject (我讲三点。), an item (一要狠抓投资。), or runs on past a
    comma. A report whose paragraphs open with short topic sentences (大力提振消费。) is the
    caller's to rule out."""
    text, following = previous.text, current.text
    if current.kind is not Kind.BODY or previous.heading is not None \
            or not lines.is_han_char(text[-1]) or not _SHORT_REST.match(following) \
            or not _SENTENCE_END.search(text) or not _sentence_piece(previous) \
            or needs_no_stop(text) or not segmenter.available():
        return False
    if _ENUMERATED.match(following):
        return False
    first, tag = segmenter.tagged(following[:_WORD_WINDOW])[0]
    return tag not in ("r", "m") and first not in _SHORT_OPENERS


# The next paragraph's first sentence, with the closing quotes and brackets right after its end
# (…会见南斯拉夫⏎　　社会主义联邦共和国主席团主席…时谈话的一部分。）).
_FIRST_SENTENCE = lazy_regex(r"^[^。！？!?]*[。！？!?]?[”’」』）)》]*")


def _closes_pair(text: str, following: str) -> bool:
    """The paragraph stops inside a title, quotation or bracket it opened, and the next one
    closes it in its first sentence before opening another (…《关于…若干历史⏎问题的决议》)."""
    window = text[-_OPEN_WINDOW:]
    sentence = _FIRST_SENTENCE.match(following).group()
    for opening, closing in _PAIRS:
        if window.rfind(opening) > window.rfind(closing):
            closed, opened = sentence.find(closing), sentence.find(opening)
            if closed >= 0 and (opened < 0 or closed < opened):
                return True
    return False


_FIRST_CLAUSE = lazy_regex(r"^[^，,。；;：:！？!?、]*")
_OBJECT_MAX = 10  # characters of a bare object before its comma or full stop
_NOUN_TAGS = frozenset("n nz l j ns nr nt nrt vn an ng i".split())
_MODIFIER_TAGS = frozenset("b a uj m q mq f s c".split())
_NOT_FIRST_TAGS = frozenset("m f c uj q".split())  # 第三， 最近， 总之，: they open sentences
_TIME_END = ("来", "年", "时", "后", "前", "月", "日")  # 近几年来， 1990年， 会后，


def _completes_object(text: str, following: str) -> bool:
    """The paragraph stops on a word that asks for what follows (…的, …和, …在, …应当, a verb of
    two characters, with its 了 or not, the copula 是), and the next one opens with a bare noun
    phrase ending its first clause (⏎新型民族关系。 ⏎好收成，⏎一个战略方针，), or with a noun
    phrase headed after its 的 (⏎英国政府对我们提出的建议。): the object or the rest of the
    phrase, no sentence of its own. A sentence opener that is a time, an ordinal or a
    conjunction (近几年来， 第三， 总之，) is none."""
    clause = _FIRST_CLAUSE.match(following).group()
    if not clause or len(clause) > _MODIFIED_OBJECT_MAX or not lines.has_han(clause, 2) \
            or following[len(clause):len(clause) + 1] not in ("，", "。", "；", "、") \
            or clause.endswith(_TIME_END):
        return False
    words = segmenter.tagged(clause)
    bare = _bare_noun_phrase(clause, words)
    # a noun phrase with a clause for its modifier is the object only as a whole sentence, after
    # a verb or a preposition: after …和 or …对 it may be the subject opening a paragraph
    # (…以及⏎省人民代表大会通过的地方性法规、…), and before a comma a topic (我们即将召开的…，)
    if not bare and not (following[len(clause):len(clause) + 1] in ("。", "；")
                         and _modified_noun_phrase(words)):
        return False
    if bare and dangles(text):
        return True
    tagged = segmenter.tagged(text[-_WORD_WINDOW:])
    last, tag = tagged[-1]
    if last in _ASPECT and len(tagged) > 1:
        last, tag = tagged[-2]  # …建立了⏎外交关系，: the verb before its aspect particle
    return tag == "p" or (tag == "v" and len(last) > 1) \
        or (bare and (last in _OPENING_WORDS
                      or last.endswith("是")))  # a copula without its complement (…都是⏎中华民族子孙。)


_ASPECT = frozenset("了着")
_COUNTED = lazy_regex(r"^[一两二三四五六七八九十几每这那][个种项批条位名件类家些]$")  # 一个, 两种, 这些
_MODIFIED_OBJECT_MAX = 16  # characters of an object with its modifier (…提出的建议)


def _bare_noun_phrase(clause: str, words: list[tuple[str, str]]) -> bool:
    """Nouns and their modifiers only (新型民族关系, 一个战略方针), not opening with a time, an
    ordinal or a conjunction; a count (一个, 两种) may open it."""
    tags = [tag for _, tag in words]
    first_counts = _COUNTED.match(words[0][0]) is not None
    return len(clause) <= _OBJECT_MAX and (tags[0] not in _NOT_FIRST_TAGS or first_counts) \
        and all(t in _NOUN_TAGS or t in _MODIFIER_TAGS for t in tags) \
        and any(t in _NOUN_TAGS for t in tags)


def _modified_noun_phrase(words: list[tuple[str, str]]) -> bool:
    """A noun phrase whose modifier is a clause of its own, closed by 的 (英国政府对我们提出的
    建议): after the last 的 only nouns, the head; before it no 是 (…是…的 is a sentence) and
    no adverb or modal word, which make a predicate (国家必须有一定的物资储备)."""
    at = max((i for i, (word, _) in enumerate(words) if word == "的"), default=-1)
    head = words[at + 1:]
    return at > 0 and bool(head) and all(tag in _NOUN_TAGS for _, tag in head) \
        and not any(word.endswith("是") or tag in _ADVERB_TAGS or word in _MODAL_WORDS
                    for word, tag in words[:at])


_COUNT_WORDS = frozenset("许多 各项 各种 各类 各个 一些 诸多 这么多 那么多 一系列".split())
_COUNTED_TAGS = frozenset("n nz l vn j".split())


def _count_before_noun(text: str, following: str) -> bool:
    """The paragraph stops on a count or a quantifier (…国内也有许多, …不是一家, …认真落实各项)
    and the next one opens with the noun it counts (⏎事情要做，, ⏎报纸所能完成的。): one noun
    phrase split in two; a count asks for its noun."""
    words = segmenter.tagged(text[-_WORD_WINDOW:])
    last, tag = words[-1]
    if len(words) > 1 and words[-2][0] in ("这么", "那么") and last == "多":
        last = words[-2][0] + last
    counts = last in _COUNT_WORDS or (tag in ("m", "mq") and _COUNTED.match(last) is not None)
    if not counts:
        return False
    first, first_tag = segmenter.tagged(following[:_WORD_WINDOW])[0]
    return first_tag in _COUNTED_TAGS and len(first) > 1


# Modal words a predicate follows (…都可以⏎挽救过来, …不要⏎搞很多人), besides the adverbs.
_MODAL_WORDS = frozenset("可以 不要 需要 必须 应该 能够 愿意".split())
_ADVERB_TAGS = frozenset(("d", "df"))
_DEMONSTRATIVES = frozenset("这那我你他她它")


def _adverb_before_verb(text: str, following: str) -> bool:
    """The paragraph stops on an adverb or a modal word of running text (…我们还, …不要急于,
    …可以随便) and the next one opens with its verb (⏎希望…, ⏎搞社会主义。, ⏎看机密文件，): one
    predicate split in two. Not a verb a report opens its paragraphs with (⏎加强…, ⏎推进…),
    nor a verb used as a noun (⏎改革，)."""
    if not _INTERNAL.search(text) or following.startswith(_TOPIC_VERBS):
        return False
    last, tag = segmenter.last_tagged(text[-_WORD_WINDOW:])
    if tag not in _ADVERB_TAGS and last not in _MODAL_WORDS:
        return False
    first, first_tag = segmenter.tagged(following[:_WORD_WINDOW])[0]
    # not a subject the tagger reads as a verb (⏎这是…), nor a speaker's name (⏎迈：…)
    return first_tag == "v" and lines.is_han_char(first[0]) and first[0] not in _DEMONSTRATIVES \
        and following[len(first):len(first) + 1] not in ("：", ":")


_HEAD_TAGS = frozenset("n nz vn l j".split())


def _head_after_de(text: str, following: str) -> bool:
    """The paragraph stops on 的 and the next one opens with the noun it modifies (…对青年的⏎
    政治思想教育抓得不够, …国防工业的⏎军民结合，): one noun phrase split in two. Not a clause
    framed by 是…的 (…总的形势是很好的⏎国家经济…), which ends a sentence, nor a phrase
    opened by a preposition (⏎在政治上，), nor an office or a body (⏎教育部要…), which opens a
    sentence as its subject."""
    if not text.endswith("的") or not _INTERNAL.search(text) \
            or "是" in text[last_clause_start(text):]:
        return False  # …形势是很好的: a 是…的 sentence that lost its full stop
    first, tag = segmenter.tagged(following[:_WORD_WINDOW])[0]
    return tag in _HEAD_TAGS and len(first) > 1 and first[0] not in _FUNCTION_CHARS \
        and not _SIGNATURE.search(first) and not first.endswith(_TIME_END)  # ⏎近几年来，


def _sentence_piece(block: Block) -> bool:
    """A line of running text, punctuated or not (a first half too short for a comma is read as
    a label line), not a heading or a line of site chrome."""
    return (block.kind in (Kind.BODY, Kind.LABEL) or _running_heading(block)) \
        and lines.has_han(block.text, 10) and not lines.is_chrome(block.text)


# Words that continue a sentence and never open one: conjunctions, measure words, aspect
# particles, suffixes (和, 个, 了, 地, 化, 们), and a predicate's first word without its subject (是由于…, 就是…,
# 都会落空, 也不行, 就更有条件, 不会原谅的): not 是的 (an answer), 能 (能不能…？).
_CONTINUING = frozenset("和 与 及 或 等 个 了 着 过 们 之 化 性 者 一下 是 都 也 就 才 又 不会 地 就是".split())


def _opens_no_sentence(following: str) -> bool:
    return segmenter.first_word(following[:_WORD_WINDOW]) in _CONTINUING \
        and not following.startswith("是的")


def last_clause_start(text: str) -> int:
    """Offset of the last clause (after the last punctuation) of ``text``."""
    match = _LAST_CLAUSE.search(text)
    return match.start() if match else 0


# The tail of a paragraph: what follows its last sentence end, or its last gap of spaces (a
# page flattened into one line keeps its line breaks as runs of spaces).
_SENTENCE_END = lazy_regex(r"[。！？!?；;]")
_GAP = lazy_regex(r"[ \t\u00a0]{2,}|\u3000+")
_CLAUSE = lazy_regex(r"[，,、]")
_DATE_END = lazy_regex(
    r"(?:\d{2,4}|[０-９]{2,4}|[〇○零ＯO一二三四五六七八九]{2,4})[ 　]*年"
    r"(?P<month>[ 　]*[\d０-９一二三四五六七八九十]{1,3}[ 　]*月(?:[ 　]*[\d０-９一二三四五六七八九十]{1,3}[ 　]*日)?)?"
    r"(?:[ 　]*印发)?$"  # a 公文's imprint line ends on its date and 印发 (GB/T 9704 版记)
)
# An attachment's title closing a 公文 whose attachment was not kept: the tail opens with 附件
# (附件国网××公司2019年度考评结果), or names an attachment whose title names a document
# (…总工程师附件2参会回执, …2021年3月9日附件参加新闻发布会人员名单); a document's name takes no stop.
_ATTACHMENT_START = lazy_regex(
    r"^[）)]?附件[\d０-９一二三四五六七八九十]{0,2}[：:．.、 　]*[^，,。；;：:！？!?]{2,50}$")
_DOCUMENT_KIND = (r"(?:表|单|册|书|录|函|回执|方案|办法|细则|规则|通知|意见|报告|说明|标准|指南|要点"
                  r"|模板|样式|格式|协议|合同|清单|名单|目录|计划|规划|大纲|须知|图|结果|情况|决定|规定"
                  r"|批复|解读)")
_ATTACHMENT_END = lazy_regex(
    r"附件[\d０-９一二三四五六七八九十]{0,2}[：:．.、 　]*(?:[\d０-９]{1,2}[．.、])?"
    rf"[^，,。；;：:！？!?]{{2,40}}{_DOCUMENT_KIND}$"
)
# A related document's title set after the text (…有效期3年。关于…若干政策解读): a page's link.
_RELATED_TITLE = lazy_regex(rf"^关于[^，,。；;：:！？!?]{{2,60}}{_DOCUMENT_KIND}$")
# A label with its value: 责任部门：办公厅秘书一处, 联系人：王明 (the key is a noun, not 要求是：),
# ending the tail with a short value or opening it with a list (附件：1.××表2.××表).
_LABEL_END = lazy_regex(r"(?P<key>\p{Han}{2,8})[：:][^，,。；;：:！？]{1,30}$")
_LABEL_START = lazy_regex(r"^(?P<key>\p{Han}{2,8})[：:][^，,。；;！？]*$")
_DOCUMENT_NUMBER_END = lazy_regex(r"[〔\[［【(（][\d０-９]{4}[〕\]］】)）][\d０-９]{1,4}号$")
_CLAUSE_KEY_END = ("是", "为", "要", "下", "括", "有", "即", "指", "于", "到", "出", "示", "讲",
                   "们", "说", "调")  # …告诉我们：, 他说：, 强调：: a clause, not a label
# A list or table item: 2.××申报书, （5）-7预算说明, 128××协会, ——第378页 (not a date: 1994年…).
_ITEM_START = lazy_regex(
    r"^(?:[\d０-９]{1,3}(?:[.．、）)]|(?![\d０-９年月日号\-－—~～至]))|[（(][\d０-９一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、"
    r"|[A-Za-zＡ-Ｚ][.．、]|[―—－\-─]+|[●■◆★·•])"
)
_PAGE = lazy_regex(r"第[\d０-９]{1,4}(?:[、，,][\d０-９]{1,4})*页$")  # ――第6页, ――第2、254页
# Contact details ending the line: a telephone number (0311-66005113, 13912345678) or an e-mail
# address (…张三，0311-66005113; 邮箱：abc@163.com).
_CONTACT_END = lazy_regex(
    r"(?<![\d.．])(?:0\d{2,3}[-－—]?\d{7,8}(?:[-－]\d{1,4})?|1[3-9]\d{9})$"
    r"|[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+$"
)
# A closing formula or a signature: 特此通知, 此复, 谢谢; 县人民政府, 省科学技术厅.
_CLOSING = lazy_regex(r"^(?:特此\p{Han}{2}|此复|此致|敬礼|谢谢(?:大家)?)$")
_SIGNATURE = lazy_regex(
    r"(?:政府|委员会|委|厅|局|办公室|办|处|科|室|中心|院|所|会|部|社|站|队|组|街道|社区|镇|乡|村"
    r"|学校|公司|集团|银行|协会|联合会|指挥部|法院|检察院|党委|支部|管委会|监督组)$"
)
_SIGNATURE_MAX = 24
# A lead-in that lost its colon before the reply or the list it introduces: 作如下回复, 抓好以下
# 几项工作, 现将有关情况答复.
_LEAD_IN = lazy_regex(
    r"(?:如下|以下|下列|下述)\p{Han}{0,12}$"
    r"|(?:现|特|兹|谨)[^，,。；;]{0,30}(?:回复|答复|函复|说明|报告|通报|通知|公告|介绍)$"
)


def tail(text: str) -> str:
    """What a paragraph says after its last sentence end and its last gap of spaces."""
    start = 0
    for pattern in (_SENTENCE_END, _GAP):
        ends = [m.end() for m in pattern.finditer(text, start)]
        if ends:
            start = ends[-1]
    return text[start:].strip()


def closes_a_text(piece: str, signature: bool = True) -> bool:
    """A paragraph's tail that needs no punctuation: a date (and a 公文's imprint, …日印发), a
    signature (unless ``signature`` is false), a label and its value, contact details (a
    telephone number, an e-mail address), a list or table item, a page number, a closing
    formula, a lead-in to what follows, an attachment's title or a related document's
    (关于…的通知)."""
    if not piece:
        return True
    date = _DATE_END.search(piece)
    if date is not None and (date.group("month") or len(piece) <= _SIGNATURE_MAX):
        return True  # a year alone ends a dateline, not a long clause (…共同为实现1956年)
    if _PAGE.search(piece) or _CLOSING.match(piece) or _CONTACT_END.search(piece) \
            or _DOCUMENT_NUMBER_END.search(piece) or _ITEM_START.match(piece) \
            or _LEAD_IN.search(piece) or _ATTACHMENT_START.match(piece) \
            or _ATTACHMENT_END.search(piece) or _RELATED_TITLE.match(piece):
        return True
    for label in (_LABEL_START.match(piece), _LABEL_END.search(piece)):
        if label is not None and not label.group("key").endswith(_CLAUSE_KEY_END):
            return True
    return signature and len(piece) <= _SIGNATURE_MAX and not _CLAUSE.search(piece) \
        and bool(_SIGNATURE.search(piece)) and _names_an_issuer(piece)


# Words no issuer's name holds: pronouns (我, 这, 我国), prepositions (在, 对), 的, time words
# (…。现在国际局), aspect particles (…明确了加强组), and the copula and modal of a clause
# (…目的是要有利于巩固社会, 我在中央书记处, 这是我国政府).
_CLAUSE_TAGS = frozenset(("r", "p", "uj", "t", "ul", "uz", "ug"))
_CLAUSE_WORDS = frozenset(("是", "要"))


def _names_an_issuer(piece: str) -> bool:
    """A tail ending on an office's suffix (…处, …会, …政府) that reads as a name, not as a
    clause that happens to end on one."""
    if not segmenter.available():
        return True
    return not any(tag in _CLAUSE_TAGS or word in _CLAUSE_WORDS
                   for word, tag in segmenter.tagged(piece))


@per_document
def cut_mid_sentence(text: str) -> bool:
    """The paragraph stops inside a sentence: it ends on a Chinese character, is not a dash or
    bullet list item, and what follows its last sentence end is not a date, a signature, a label,
    a list item or a closing formula."""
    if not lines.is_han_char(text[-1]) \
            or (text[0] in LIST_MARKS and not _SENTENCE_END.search(text)):
        return False  # a dash item goes without its stop, unless it holds sentences (——…。…)
    if lines.ends_on_resume_entry(text):
        return False  # a résumé's entry (2018.05-至今 某县委常委、副县长) is a list item
    return not needs_no_stop(text) or item_sentence(tail(text))


_ITEM_SENTENCE = 16  # characters of an item's text that make it a sentence, not a list entry


def item_sentence(piece: str) -> bool:
    """A numbered item that is a sentence, not a list or table entry: its text runs on past a
    comma or a title's length (四、勘察定点要尽量避开军事设施, 44项工程汛前完工，…)."""
    item = _ITEM_START.match(piece)
    if item is None:
        return False
    rest = piece[item.end():]
    return bool(rest) and (bool(_CLAUSE.search(rest)) or len(rest) >= _ITEM_SENTENCE) \
        and not closes_a_text(rest)


_RUN_MIN = 4  # items of a run that show how its items end


def punctuated_runs(structure: Structure) -> frozenset[int]:
    """The runs of numbered items (``Heading.sequence``, an index of ``structure.sequences``)
    written as text: all their items but at most one in ten end with sentence punctuation."""
    blocks = structure.blocks
    found = set()
    for run, sequence in enumerate(structure.sequences):
        count = len(sequence.members)
        if count >= _RUN_MIN \
                and sum(not blocks[m].ends_sentence for m in sequence.members) <= max(1, count // 10):
            found.add(run)
    return frozenset(found)


_MARKDOWN = (".md", ".markdown")
_UNTERMINATED_STYLE = 0.3  # above this share of unterminated prose lines, that is the house style
_INDENTED_SHARE = 0.5  # above this share of indented body lines, indenting opens a paragraph


@dataclass(frozen=True, slots=True)
class LineEndings:
    """How a document ends its lines.

    ``markdown``: the file is Markdown by its name, where a single line break is a soft wrap
    (a ``.txt`` with ``##`` headings that never wraps its paragraphs is read line by line). ``loose``: the articles written as lists or verse, or converted from PDF without sentence
    punctuation: many prose lines end without it, so a line without it is neither a break nor a
    truncation. ``indented``: most body paragraphs open with an indentation, so an indented
    line opens a paragraph. ``indents``: each block's indentation. ``closed``: the articles
    that end (almost) every paragraph of running text with sentence punctuation. ``under``:
    where paragraphs also stand apart by blank lines, the blocks right under the line before.
    """

    loose: frozenset[int]
    indented: bool
    indents: tuple[int, ...]
    markdown: bool = False
    spaced: bool = False
    closed: frozenset[int] = frozenset()
    closed_few: frozenset[int] = frozenset()  # ``closed`` from three paragraphs of text on
    under: frozenset[int] = frozenset()  # lines right under the line before, no blank between

    @classmethod
    def from_document(cls, doc: Document) -> LineEndings:
        blocks = doc.facts(Structure).blocks
        starts = doc.index.starts
        indents = tuple(b.span.start - starts[b.line - 1] for b in blocks)
        markdown = doc.path.endswith(_MARKDOWN)
        running = _running_text(blocks)  # counted once for both habits below
        flags = [_running(b) for b in blocks]  # read by both passes below
        gaps = _paragraph_gaps(blocks, flags)  # judged twice below, counted once
        under: frozenset[int] = frozenset()
        if _blank_separated(gaps, least=_APART_MIN):
            under = frozenset(b.index for a, b in itertools.pairwise(blocks) if b.line == a.line + 1)
        return cls(frozenset(_unterminated_style(blocks, flags)),
                   _indented_paragraphs(blocks, indents), indents, markdown,
                   _blank_separated(gaps), _closed_style(running),
                   _closed_style(running, least=_CUT_MIN_LINES), under)

    def opens_paragraph(self, block: Block) -> bool:
        """The block opens a paragraph by its indent: where the document also sets each
        paragraph apart by a blank line (…。⏎⏎　　下一段), an indented line right under the one
        before (…和教⏎　　育部通知…) is the rest of that paragraph's sentence, not a new one."""
        return self.indented and self.indents[block.index] > 0 and block.index not in self.under


def _unterminated_style(blocks: list[Block], running: list[bool]) -> set[int]:
    """Articles written as lists or verse: many prose lines end without punctuation, so a line
    without it is not a break (only the strong signs count there). Text hard-wrapped at a fixed
    width also leaves many lines open, but mostly of one length, and its paragraphs still end
    with a full stop: that is not a style, it is the defect. The text of a numbered item
    (（一）明确范围。本次…。) is a prose line like any other; a line whose end needs no stop
    (``needs_no_stop``) shows no style. ``running``: each block's ``_running``."""
    total: dict[int, int] = {}
    open_ended: dict[int, list[int]] = {}
    closes_after_open: set[int] = set()
    previous_open = False
    for block, is_running in zip(blocks, running, strict=True):
        if not is_running:
            previous_open = False
            continue
        is_open = not block.ends_sentence
        if (is_open and needs_no_stop(block.text)) or (
                is_open and block.index + 1 < len(blocks)
                and headline_over(block, blocks[block.index + 1])):
            previous_open = False  # a news item's headline over its paragraph is no style
            continue
        total[block.article] = total.get(block.article, 0) + 1
        if is_open:
            open_ended.setdefault(block.article, []).append(len(block.text))
        elif previous_open:
            closes_after_open.add(block.article)
        previous_open = is_open
    loose = set()
    for article, lengths in open_ended.items():
        if len(lengths) < 3 or len(lengths) <= _UNTERMINATED_STYLE * total[article]:
            continue
        width = Counter(lengths).most_common(1)[0][0]
        wrapped = sum(1 for n in lengths if abs(n - width) <= 2) > len(lengths) / 2
        if not (wrapped and article in closes_after_open):
            loose.add(article)
    return loose


@per_document
def needs_no_stop(text: str) -> bool:
    """The line ends on what goes without a stop (``closes_a_text`` of its ``tail``): contact
    details (…，0311-66005113), a label and its value, a date, a heading glued after the last
    sentence (…。　（三）…): it shows nothing of how the document ends its paragraphs. (Asked of
    the same open lines by the line endings, the cut lines, T301 and T401: answered once.)"""
    return closes_a_text(tail(text))


_CLOSED_MIN = 6  # paragraphs of running text that show an article's habit
_CLOSED_OPEN = 0.02  # of them at most this share (and one more) may end without punctuation


def _running_text(blocks: list[Block]) -> tuple[Counter[int], Counter[int]]:
    """Per article, its paragraphs of running text (``plain_prose``) and how many of them end
    without sentence punctuation (a line the next line carries on is no paragraph's end). A
    paragraph whose end needs no stop (``needs_no_stop``) tells nothing of the habit."""
    total: Counter[int] = Counter()
    open_ended: Counter[int] = Counter()
    for block in blocks:
        if plain_prose(block):
            if block.ends_sentence:
                total[block.article] += 1
            elif not needs_no_stop(block.text) and not _runs_on(blocks, block.index):
                total[block.article] += 1
                open_ended[block.article] += 1
    return total, open_ended


# Marks that close or carry on a sentence: a line opening with one goes on with the line above.
_CARRIES_ON = frozenset("》”’）)】〉」』，,、。；;：:")
_FRAGMENT = 30  # characters of a link's or a subscript's text set on a line of its own


def _runs_on(blocks: list[Block], index: int) -> bool:
    """The line goes on in the lines right under it: the next one opens with a mark that closes
    or carries on its sentence (``…根据《⏎著作权法⏎》第五条…``, ``…属于⏎公有领域⏎。``), or is a short
    piece of text without punctuation (a link's text, a subscript: ``广义货币M⏎2⏎增长13.6%``) with
    more text right under it. A page that set its links on lines of their own breaks lines so:
    broken lines (T401), not paragraphs that end open."""
    following = blocks[index + 1 : index + 3]
    if not following or following[0].line != blocks[index].line + 1:
        return False
    piece = following[0]
    if piece.text[0] in _CARRIES_ON:
        return True
    return len(following) == 2 and following[1].line == piece.line + 1 \
        and piece.kind in (Kind.BODY, Kind.LABEL) and piece.heading is None \
        and len(piece.text) <= _FRAGMENT and not lines.has_punctuation(piece.text)


def _closed_style(running: tuple[Counter[int], Counter[int]],
                  least: int = _CLOSED_MIN) -> frozenset[int]:
    """Articles that end their paragraphs of running text (at least ``least`` of them, counted
    by ``_running_text``) with sentence punctuation, all but one in fifty: there a paragraph
    stopping on a character was cut, even on a word that could end a sentence
    (…不得在风景区⏎第十一条)."""
    total, open_ended = running
    return frozenset(article for article, count in total.items()
                     if count >= least and open_ended[article] <= 1 + _CLOSED_OPEN * count)


_SPACED_SHARE = 0.95
_SPACED_MIN = 8


_APART_MIN = 4  # pairs of paragraphs, each set apart by a blank line, that show the habit


def _paragraph_gaps(blocks: list[Block], running: list[bool]) -> tuple[int, int]:
    """Pairs of running paragraphs (``running``: each block's ``_running``) whose first ends a
    sentence, and how many of them a blank line sets apart."""
    pairs = spaced = 0
    for at in range(1, len(blocks)):
        if running[at] and running[at - 1] and blocks[at - 1].ends_sentence:
            pairs += 1
            spaced += blocks[at].line > blocks[at - 1].line + 1
    return pairs, spaced


def _blank_separated(gaps: tuple[int, int], least: int = _SPACED_MIN) -> bool:
    """Almost every paragraph that ends a sentence is followed by a blank line (``least``
    pairs of paragraphs at least; ``gaps`` from ``_paragraph_gaps``)."""
    pairs, spaced = gaps
    return pairs >= least and spaced >= _SPACED_SHARE * pairs


def _running(block: Block) -> bool:
    return block.kind is _BODY or (block.heading is not None and block.heading.inline)


def _indented_paragraphs(blocks: list[Block], indents: tuple[int, ...]) -> bool:
    """Most body paragraphs of the file start with an indentation."""
    body = [b.index for b in blocks if b.kind is _BODY]
    return bool(body) and sum(1 for i in body if indents[i] > 0) > _INDENTED_SHARE * len(body)


# A paragraph's topic sentence: a short first sentence without a comma (加快重大基础设施建设。
# 各位代表！); its first word opens other paragraphs of the document too.
_TOPIC = lazy_regex(r"^\p{Han}[^，,。！？!?：:；;]{2,18}[。！!]")
# A lead sentence standing as a line of its own, one comma at most (聚焦民生福祉，增强人民群众获得感。).
_TOPIC_LINE = lazy_regex(r"^\p{Han}[^，,。！？!?：:；;]{2,18}(?:[，,][^，,。！？!?：:；;]{2,18})?[。！!]$")
_TOPIC_USES = 2
_TOPICAL_MIN = 8
# How a report's topic sentences open (着力兜牢民生底线。 大力提振消费。 各位代表！): in a document
# written so, such a sentence after a line cut mid-sentence opens the next paragraph.
_TOPIC_VERBS = tuple(
    "着力 大力 全力 加快 加强 加大 推动 推进 深化 提升 强化 持续 扎实 聚焦 打好 打赢 建强 走好 防范"
    " 严密 促进 坚持 健全 完善 优化 落实 实施 统筹 巩固 培育 增强 稳步 切实 全面 筑牢 兜牢 守好"
    " 织密 做强 做优 做大 抓好 办好 各位代表".split()
)
_TOPICAL_SHARE = 0.4
_FIRST_WINDOW = 6


class Openers:
    """The words that open the document's paragraphs (after a line that ends a sentence): a
    report that opens its paragraphs with topic sentences (提升…。 着力…。) opens many with
    the same words."""

    __slots__ = ("_counts", "_openings", "topical")

    def __init__(self, openings: list[str], topical: bool = False) -> None:
        self._openings = openings  # the first characters of each such paragraph
        self._counts: Counter[str] | None = None
        self.topical = topical  # most paragraphs open with a topic sentence: a style of the document

    @property
    def counts(self) -> Counter[str]:
        """How many of those paragraphs open with each word. Segmented when first asked: most
        documents never are (only a line that may open a paragraph is)."""
        if self._counts is None:
            self._counts = Counter(segmenter.first_word(opening) for opening in self._openings)
        return self._counts

    @classmethod
    def from_document(cls, doc: Document) -> Openers:
        openings: list[str] = []
        topics = 0
        if segmenter.available():
            for previous, current in itertools.pairwise(doc.facts(Structure).blocks):
                if current.kind is _BODY and previous.ends_sentence \
                        and lines.is_han_char(current.text[0]):
                    openings.append(current.text[:_FIRST_WINDOW])
                    topics += bool(_TOPIC.match(current.text))
        opened = len(openings)
        return cls(openings, topics >= _TOPICAL_MIN and topics >= _TOPICAL_SHARE * opened)

    def opens_topic(self, block: Block) -> bool:
        """The block opens a paragraph with a topic sentence, as others of the document do: it
        starts a paragraph, not the rest of a sentence broken before it."""
        if block.kind is not _BODY \
                or not (_TOPIC.match(block.text) or _TOPIC_LINE.match(block.text)) \
                or not segmenter.available():
            return False
        return (self.topical and block.text.startswith(_TOPIC_VERBS)) \
            or self.counts[segmenter.first_word(block.text[:_FIRST_WINDOW])] >= _TOPIC_USES


_CUT_MIN_LINES = 3  # lines of running text an article needs to show that it ends them all
_CUT_NEXT_HAN = 10  # the next line is a paragraph of its own: at least this much text


@dataclass(frozen=True, slots=True)
class CutLines:
    """Lines of running text that stop inside a word right before the next line, where the
    article writes one paragraph per line and ends every other with its punctuation: the next
    line neither finishes the word (``…红地毯两⏎侧``) nor the sentence, and is a whole paragraph
    (``…礼兵沿红地毯两⏎李克强表示，…。``). No line break alone leaves a word half written:
    the rest of the paragraph was lost (T301), it was not broken off (T401)."""

    blocks: frozenset[int] = frozenset()

    @classmethod
    def from_document(cls, doc: Document) -> CutLines:
        endings = doc.facts(LineEndings)
        if endings.markdown or not segmenter.available():
            return cls()  # a single line break is a soft wrap in Markdown
        blocks = doc.facts(Structure).blocks
        closed = endings.closed_few
        found = set()
        # NOTE: worked out at the first pair of lines that may be cut (most documents have
        # none, and the topic lines need the document's openers).
        topic_lines: dict[int, int] | None = None
        for previous, current in itertools.pairwise(blocks):
            article = previous.article
            if current.line != previous.line + 1 or current.article != article \
                    or article in endings.loose or article not in closed:
                continue
            if topic_lines is None:
                topic_lines = _topic_lines(doc, blocks)
            if previous.index in topic_lines and topic_lines[previous.index] == 1 \
                    and doc.facts(Openers).opens_topic(current):
                found.add(previous.index)  # …。⏎扎实推进生态⏎实施绿色经济示范行动。…
                continue
            after = blocks[current.index + 1] if current.index + 1 < len(blocks) else None
            # NOTE: a numbered item's text is left out: its first line broken before a clause
            # (…国家⏎奖学金名额时，…) opens as news does.
            paragraph = plain_prose(previous, items=False)
            if paragraph and cut_mid_sentence(previous.text) \
                    and not dangles(previous.text) and headline_over(current, after):
                found.add(previous.index)  # …台湾地区，使用⏎首届消博会将于…举办⏎国务院…。
            elif current.kind is not _BODY:
                continue
            elif paragraph and _cut_before(previous, current):
                found.add(previous.index)
            elif _cut_label(blocks, previous, current) or _cut_source_line(previous, current):
                found.add(previous.index)
        return cls(frozenset(found))


_TOPIC_LINE_HAN = 4


def _topic_lines(doc: Document, blocks: list[Block]) -> dict[int, int]:
    """In a report that opens its paragraphs with topic sentences (``Openers.topical``), the
    lines of text without any punctuation that open as those sentences do (扎实推进…, 强化…),
    after a sentence's end or a heading: each with the number of such lines in its article. One
    alone among punctuated paragraphs is a paragraph whose topic sentence was cut with the
    rest of its text (…。⏎扎实推进生态⏎实施绿色经济示范行动。…); several are the report's
    sub-headings, which go without a stop."""
    openers = doc.facts(Openers)
    if not openers.topical:
        return {}
    found: list[Block] = []
    label = Kind.LABEL
    for before, block in itertools.pairwise(blocks):
        text = block.text.strip(" \t\u3000")
        if block.kind is not label or _CLAUSE_PUNCTUATION.search(text) \
                or not lines.has_han(text, _TOPIC_LINE_HAN) or not lines.is_han_char(text[-1]) \
                or lines.is_chrome(text) or lines.is_caption(text) \
                or not (before.heading is not None or before.ends_sentence):
            continue
        first = segmenter.first_word(text[:_FIRST_WINDOW])
        if text.startswith(_TOPIC_VERBS) or openers.counts[first] >= _TOPIC_USES:
            found.append(block)
    per_article = Counter(block.article for block in found)
    return {block.index: per_article[block.article] for block in found}


def _cut_before(previous: Block, current: Block) -> bool:
    text, following = previous.text, current.text
    if not cut_mid_sentence(text):
        return False
    if following[0] in CLOSING_START or following[0] == "的" \
            or not current.ends_sentence or not lines.has_han(following, _CUT_NEXT_HAN):
        return False
    if split_across(previous, current) or short_rest(previous, current):
        return False
    # the next line opens a paragraph of news (习近平指出， 2018年8月，): what stood before it
    # was lost, however the line stops; after a word that asks for what follows (…在, …和) only
    # a speaker or a source, not a date, which may be that word's object (…在⏎2018年8月，)
    frame = frame_of(following)
    if frame == STRONG_FRAME or (frame and not dangles(text)):
        return True
    if dangles(text) or unclosed(text[-_OPEN_WINDOW:]) or not _LAST_CLAUSE_HAN.search(text):
        return False  # a line broken after 的, 在 or inside 《…》 is a link's break (T401)
    # the next line opens with a word of its own (李克强表示, 2018年以来), not a lone character
    # that may be the rest of the word cut (…撰写自⏎评报告) or a preposition running on (…发⏎为)
    if lines.is_han_char(following[0]) and len(segmenter.first_word(following[:_WORD_WINDOW])) < 2:
        return False
    words = segmenter.word_texts(text[-_WORD_WINDOW:])
    # one character left after a longer word (…红地毯两), or alone after a comma (…加大宣传，积):
    # no clause is a single character, unless a word running on (…，是⏎…, …，在⏎…)
    alone = len(words) > 1 and words[-2] in _PAUSES and words[-1] not in _FUNCTION_CHARS
    return len(words) > 1 and len(words[-1]) == 1 and (len(words[-2]) > 1 or alone) \
        and lines.is_han_char(words[-1]) and words[-1] not in _PARTICLES \
        and stops_inside_a_word(text, "", following)


_PAUSES = frozenset("，,、")


_CUT_LABEL_HAN = 8


def _cut_label(blocks: list[Block], previous: Block, current: Block) -> bool:
    """A line without a clause's punctuation after a sentence's end that stops inside a word
    (…会议应出席代, …针对偏远农村地区失能人员长期) before a paragraph that opens as news does
    and does not take up its words, or right under a numbered heading before any paragraph that
    does not take them up (二、…情况⏎全省校舍建设资⏎资金支出率…): a paragraph cut before its
    first comma. A headline or a sub-heading stops on a whole word and its paragraph restates
    it (``restated``)."""
    text = previous.text
    if previous.kind not in _TEXT_KINDS or previous.index == 0 \
            or _CLAUSE_PUNCTUATION.search(text) or not lines.has_han(text, _CUT_LINE_HAN) \
            or lines.is_chrome(text) or lines.is_caption(text):
        return False
    before = blocks[previous.index - 1]
    # under a numbered heading of its own (二、…情况⏎全省校舍建设资⏎资金支出率…): a sub-heading
    # would stop on a whole word, so the line need not be followed by a paragraph of news
    titled = before.heading is not None and not before.heading.inline
    if not titled and (not before.ends_sentence or before.kind is not Kind.BODY
                       or not lines.has_han(text, _CUT_LABEL_HAN)):
        return False
    following = current.text
    return cut_mid_sentence(text) and not dangles(text) and (titled or frame_of(following)) \
        and current.ends_sentence and lines.has_han(following, _CUT_NEXT_HAN) \
        and not restated(text, following) and not split_across(previous, current) \
        and stops_inside_a_word(text, "", following)


def _cut_source_line(previous: Block, current: Block) -> bool:
    """The opening of a news report after its source (``央视网消息（新闻联播）：国家主席…同新西兰总``,
    ``…：中共中央、国务院近日印发了《成渝``, ``…：全国人大``) without a stop, before a paragraph
    that opens as news does: the report's first sentence was cut before its first comma."""
    text = previous.text
    source = _SOURCE_FRAME.match(text)
    if source is None or previous.kind not in (Kind.BODY, Kind.LABEL) \
            or _CLAUSE_PUNCTUATION.search(text, source.end()) \
            or not lines.has_han(text[source.end():], _CUT_LINE_HAN):
        return False
    following = current.text
    return lines.is_han_char(text[-1]) and not dangles(text) and bool(frame_of(following)) \
        and current.ends_sentence and lines.has_han(following, _CUT_NEXT_HAN) \
        and not split_across(previous, current)


_CUT_LINE_HAN = 6


# The last clause holds a few characters of text (not a date or a figure alone), or a single one
# after a pause (…加大宣传，积), a word cut in two.
_LAST_CLAUSE_HAN = lazy_regex(r"\p{Han}{3,}[^，,；;。！？!?]*$|[，,、]\p{Han}$")


# How a paragraph of news opens, before its first comma or colon: where the item comes from
# (央视网消息（新闻联播）：, 据新华社报道，), who speaks (习近平指出， 美国特工处当天说，),
# when or where it happens (2018年8月， 今天（3月24日）， 上午9时30分许， 从各地试点效果来看，
# 顶层设计之下，). The rest of a sentence broken off in its middle does not open so.
_SOURCE_FRAME = lazy_regex(
    r"^[^，,。；;：:]{0,16}消息[（(][^（()）\n]{1,16}[）)][：:]"
    r"|^据[^，,。；;：:]{2,20}(?:报道|消息|介绍|统计|了解)[，,]"
)
_SPEAKER_FRAME = lazy_regex(
    r"^(?!\p{Han}{0,6}(?:来说|而言|就是说|是说|比如说|据说))[^，,。；;：:“”\n]{2,18}?"
    r"(?:指出|表示|强调|认为|介绍|表明|透露|宣布|说|写道|坦言|回忆|获悉|了解到|发现)[，,：:]"
)
_TIME_FRAME = lazy_regex(
    r"^(?:“[^“”\n]{1,10}”)?[^，,。；;：:“”《》\n]{1,12}?"
    r"(?:年|月|日|时|许|[年以月天期]来|后|间|期|初|底|末|天|节|之下|上|中|来看|看来)"
    r"(?:[（(][^（()）\n]{1,12}[）)])?[，,]"
)
# where (在安徽合肥的大科学装置聚变堆园区，) or why (受利好政策影响，)
_PLACE_FRAME = lazy_regex(r"^(?:在[^，,。；;：:“”《》\n]{3,16}|受[^，,。；;：:\n]{2,16}影响)[，,]")
# who must act, as a notice's paragraph opens (各地要…, 各市教育局要…, 各有关高校应…)
_DUTY_FRAME = lazy_regex(
    r"^各(?:地|市|县|级|有关|相关|单位|部门|学校|高校|校)[^，,。；;：:“”《》\n]{0,12}?(?:要|应|须|务必)(?!求)"
)


STRONG_FRAME = 2
_WEAK_FRAME = 1


def frame_of(text: str) -> int:
    """How the line opens a paragraph of news: with its source or its speaker (``_SOURCE_FRAME``,
    ``_SPEAKER_FRAME``: 2), with its time or place (``_TIME_FRAME``, ``_PLACE_FRAME``: 1), or
    as a notice's paragraph, with who must act (``_DUTY_FRAME``: 1), or not (0). The rest of a
    sentence broken off in its middle opens with none of them."""
    if _SOURCE_FRAME.match(text) or (_SPEAKER_FRAME.match(text) and _names_a_speaker(text)):
        return STRONG_FRAME
    return _WEAK_FRAME if _TIME_FRAME.match(text) or _PLACE_FRAME.match(text) \
        or _DUTY_FRAME.match(text) else 0


_NO_SPEAKER_TAGS = ("v", "d", "c", "p")


def _names_a_speaker(text: str) -> bool:
    """The reporting verb has its subject on the line (习近平指出， 文章指出， 美国特工处当天说，), not
    on the line before (…相关负责人⏎介绍说，…: the rest of that sentence)."""
    if not segmenter.available():
        return True
    return not segmenter.tagged(text[:_WORD_WINDOW])[0][1].startswith(_NO_SPEAKER_TAGS)


_RESTATED_SHARE = 0.4
_RESTATE_WINDOW = 160  # the start of the paragraph, where a news item restates its headline
_HEADLINE_PAIRS = 4    # pairs of characters a headline needs to be told by its words
_HAN_PAIR = regex.compile(r"(?=(\p{Han}\p{Han}))")
_CLAUSE_PUNCTUATION = regex.compile(r"[，,。；;！？!?]")
_HEADLINE_END = lazy_regex(r"[\p{Han}”’》」）)%％]$")  # not a figure waiting for its unit (…超1546)


def restated(line: str, paragraph: str) -> bool:
    """The paragraph takes up the words of the line (a headline and its item: ``古巴驻美大使馆遭
    枪击 一嫌疑人被捕⏎古巴外交部…发表声明说，…向古巴驻美大使馆开枪…``): two in five of the line's pairs of
    Chinese characters stand in the paragraph's opening. The halves of a sentence broken over two
    lines, and a paragraph cut before the next one, rarely repeat each other so."""
    pairs = {m.group(1) for m in _HAN_PAIR.finditer(line)}
    if len(pairs) < _HEADLINE_PAIRS:
        return False
    window = paragraph[:_RESTATE_WINDOW]
    return sum(pair in window for pair in pairs) >= _RESTATED_SHARE * len(pairs)


def headline_over(line: Block, following: Block | None) -> bool:
    """``line`` is a news item's headline: a line without a stop or a clause's punctuation, set
    over a paragraph of its article that ends its sentences and restates it (``restated``), no
    word running across the break (…党的十一届⏎三中全会…制定的，… is one sentence)."""
    return following is not None and following.article == line.article \
        and following.line == line.line + 1 and following.kind is Kind.BODY \
        and _HEADLINE_END.search(line.text) is not None \
        and not line.ends_sentence and not _CLAUSE_PUNCTUATION.search(line.text) \
        and following.text[0] not in CLOSING_START and following.text[0] != "的" \
        and following.ends_sentence and restated(line.text, following.text) \
        and not (segmenter.available() and _joins(line.text, following.text))
