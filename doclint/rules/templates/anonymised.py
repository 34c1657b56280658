"""Whether a document was anonymised: its masks are redactions, not a template's blanks.

Datasets of citizens' letters and official replies are published with identifying details
removed: places rewritten to letter codes (``A市A2区``), identity and telephone numbers masked
(``*****************``, ``0000-00000000``). A text that names two people by surname alone
(``李某某女士``, ``业主王某某``) withholds names: its ``某某小区`` is a redaction too, though an
``XX`` there may still be a template's blank. In such a document ``XX``, ``***`` and ``某某``
stand for what the publisher removed on purpose; they are not blanks an author forgot to fill.

Archives of issued documents (公文) are published the same way: the document keeps its number
(〔2022〕41号), its dates and its units, and the publisher masks the people in it. It shows
where contact data was cut short (a telephone number whose last digits are ``XXXX``, an e-mail
address whose name is ``XXX@``), where a name no template would leave blank was masked (``XXX总
书记``), or it masks several names under a document number of its own. A template's blanks
stand in a text that names no real document, and the first half of a real telephone number is
never among them.
"""

from __future__ import annotations

from doclint.core import Document
from doclint.core.lazyregex import lazy_regex, matches_at_least

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
_ANONYMOUS_PERSON = lazy_regex(r"(?P<surname>\p{Han})某某")
_ANONYMOUS_PEOPLE = 2
# A mask longer than any template blank, or a zeroed telephone number.
_REDACTION = lazy_regex(r"[*＊×]{6,}|[XxＸｘ]{6,}|(?<!\d)0{3,4}-0{6,8}(?!\d)")
# A county, city or township rewritten to a letter code: "A市", "A2区", "K7县".
_CODED_PLACE = lazy_regex(
    r"(?<![A-Za-z\d])[A-Z](?P<number>\d{1,2})?(?:省|市|县|区|镇|乡|村|街道|社区)"
)
_CODED_PLACES = 2  # one "A区" is a hall of an exhibition; two are a rewritten address
# Personal data cut short: a telephone or identity number whose last digits were masked
# ("1398605XXXX", "029-8100XXXX", "61042519871102XXXX"), the name of an e-mail address
# masked before its real domain ("XXX@sgcc.com.cn"). A template blanks a number whole.
_MASK = r"(?:[XxＸｘ]{2,}|[*＊]{2,})"
_CUT_NUMBER = lazy_regex(
    rf"(?<![\dA-Za-z])(?:\d{{3,4}}[-—一－]\s?)?\d{{3,}}{_MASK}(?![A-Za-z年])"
)
_CUT_NUMBER_LENGTH = 7  # a telephone number at least; "20XX" is a year
_MASKED_MAIL = lazy_regex(
    rf"(?<![A-Za-z\d._%+-]){_MASK}@\s?(?![XxＸｘ*＊])[A-Za-z\d-]+(?:\.[A-Za-z\d-]+)+"
)
# A name only one person bears, masked: the general secretary's (XXX总书记, 以XXX同志为核心,
# XXX新时代中国特色社会主义思想). A template names the local leader it leaves blank (XX书记).
_MASKED_LEADER = lazy_regex(
    rf"(?<![A-Za-z]){_MASK}(?:同志)?(?:总书记|新时代中国特色社会主义思想)"
    rf"|以{_MASK}同志为(?:核心|总书记)"
)
# The number an issued document bears in its head ("泉电函〔2022〕41号", a scan's "〔20221 102号").
_OWN_NUMBER = lazy_regex(r"[〔\[［](?:19|20)\d{2}[〕\]］1l]\s?的?\d{1,4}号")
_HEAD = 200
# Masked names of people in such a document: a template's blank may stand once in a real
# document, the publisher masks every person. A mask stands for a person after an office or a
# list's label ("党委副书记XXX在……", "决定：XXX任……", "候选人：XXX、XXX") or before what a person
# is or does ("XXX同志", "XXX（女）", "XXX任……", "XXX总经理主持"); the blanks of a form's
# file name ("4.XX企业研发资料.doc") stand for a company.
_NAME_MASK = lazy_regex(
    r"(?<=(?:书记|经理|董事长|主任|组长|成员|[省市县区局厅处科部院站]长|秘书|主席|委员|候选人"
    r"|人选为|免去|授权|联系人|签发人|拟稿人|负责人|第[一二三四五六七八九十\d]{1,3}名)"
    r"[ \u3000]*[:：]?[ \u3000]*|[、，,；;])"
    rf"{_MASK}(?![A-Za-z\d@])"
    rf"|(?<![A-Za-z\d]){_MASK}(?=同志|[（(][男女][）)]|[，,][男女]|任\p{{Han}}|的\p{{Han}}{{2,30}}职务"
    r"|副?(?:总经理|总|书记|董事长|主任|局长|厅长|省长|市长|县长|区长)|在\p{Han}{0,12}主持)"
)
_MASKED_NAMES = 2
# … or the one person a field of the document names: who signed it, who answers for it.
_MASKED_FIELD = lazy_regex(
    rf"(?:签发人|联系人|拟稿人|核稿人|经办人|承办人|审核人)[ \u3000]*[:：][ \u3000]*{_MASK}(?![A-Za-z\d@])"
)


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
        if _REDACTION.search(text) or _redacted_record(text):
            return cls(True)
        places = 0
        for match in _CODED_PLACE.finditer(text):
            places += 1
            if match.group("number") or places >= _CODED_PLACES:
                return cls(True)
        people = {m.group("surname") for m in _ANONYMOUS_PERSON.finditer(text)
                  if m.group("surname") in SURNAMES}
        return cls(False, len(people) >= _ANONYMOUS_PEOPLE)


def _redacted_record(text: str) -> bool:
    """A real record whose people were masked: contact data cut short, the general secretary's
    name masked, or under the document's own number several names or the name of a field
    (签发人：XXX, 联系人：XXX)."""
    if any(len(m.group()) >= _CUT_NUMBER_LENGTH for m in _CUT_NUMBER.finditer(text)):
        return True
    if _MASKED_MAIL.search(text) or _MASKED_LEADER.search(text):
        return True
    if not _OWN_NUMBER.search(text, 0, _HEAD):
        return False
    if _MASKED_FIELD.search(text):
        return True
    return matches_at_least(_NAME_MASK, text, _MASKED_NAMES)
