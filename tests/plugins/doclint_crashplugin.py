"""A doclint plugin whose rule crashes on documents with “崩”, and whose reader always crashes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from doclint import Category, Document, Finding, Message, Rule, hookimpl


class CrashingRule(Rule):
    """测试插件规则：遇到“崩”字时抛出异常。"""

    code = "XT201"
    name = "testplugin.crash"
    category = Category.OTHER
    summary = Message("会崩溃的规则。", "A rule that crashes.")

    def check(self, doc: Document) -> Iterator[Finding]:
        if "崩" in doc.text:
            raise ZeroDivisionError("division by zero in the test plugin")
        yield from ()


@hookimpl
def doclint_rules() -> list[type]:
    return [CrashingRule]


def read_crash(path: str, data: bytes, encoding: str | None = None) -> Document:
    raise KeyError("the reader has a bug")


@hookimpl
def doclint_readers() -> Mapping[str, Any]:
    return {".crash": read_crash}
