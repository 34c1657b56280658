"""Commented templates: a starter pack for `doclint new-rule` (one rule of each type).

Every template passes `doclint test-rules` as written (the test-suite checks it).
"""

from __future__ import annotations

from doclint.core.diagnostic import Category
from doclint.yamlrules.schema import SCOPES, TYPES

HEADER = """\
# A doclint rule pack: one YAML file, any number of rules.
# Check it:           doclint test-rules {file}
# Use it:             add it to .doclint.yaml as   rule_packs: [{file}]
# Format reference:   docs/rule-packs.md
name: {pack}  # lower-case words joined by "-"; findings show origin "pack:{pack}"
prefix: {prefix}  # every code of this pack starts with it
description: 本单位的文字规范（示例）。
rules:
"""

COMMON = """\
  - code: {code}{code_pad}# prefix + three digits, unique among all rules (doclint rules)
    type: {kind}{type_pad}# {types}
    category: {category}{category_pad}# one of: {categories}
    severity: warning         # error | warning | info
    scope: {scope}{scope_pad}# {scopes}
    summary:                  # one line for `doclint rules` (optional)
      zh: "{summary_zh}"
      en: "{summary_en}"
    message:                  # str.format fields: {fields}
      zh: "{message_zh}"
      en: "{message_en}"
"""

# Per type: category, scope, summary, message, the type's own keys, and the examples.
BODIES: dict[str, dict[str, str]] = {
    "existence": {
        "category": "punctuation", "scope": "line",
        "summary_zh": "使用了“...”式省略号。", "summary_en": "An ellipsis written as dots.",
        "message_zh": "省略号应写作“……”，不写作“{{match}}”。",
        "message_en": "Write the ellipsis as “……”, not “{{match}}”.",
        "keys": """\
    tokens:                   # patterns (Python `regex` syntax); any match is reported
      - '\\.{{3,}}'
    exceptions:               # a match inside a match of these is not reported
      - 'https?://\\S+'
    examples:                 # `doclint test-rules` checks them: bad fires, good does not
      bad: ["苹果、香蕉..."]
      good: ["苹果、香蕉……", "见 https://example.org/a...b"]
""",
    },
    "substitution": {
        "category": "number-format", "scope": "line",
        "summary_zh": "发文字号的年份未用六角括号。",
        "summary_en": "A document-number year not in 〔〕.",
        "message_zh": "发文字号应写作“{{replacement}}”。",
        "message_en": "Write the document number as “{{replacement}}”.",
        "keys": """\
    swap:                     # pattern -> replacement; \\1 is the pattern's group 1
      '(\\p{{Han}}{{1,12}})[\\[［【]((?:19|20)\\d{{2}})[\\]］】](\\d+号)': '\\1〔\\2〕\\3'
    fix: safe                 # safe (--fix) | unsafe (--unsafe-fixes) | suggestion | none
    examples:
      bad:
        - text: "依据国办发[2024]5号文件。"
          fixed: "依据国办发〔2024〕5号文件。"
      good: ["依据国办发〔2024〕5号文件。"]
""",
    },
    "occurrence": {
        "category": "punctuation", "scope": "sentence",
        "summary_zh": "一句话里有多个冒号。", "summary_en": "Several colons in one sentence.",
        "message_zh": "一句话里有{{count}}个冒号，最多{{max}}个。",
        "message_en": "{{count}} colons in one sentence; at most {{max}}.",
        "keys": """\
    token: '：'               # counted in each scope unit
    max: 1                    # and/or min: N
    examples:
      bad: ["现通知如下：请各单位：按时报送。"]
      good: ["现通知如下：请各单位按时报送。"]
""",
    },
    "repetition": {
        "category": "punctuation", "scope": "line",
        "summary_zh": "标点重复。", "summary_en": "Doubled punctuation.",
        "message_zh": "“{{token}}”连用了{{count}}次。",
        "message_en": "“{{token}}” used {{count}} times in a row.",
        "keys": """\
    tokens: ['。', '，']      # the same token twice or more in a row
    fix: safe                 # keeps one
    examples:
      bad:
        - text: "特此通知。。"
          fixed: "特此通知。"
      good: ["特此通知。"]
""",
    },
    "consistency": {
        "category": "mixed-width", "scope": "document",
        "summary_zh": "同一文档混用两种浪纹线。",
        "summary_en": "Two kinds of tilde in one document.",
        "message_zh": "此处用“{{match}}”，全文多用“{{other}}”（{{count}}处）。",
        "message_en": "“{{match}}” here, “{{other}}” elsewhere ({{count}} times).",
        "keys": """\
    either: {{'～': '~'}}       # form A: form B; the form used less often is reported
    literal: true             # the forms are plain text, not patterns
    fix: safe                 # replace with the majority form
    examples:
      bad:
        - text: "5～10天，3~5天，2～3天"
          fixed: "5～10天，3～5天，2～3天"
      good: ["5～10天，2～3天"]
""",
    },
    "conditional": {
        "category": "other", "scope": "document",
        "summary_zh": "简称未先定义。", "summary_en": "An abbreviation used before it is defined.",
        "message_zh": "简称{{match}}没有用“以下简称”定义。",
        "message_en": "The abbreviation {{match}} is never defined with 以下简称.",
        "keys": """\
    first: '《(\\p{{Han}}{{2,4}})》'       # when this matches ...
    second: '以下简称《(\\p{{Han}}{{2,4}})》'   # ... this must too (group 1 must agree)
    examples:
      bad: ["贯彻《纲要》要求。"]
      good: ["《国家中长期发展规划纲要》（以下简称《纲要》）提出，贯彻《纲要》要求。"]
""",
    },
    "pairing": {
        "category": "punctuation", "scope": "paragraph",
        "summary_zh": "括号不配对。", "summary_en": "Unbalanced brackets.",
        "message_zh": "“{{match}}”{{problem}}。", "message_en": "“{{match}}” {{problem}}.",
        "keys": """\
    pairs: {{'（': '）', '〔': '〕', '“': '”', '‘': '’'}}   # opening mark: closing mark
    nesting: {{'“': '‘'}}       # inside “…” a quotation uses ‘…’
    continues: ['“']          # a quotation may run over paragraphs (each opens with “)
    fix: safe                 # fixes nesting only
    examples:
      bad:
        - "（一）加强组织领导）"
        - text: "提出“坚持“两个毫不动摇””。"
          fixed: "提出“坚持‘两个毫不动摇’”。"
      good: ["（一）加强组织领导", "“第一段。\\n“第二段。”"]
""",
    },
}


