"""Config: discovery, validation with positions, selection, severities, options, ignores."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import pluggy
import pytest

import doclint.readers
from doclint.core import Category, Document, Finding, Message, Option, Rule, Severity, Span
from doclint.core.config import Config, apply_mapping, find_config, load_config
from doclint.core.errors import ConfigError
from doclint.core.registry import RuleRegistry
from doclint.plugins.hookspecs import DoclintSpec, hookimpl
from doclint.runner.engine import Engine


class _Fake(Rule):
    abstract = True

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.report(Span(0, 1))


class RuleA101(_Fake):
    code, name, category = "AB101", "fake.one", Category.PLACEHOLDER
    severity = Severity.ERROR
    summary = Message("甲", "one")
    options: ClassVar[Mapping[str, Option]] = {
        "min": Option(int, 3, "minimum"),
        "mode": Option(str, "fast", "mode", ("fast", "slow")),
    }


class RuleA102(_Fake):
    code, name, category = "AB102", "fake.two", Category.SPACING
    summary = Message("乙", "two")


class RuleA201(_Fake):
    code, name, category = "AB201", "fake.three", Category.PLACEHOLDER
    summary = Message("丙", "three")


class RuleC301(_Fake):
    code, name, category = "CD301", "fake.four", Category.SPACING
    severity = Severity.INFO
    summary = Message("丁", "four")
    default_enabled = False


FAKES = (RuleA101, RuleA102, RuleA201, RuleC301)


class FakePlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return list(FAKES)


def fake_engine(config: Config) -> Engine:
    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(DoclintSpec)
    pm.register(doclint.readers)
    pm.register(FakePlugin())
    return Engine(config, pm)


def codes(rules: list[type]) -> list[str]:
    return [r.code for r in rules]


# --- selection -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("select", "ignore", "extend", "expected"),
    [
        (None, [], [], ["AB101", "AB102", "AB201"]),           # CD301 is off by default
        (["ALL"], [], [], ["AB101", "AB102", "AB201", "CD301"]),
        (["AB"], [], [], ["AB101", "AB102", "AB201"]),
        (["AB"], ["AB1"], [], ["AB201"]),
        (["AB1"], ["AB"], [], ["AB101", "AB102"]),             # the longer prefix wins
        (["AB101"], ["AB1"], [], ["AB101"]),                   # the full code wins
        (["AB1"], ["AB1"], [], []),                            # a tie is ignored
        (["placeholder"], [], [], ["AB101", "AB201"]),
        (["placeholder"], ["AB201"], [], ["AB101"]),
        (["ALL"], ["spacing"], [], ["AB101", "AB201"]),
        (["spacing"], [], ["AB201"], ["AB102", "AB201", "CD301"]),
        (["AB"], ["placeholder"], [], ["AB101", "AB102", "AB201"]),  # a prefix beats a category
        (["fake.two"], [], [], ["AB102"]),                     # a rule name
        (None, ["ALL"], ["CD"], ["CD301"]),
    ],
)
def test_most_specific_selector_wins(select: list[str] | None, ignore: list[str],
                                     extend: list[str], expected: list[str]) -> None:
    registry = RuleRegistry(FAKES)
    assert codes(registry.select(select, ignore, extend)) == expected


def test_is_selector() -> None:
    registry = RuleRegistry(FAKES)
    for good in ("ALL", "AB", "AB1", "AB101", "spacing", "fake.one", "other"):
        assert registry.is_selector(good), good
    for bad in ("AB9", "ZZ", "not-a-category", "fake.five"):
        assert not registry.is_selector(bad), bad


def test_duplicate_codes_are_rejected() -> None:
    class Clash(_Fake):
        code, name, category = "AB101", "fake.clash", Category.OTHER
        summary = Message("戊", "clash")

    with pytest.raises(Exception, match="AB101"):
        RuleRegistry((RuleA101, Clash))


def test_severity_overrides_most_specific_wins() -> None:
    config = Config(severity={"AB": Severity.INFO, "AB1": Severity.WARNING,
                              "spacing": Severity.ERROR})
    engine = fake_engine(config)
    levels = {r.code: engine.severity_of(r) for r in FAKES}
    assert levels == {"AB101": Severity.WARNING, "AB102": Severity.WARNING,
                      "AB201": Severity.INFO, "CD301": Severity.ERROR}


def test_rule_options_reach_the_rule_instance() -> None:
    engine = fake_engine(Config(rules={"AB101": {"min": 5}}))
    assert engine.instance(RuleA101).config == {"min": 5, "mode": "fast"}
    by_name = fake_engine(Config(rules={"fake.one": {"mode": "slow"}}))
    assert by_name.instance(RuleA101).config == {"min": 3, "mode": "slow"}


def test_per_file_ignores() -> None:
    config = Config(select=["AB"], per_file_ignores={"*.md": ["AB1"], "drafts/*": ["AB201"]})
    assert config.ignores_for("notes/a.md") == ["AB1"]
    assert config.ignores_for("drafts/b.txt") == ["AB201"]
    assert config.ignores_for("a.txt") == []
    engine = fake_engine(config)
    assert [a.rule.code for a in engine.rules_for("x/a.md")[0]] == ["AB201"]
    assert [a.rule.code for a in engine.rules_for("drafts/b.txt")[0]] == ["AB101", "AB102"]
    assert [a.rule.code for a in engine.rules_for("a.txt")[0]] == ["AB101", "AB102", "AB201"]


# --- discovery -----------------------------------------------------------------------------

def test_config_is_found_upward(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    target = deep / "doc.txt"
    target.write_text("x", encoding="utf-8")
    (tmp_path / "doclint.yaml").write_text("select: [P]\n", encoding="utf-8")
    assert find_config(target) == tmp_path / "doclint.yaml"
    assert find_config(deep) == tmp_path / "doclint.yaml"
    # A pyproject.toml without [tool.doclint] does not stop the search ...
    (deep / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(target) == tmp_path / "doclint.yaml"
    # ... a nearer .doclint.yaml does, and a pyproject with the section does.
    (tmp_path / "a" / ".doclint.yaml").write_text("select: [N]\n", encoding="utf-8")
    assert find_config(target) == tmp_path / "a" / ".doclint.yaml"
    (deep / "pyproject.toml").write_text('[tool.doclint]\nselect = ["T"]\n', encoding="utf-8")
    assert find_config(target) == deep / "pyproject.toml"
    assert load_config(deep / "pyproject.toml").select == ["T"]


def test_names_in_one_directory_are_tried_in_order(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    (tmp_path / ".doclint.yaml").write_text("{}\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / ".doclint.yaml"
    (tmp_path / "doclint.yaml").write_text("{}\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "doclint.yaml"


def test_load_every_key(tmp_path: Path) -> None:
    path = tmp_path / "doclint.yaml"
    path.write_text(
        "select: [AB, spacing]\n"
        "ignore: [AB201]\n"
        "extend_select: [CD]\n"
        "per-file-ignores:\n  '*.md': AB1\n"
        "severity: {AB102: error}\n"
        "rules:\n  AB101: {min: 7}\n"
        "include: ['*.txt']\n"
        "exclude: [drafts]\n"
        "year: 2019\n"
        "years: {'2015*': 2015}\n"
        "lang: en\n"
        "fail-on: warning\n"
        "jobs: 2\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.select == ["AB", "spacing"]
    assert config.ignore == ["AB201"]
    assert config.extend_select == ["CD"]
    assert config.per_file_ignores == {"*.md": ["AB1"]}
    assert config.severity == {"AB102": Severity.ERROR}
    assert config.rules == {"AB101": {"min": 7}}
    assert (config.include, config.exclude) == (["*.txt"], ["drafts"])
    assert config.year == 2019
    assert (config.year_for("2015报告.txt"), config.year_for("x.txt")) == (2015, 2019)
    assert (config.lang, config.fail_on, config.jobs) == ("en", Severity.WARNING, 2)
    fake_engine(config)  # every selector, code and option is known


# --- errors point at file:line:column ----------------------------------------------------

def error_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "doclint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        fake_engine(load_config(path))
    message = str(info.value)
    assert "\n" not in message
    prefix = f"{path}:"
    assert message.startswith(prefix)
    return message[len(prefix):]


def test_unknown_key(tmp_path: Path) -> None:
    assert error_of(tmp_path, "select: [AB]\nselekt: [AB]\n").startswith(
        '2:1: unknown key "selekt" (known keys: ')


def test_unknown_code_in_a_list(tmp_path: Path) -> None:
    assert error_of(tmp_path, "select: [AB]\nignore:\n  - AB102\n  - ZZ999\n") == (
        '4:5: unknown rule code, prefix or category "ZZ999" in ignore')


def test_unknown_category(tmp_path: Path) -> None:
    assert error_of(tmp_path, "select: [AB, placeholders]\n") == (
        '1:14: unknown rule code, prefix or category "placeholders" in select')


def test_unknown_selector_in_per_file_ignores(tmp_path: Path) -> None:
    assert error_of(tmp_path, "per-file-ignores:\n  '*.md': [AB1, XY]\n") == (
        '2:17: unknown rule code, prefix or category "XY" in per-file-ignores.*.md')


def test_unknown_selector_in_severity(tmp_path: Path) -> None:
    assert error_of(tmp_path, "severity:\n  AB1: error\n  QQ: info\n") == (
        '3:3: unknown rule code, prefix or category "QQ" in severity')


def test_bad_severity(tmp_path: Path) -> None:
    assert error_of(tmp_path, "severity:\n  AB1: fatal\n") == (
        "2:3: unknown severity 'fatal' (expected error, warning or info)")


def test_unknown_rule_in_rules(tmp_path: Path) -> None:
    assert error_of(tmp_path, "rules:\n  ZZ101: {min: 1}\n") == '2:3: unknown rule "ZZ101" in rules'


def test_unknown_option(tmp_path: Path) -> None:
    assert error_of(tmp_path, "rules:\n  AB101:\n    minimum: 1\n") == (
        '3:5: unknown option "minimum" for AB101 (known: min, mode)')


def test_bad_option_type_and_choice(tmp_path: Path) -> None:
    assert error_of(tmp_path, "rules:\n  AB101:\n    min: many\n") == (
        "3:5: option 'min' expects int, got 'many'")
    assert error_of(tmp_path, "rules:\n  AB101:\n    mode: slowest\n") == (
        "3:5: option 'mode' must be one of ['fast', 'slow'], got 'slowest'")


def test_wrong_value_types(tmp_path: Path) -> None:
    assert error_of(tmp_path, "select: AB\n") == '1:1: "select" must be a list'
    assert error_of(tmp_path, "select: [AB, 3]\n") == '1:14: "select" must list strings, got 3'
    assert error_of(tmp_path, "lang: fr\n") == '1:1: "lang" must be zh or en'
    assert error_of(tmp_path, "jobs: 0\n") == '1:1: "jobs" must be a positive number or auto'
    assert error_of(tmp_path, "year: true\n") == '1:1: "year" must be a number'


def test_invalid_yaml(tmp_path: Path) -> None:
    assert error_of(tmp_path, "select: [AB\n").startswith("2:1: invalid YAML: ")
    assert error_of(tmp_path, "- AB\n") == "1:1: the config must be a mapping of keys"
    assert "duplicate key" in error_of(tmp_path, "select: [AB]\nselect: [CD]\n")


def test_pyproject_errors_point_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.doclint]\nselect = ["AB"]\nbogus = 1\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f'{path}:6:1: unknown key "bogus"')


def test_mapping_without_a_file_has_no_position() -> None:
    config = Config()
    with pytest.raises(ConfigError) as info:
        apply_mapping(config, {"nope": 1})
    assert str(info.value).startswith('unknown key "nope"')
