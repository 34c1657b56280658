"""Maturity: preview rules are off unless --preview / `preview: true`, or selected by code."""

from __future__ import annotations

from pathlib import Path

import pluggy
import pytest

import doclint.readers
from doclint.core import Category, Maturity, Message, Rule
from doclint.core.config import Config, load_config
from doclint.core.errors import ConfigError
from doclint.core.registry import RuleRegistry
from doclint.plugins.hookspecs import DoclintSpec, hookimpl
from doclint.runner.engine import Engine
from tests.core.test_config import FAKES, FakePlugin, _Fake, codes


class RuleA301(_Fake):
    code, name, category = "AB301", "fake.preview", Category.PLACEHOLDER
    summary = Message("戊", "five")
    maturity = Maturity.PREVIEW


RULES = (*FAKES, RuleA301)


@pytest.mark.parametrize(
    ("select", "extend", "preview", "expected"),
    [
        (None, [], False, ["AB101", "AB102", "AB201"]),
        (None, [], True, ["AB101", "AB102", "AB201", "AB301"]),
        (["ALL"], [], False, ["AB101", "AB102", "AB201", "CD301"]),
        (["AB"], [], False, ["AB101", "AB102", "AB201"]),             # a prefix is not enough
        (["AB3"], [], False, []),
        (["placeholder"], [], False, ["AB101", "AB201"]),             # nor is a category
        (["placeholder"], [], True, ["AB101", "AB201", "AB301"]),
        (["AB301"], [], False, ["AB301"]),                            # the full code is
        (["ab301"], [], False, ["AB301"]),
        (["fake.preview"], [], False, ["AB301"]),                     # and so is the name
        (None, ["AB301"], False, ["AB101", "AB102", "AB201", "AB301"]),
    ],
)
def test_preview_rules_need_preview_or_their_code(select: list[str] | None, extend: list[str],
                                                  preview: bool, expected: list[str]) -> None:
    registry = RuleRegistry(RULES)
    assert codes(registry.select(select, (), extend, preview=preview)) == expected


def test_ignore_still_wins_over_preview() -> None:
    registry = RuleRegistry(RULES)
    assert codes(registry.select(None, ["AB3"], [], preview=True)) == ["AB101", "AB102", "AB201"]


def test_preview_key_in_the_config(tmp_path: Path) -> None:
    path = tmp_path / "doclint.yaml"
    path.write_text("preview: true\n", encoding="utf-8")
    config = load_config(path)
    assert config.preview is True
    assert config.as_dict()["preview"] is True
    path.write_text("preview: yes please\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r':1:1: "preview" must be a true or false'):
        load_config(path)


def test_maturity_must_be_a_maturity() -> None:
    with pytest.raises(TypeError, match="maturity must be a doclint Maturity"):
        class Bad(Rule):
            code, name, category = "AB999", "fake.bad", Category.OTHER
            summary = Message("己", "six")
            maturity = "preview"  # type: ignore[assignment]


class PreviewPlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [RuleA301]


@pytest.mark.parametrize(("config", "on"), [(Config(), False), (Config(preview=True), True),
                                            (Config(extend_select=["AB301"]), True)])
def test_engine_runs_preview_rules_when_asked(config: Config, on: bool) -> None:
    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(DoclintSpec)
    pm.register(doclint.readers)
    pm.register(FakePlugin())
    pm.register(PreviewPlugin())
    active, _ = Engine(config, pm).rules_for("a.txt")
    assert ("AB301" in [a.rule.code for a in active]) is on
