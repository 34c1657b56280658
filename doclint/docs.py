"""Rule documentation generated from the rules themselves (`doclint rule CODE`, docs/rules)."""

from __future__ import annotations

from typing import Any

from doclint.core.rule import Examples, RuleMeta
from doclint.precision import measured


def rule_record(rule: type[RuleMeta], lang: str = "zh") -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "severity": rule.severity.label,
        "fixable": rule.fixable,
        "maturity": rule.maturity.value,
        "precision": precision_record(rule.code),
        "origin": rule.origin,
        "scope": rule.scope,
        "summary": rule.summary.get(lang),
        "basis": rule.basis,
        "options": {k: {"default": o.default, "doc": o.doc} for k, o in rule.options.items()},
    }


def render_rule(rule: type[RuleMeta], lang: str = "zh") -> str:
    """A Markdown page: metadata, description, options, and the examples the tests run."""
    zh = lang != "en"
    out = [f"# {rule.code} {rule.name}", "", f"**{rule.summary.get(lang)}**", ""]
    other = rule.summary.get("en" if zh else "zh")
    out += [f"_{other}_", ""]
    rows = [("类别 category", rule.category.value), ("级别 severity", rule.severity.label),
            ("可修复 fixable", "yes" if rule.fixable else "no"),
            ("成熟度 maturity", _maturity(rule)),
            ("实测准确率 precision", precision_text(rule.code, lang)),
            ("来源 origin", rule.origin), ("范围 scope", rule.scope)]
    if rule.basis:
        rows.append(("依据 basis", rule.basis))
    out += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows] + [""]
    description = rule.description()
    if description:
        out += [description, ""]
    if rule.options:
        out += ["## 选项 Options", "", "| option | default | description |", "|---|---|---|"]
        out += [f"| `{k}` | `{o.default!r}` | {o.doc} |" for k, o in rule.options.items()]
        out.append("")
    out += _examples(rule.examples)
    return "\n".join(out).rstrip("\n") + "\n"


def _maturity(rule: type[RuleMeta]) -> str:
    if rule.maturity.value == "preview":
        return "preview（默认不启用；`--preview` 或按代码选择时启用）"
    return "stable（默认启用）"


def precision_record(code: str) -> dict[str, Any] | None:
    found = measured(code)
    if found is None or not found.judged:
        return None
    return {"judged": found.judged, "right": found.right, "precision": round(found.precision, 4),
            "low": found.low, "high": found.high, "fires": found.fires}


def precision_text(code: str, lang: str = "zh") -> str:
    found = measured(code)
    if found is None:
        return "not judged yet" if lang == "en" else "尚未判定"
    return found.describe(lang)


def _examples(examples: Examples) -> list[str]:
    out: list[str] = []
    if examples.bad:
        out += ["## 错误示例 Bad", ""]
        for item in map(Examples.as_example, examples.bad):
            out += ["```text", item.text, "```"]
            if item.fixed is not None:
                out += ["修复后 fixed:", "", "```text", item.fixed, "```"]
            out.append("")
    if examples.good:
        out += ["## 正确示例 Good", ""]
        for item in map(Examples.as_example, examples.good):
            out += ["```text", item.text, "```", ""]
    return out
