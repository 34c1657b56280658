"""Whether a document was anonymised: its masks are redactions, not a template's blanks.

Datasets of citizens' letters and official replies are published with identifying details
removed: places rewritten to letter codes (``A市A2区``), identity and telephone numbers masked
(``*****************``, ``0000-00000000``). A text that names two people by surname alone
(``李某某女士``, ``业主王某某``) withholds names: its ``某某小区`` is a redaction too, though an
``XX`` there may still be a template's blank. In such a document ``XX``, ``***`` and ``某某``
stand for what the publisher removed on purpose; they are not blanks an author forgot to fill.
"""

from __future__ import annotations

import regex

from doclint.core import Document
from doclint.core.lazyregex import lazy_regex

# "王某某", "李某": a person the text names anonymously, by surname.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
    "苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# Two people named by surname and 某某 (李某某女士, 业主王某某): the document withholds names.
_ANONYMOUS_PERSON = regex.compile(r"(?P<surname>\p{Han})某某")
_ANONYMOUS_PEOPLE = 2
# A mask longer than any template blank, or a zeroed telephone number.
_REDACTION = lazy_regex(r"[*＊×]{6,}|[XxＸｘ]{6,}|(?<!\d)0{3,4}-0{6,8}(?!\d)")
# A county, city or township rewritten to a letter code: "A市", "A2区", "K7县".
_CODED_PLACE = lazy_regex(
    r"(?<![A-Za-z\d])[A-Z](?P<number>\d{1,2})?(?:省|市|县|区|镇|乡|村|街道|社区)"
)
_CODED_PLACES = 2  # one "A区" is a hall of an exhibition; two are a rewritten address


class Anonymisation:
    """``anonymised``: the document shows that identifying details were masked on purpose;
    ``names_withheld``: it names people by surname alone, so its other ``某某`` (某某小区,
    某某公司) withhold names too."""

    def __init__(self, anonymised: bool, names_withheld: bool = False) -> None:
        self.anonymised = anonymised
        self.names_withheld = names_withheld

    @classmethod
    def from_document(cls, doc: Document) -> Anonymisation:
        text = doc.text
        if _REDACTION.search(text):
            return cls(True)
        places = 0
        for match in _CODED_PLACE.finditer(text):
            places += 1
            if match.group("number") or places >= _CODED_PLACES:
                return cls(True)
        people = {m.group("surname") for m in _ANONYMOUS_PERSON.finditer(text)
                  if m.group("surname") in SURNAMES}
        return cls(False, len(people) >= _ANONYMOUS_PEOPLE)
