"""SARIF output validates against the official SARIF 2.1.0 schema, offline."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py

HERE = Path(__file__).resolve().parent
SCHEMA_ID = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"


def refuse_to_fetch(uri: str) -> Any:
    raise AssertionError(f"the SARIF schema must validate offline, but {uri} was requested")


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == SCHEMA_ID
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(schema)  # the draft-07 meta-schema ships with jsonschema
    # Every $ref of the schema is local; any retrieval would be a network fetch: refuse it.
    return cls(schema, registry=Registry(retrieve=refuse_to_fetch),
               format_checker=cls.FORMAT_CHECKER)


def errors(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(log)]


def test_golden_sarif_is_valid(validator: jsonschema.protocols.Validator) -> None:
    log = json.loads((HERE / "golden" / "report.sarif").read_text(encoding="utf-8"))
    assert errors(validator, log) == []
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert any("relatedLocations" in r for r in run["results"])
    assert any("fixes" in r for r in run["results"])


def test_the_validator_rejects_broken_logs(validator: jsonschema.protocols.Validator) -> None:
    log = json.loads((HERE / "golden" / "report.sarif").read_text(encoding="utf-8"))
    broken = copy.deepcopy(log)
    broken["version"] = "2.0.0"
    assert errors(validator, broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert errors(validator, broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert errors(validator, broken)


def test_sarif_with_unreadable_input_crash_and_stdin_is_valid(
        validator: jsonschema.protocols.Validator, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "空 格.txt").write_text("在全县会议上的讲话\n在全县会议上的讲话\n刚才，XX书记。\n",
                                       encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00")
    run = doclint("check", "--format", "sarif", ".")
    assert run.code == 2
    log = json.loads(run.out)
    assert errors(validator, log) == []
    sarif_run = log["runs"][0]
    assert [a["location"]["uri"] for a in sarif_run["artifacts"]] == ["image.txt",
                                                                     "%E7%A9%BA%20%E6%A0%BC.txt"]
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        "image.txt: binary file (contains NUL bytes)"]
    assert [(r["ruleId"], r["ruleIndex"]) for r in sarif_run["results"]] == [
        ("T601", 0), ("P101", 1)]
    assert [d["id"] for d in sarif_run["tool"]["driver"]["rules"]] == ["T601", "P101"]
    stdin = json.loads(doclint("check", "--format", "sarif", "-", input="刚才，XX书记。").out)
    assert errors(validator, stdin) == []
    assert stdin["runs"][0]["artifacts"][0]["location"]["uri"] == "stdin"