def rule_template(kind: str, code: str) -> str:
    body = BODIES[kind]
    fields = ", ".join("{" + f + "}" for f in sorted(TYPES[kind].fields))
    text = COMMON.format(
        code=code, code_pad=_pad("- code: " + code, 28), kind=kind,
        type_pad=_pad("type: " + kind, 26),
        types=" | ".join(TYPES), category=body["category"],
        category_pad=_pad("category: " + body["category"], 26),
        categories=", ".join(c.value for c in Category), scope=body["scope"],
        scope_pad=_pad("scope: " + body["scope"], 26), scopes=" | ".join(SCOPES),
        fields=fields.replace("{", "{{").replace("}", "}}"),
        summary_zh=body["summary_zh"], summary_en=body["summary_en"],
        message_zh=body["message_zh"], message_en=body["message_en"],
    )
    return text.replace("{{", "{").replace("}}", "}") + body["keys"].format()


def pack_template(kind: str = "substitution", code: str = "AB001", pack: str = "my-rules",
                  file: str = "my-rules.yaml") -> str:
    """A whole pack with one rule of ``kind`` (``all``: one rule of every type)."""
    prefix = code[:-3]
    if kind == "all":
        number = int(code[-3:])
        rules = "".join(rule_template(k, f"{prefix}{number + i:03d}") for i, k in enumerate(TYPES))
    else:
        rules = rule_template(kind, code)
    return HEADER.format(file=file, pack=pack, prefix=prefix + " " * (2 - len(prefix))) + rules


def _pad(text: str, width: int) -> str:
    return " " * max(1, width - len(text))
