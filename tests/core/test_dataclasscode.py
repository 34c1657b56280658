"""The dataclasses' generated code kept between runs: the very methods compiling gives."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import pytest

from doclint.core import buildcache, dataclasscode

# Describes the generated methods of a few core classes, in a fresh interpreter.
DESCRIBE = textwrap.dedent("""
    import inspect, json, sys
    if sys.argv[1] == "off":  # the store never installed: dataclasses compile as usual
        sys.modules["doclint.core.dataclasscode"] = type(sys)("doclint.core.dataclasscode")
    elif sys.argv[1] == "stored":  # everything must come from the store
        import builtins
        real = builtins.compile
        def no_compiling(source, *args, **kwargs):
            if "__create_fn__" in str(source):
                raise AssertionError("compiled again")
            return real(source, *args, **kwargs)
        builtins.compile = no_compiling
    from doclint.core.diagnostic import Diagnostic
    from doclint.core.document import Span
    from doclint.core.rule import Option
    described = []
    for cls in (Diagnostic, Span, Option):
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__"):
            f = cls.__dict__.get(name)
            code = getattr(f, "__code__", None)
            described.append(None if code is None else [
                cls.__name__, name, repr(f.__annotations__), code.co_filename, code.co_flags,
                f.__qualname__, str(inspect.signature(f)), code.co_code.hex()])
    span = Span(1, 2)
    described.append([repr(span), span == Span(1, 2), hash(span) == hash(Span(1, 2))])
    print(json.dumps(described))
""")


def _describe(mode: str) -> list[object]:
    done = subprocess.run([sys.executable, "-c", DESCRIBE, mode], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_stored_code_gives_the_methods_compiling_gives() -> None:
    compiled = _describe("off")
    assert _describe("on") == compiled  # compiles and stores
    assert (buildcache.folder() / dataclasscode.NAME).is_file()
    assert _describe("stored") == compiled  # nothing compiled


def test_a_damaged_store_compiles_again() -> None:
    _describe("on")
    store = buildcache.folder() / dataclasscode.NAME
    store.write_bytes(store.read_bytes()[:-50])
    assert _describe("on") == _describe("off")


def test_classes_outside_doclint_are_left_to_exec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclasscode.TABLE, "added", {})
    dataclasscode.install()

    @dataclass(frozen=True)
    class Local:
        value: int

    assert Local(1) == Local(1)
    assert not dataclasscode.TABLE.added

