"""A disclosure field table: the fields a government page sets above its document, a cell a line.

Government information-disclosure pages (政府信息公开) head each document with a table of its
catalogue fields — 索引号, 发布机构, 文件编号, 公开类别, 主题分类 … — and a scrape that keeps one
cell a line writes each label on its own line with its value (if any) on the next:

    索取号
    3589258689/2025-00116
    载体类型
    发布机构
    某市住房和城乡建设管理委员会

Like a record header (:mod:`doclint.readers.record_header`), this is the page's metadata, not
the document: its issuer line is no title, its labels are no headings. The table needs at least
four distinct labels, set from the file's first line on, each alone on its line (a label may
carry its value after a colon); a label's value is the line after it unless that is a label too.
The table ends before the first line that is neither.
"""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex

_LABELS = (
    "索引号|索取号|信息索引号|主题分类|体裁分类|组配分类|服务对象|发布机构|发文机关|发文机构|生成日期|"
    "成文日期|发文日期|发布日期|生效日期|废止日期|实施日期|文号|文件编号|发文字号|主题词|关键词|关键字|"
    "公开方式|公开类别|公开范围|公开形式|公开时限|有效性|时效性|载体类型|记录形式|内容描述|内容概述|"
    "信息名称|信息来源|信息类别|所属机构|所属主题"
)
_LABEL = lazy_regex(rf"[ \t\u3000]*(?P<label>{_LABELS})[ \t\u3000]*(?:[:：][^\r\n]*)?")
_MIN_LABELS = 4
_MAX_LINES = 60


def field_table(source: str) -> tuple[int, dict[str, str]] | None:
    """Where the field table at the start of ``source`` ends (after its last line's break) and
    its fields, or None when the file has none."""
    fields: dict[str, str] = {}
    position = end = 0
    waiting = ""  # a bare label on the line before: this line may be its value
    for _ in range(_MAX_LINES):
        stop = source.find("\n", position)
        line_end = len(source) if stop < 0 else stop + 1
        line = source[position:line_end].strip()
        label = _LABEL.fullmatch(line)
        if label is not None:
            key = label.group("label")
            value = line[label.end("label"):].lstrip(" \t\u3000:：")
            fields.setdefault(key, value)
            waiting = "" if value or ":" in line or "：" in line else key
        elif line and waiting:
            fields[waiting] = line
            waiting = ""
        elif line:
            break  # the document starts
        end = line_end
        if stop < 0:
            break
        position = line_end
    return (end, fields) if len(fields) >= _MIN_LABELS else None
