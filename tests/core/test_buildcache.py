"""The build cache and the regex store: built once, never stale, never in the way."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex

from doclint.core import buildcache, fastyaml, regexstore


def _counting_build(path: Path) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return path.read_text(encoding="utf-8").upper()

    return calls, build


def test_built_once_then_loaded(tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert len(calls) == 1
    assert list((buildcache.folder()).glob("table-*.pickle"))


def test_changed_source_is_rebuilt_even_with_the_same_size_and_mtime(tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    buildcache.load_or_build("table", [source], build)
    stat = source.stat()
    source.write_text("xyz", encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert buildcache.load_or_build("table", [source], build) == "XYZ"
    assert len(calls) == 2


def test_changed_code_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    module = tmp_path / "mod" / "table_builder.py"
    module.parent.mkdir()
    module.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(module.parent))
    calls, build = _counting_build(source)
    buildcache.load_or_build("table", [source], build, code=("table_builder",))
    buildcache.load_or_build("table", [source], build, code=("table_builder",))
    module.write_text("X = 22\n", encoding="utf-8")
    buildcache.load_or_build("table", [source], build, code=("table_builder",))
    assert len(calls) == 2


def test_context_is_part_of_the_key(tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    buildcache.load_or_build("table", [source], build, context="a")
    buildcache.load_or_build("table", [source], build, context="b")
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_corrupt_or_truncated_file_is_rebuilt(tmp_path: Path, damage: bytes | None) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    buildcache.load_or_build("table", [source], build)
    [stored] = buildcache.folder().glob("table-*.pickle")
    data = stored.read_bytes()
    stored.write_bytes(data[:-5] if damage is None else damage)
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert len(calls) == 2
    assert stored.read_bytes() == data  # written again


def test_unusable_cache_folder_still_builds(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert len(calls) == 2


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not bind here")
def test_read_only_cache_folder_still_builds(tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    buildcache.folder().mkdir(parents=True)
    buildcache.folder().chmod(0o500)
    try:
        calls, build = _counting_build(source)
        assert buildcache.load_or_build("table", [source], build) == "ABC"
        assert len(calls) == 1
    finally:
        buildcache.folder().chmod(0o700)


def test_missing_cache_folder_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "new" / "cache"))
    source = tmp_path / "table.txt"
    source.write_text("abc", encoding="utf-8")
    calls, build = _counting_build(source)
    buildcache.load_or_build("table", [source], build)
    assert buildcache.load_or_build("table", [source], build) == "ABC"
    assert len(calls) == 1


def test_unreadable_source_is_left_to_the_builder(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        buildcache.load_or_build("table", [missing], missing.read_bytes)


def test_yaml_data_file_follows_its_content(tmp_path: Path) -> None:
    data = tmp_path / "units.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    assert fastyaml.load_file(data) == {"a": 1}
    assert fastyaml.load_file(data) == {"a": 1}
    data.write_text("a: 2\n", encoding="utf-8")
    assert fastyaml.load_file(data) == {"a": 2}
    data.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(fastyaml.YAMLError):
        fastyaml.load_file(data)


def test_changed_builtin_pack_is_read_again(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import doclint.yamlrules as yamlrules

    [original] = [p for p in yamlrules.builtin_pack_paths() if "15834" in p.name]
    pack = tmp_path / "packs" / original.name
    pack.parent.mkdir()
    shutil.copy(original, pack)
    monkeypatch.setattr(yamlrules, "builtin_pack_paths", lambda: [pack])
    first = {rule.code: rule.message.en for rule in yamlrules.load_pack(pack)}
    yamlrules._CACHE.clear()
    assert {rule.code: rule.message.en for rule in yamlrules.load_pack(pack)} == first
    code, message = next(iter(first.items()))
    text = pack.read_text(encoding="utf-8")
    assert message in text
    pack.write_text(text.replace(message, message + " (edited)", 1), encoding="utf-8")
    yamlrules._CACHE.clear()
    edited = {rule.code: rule.message.en for rule in yamlrules.load_pack(pack)}
    assert edited[code] == message + " (edited)"


def test_divisions_from_the_cache_equal_a_fresh_build() -> None:
    from doclint.rules.style import divisions

    divisions.divisions.cache_clear()
    built = divisions.divisions()
    divisions.divisions.cache_clear()
    loaded = divisions.divisions()
    assert loaded is not built
    assert loaded == built


# The regex store


@pytest.fixture
def fresh_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexstore.TABLE, "stored", None)
    monkeypatch.setattr(regexstore.TABLE, "added", {})


def _reload_store(monkeypatch: pytest.MonkeyPatch) -> None:
    regexstore.save()
    monkeypatch.setattr(regexstore.TABLE, "stored", None)


def test_stored_pattern_is_loaded_without_compiling(fresh_store: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = r"(?P<year>\d{4})年(?:第[一二三四]季度)?", regex.M | regex.V0
    first = regexstore.compiled(source, flags)
    _reload_store(monkeypatch)

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", no_compiling)
    loaded = regexstore.compiled(source, flags)
    assert (loaded.pattern, loaded.flags, loaded.groupindex) == (
        first.pattern, first.flags, first.groupindex)
    text = "2024年第三季度，2023年"
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in first.finditer(text)]


def test_corrupt_store_compiles_again(fresh_store: None, monkeypatch: pytest.MonkeyPatch) -> None:
    regexstore.compiled("十[一二三]五", 0)
    regexstore.save()
    stored = buildcache.folder() / regexstore.NAME
    stored.write_bytes(stored.read_bytes()[:-7])
    monkeypatch.setattr(regexstore.TABLE, "stored", None)
    assert regexstore.compiled("十[一二三]五", 0).search("十三五") is not None


def test_store_of_another_regex_version_is_ignored(fresh_store: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    key = ("x+", 0, regex.DEFAULT_VERSION)
    other = buildcache.FORMAT + b"regex 0.0 python elsewhere\n"
    buildcache.write(buildcache.folder() / regexstore.NAME, other,
                     {key: pickle.dumps(regex.compile("y"))})
    assert regexstore.compiled("x+", 0).pattern == "x+"


# Exiting without teardown


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          capture_output=True, text=True, check=False)


def test_fast_exit_keeps_the_exit_code_output_and_exit_handlers() -> None:
    doc = Path(__file__).resolve().parents[2] / "examples" / "docs" / "notice-gbk.txt"
    done = _run("""
        import atexit, sys
        from doclint.cli.main import main
        atexit.register(lambda: print("handler ran", file=sys.stderr))
        main(["check", "--no-cache", "--format", "json", sys.argv[1]])
        """, str(doc))
    assert done.returncode == 1, done.stderr
    assert done.stdout.rstrip().endswith("}")
    assert "GW001" in done.stdout
    assert "handler ran" in done.stderr
    version = _run("from doclint.cli.main import main\nmain(['--version'])\n")
    assert version.returncode == 0
    assert "doclint" in version.stdout


# The config file


def test_config_from_the_cache_follows_edits_and_keeps_positions(tmp_path: Path) -> None:
    from doclint.core.config import load_config
    from doclint.core.errors import ConfigError

    path = tmp_path / ".doclint.yaml"
    path.write_text("year: 2020\nmax-size: 2.5\nexclude: [a]\n", encoding="utf-8")
    for _ in range(2):  # built, then loaded
        config = load_config(path)
        assert (config.year, config.max_size, config.exclude) == (2020, 2.5, ["a"])
        assert type(config.max_size) is float
    path.write_text("year: 2021\n", encoding="utf-8")
    assert load_config(path).year == 2021
    path.write_text("year: 2021\nselect: [Y]\nnot-a-key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        assert (caught.value.line, caught.value.column) == (3, 1)
    path.write_text("year: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="invalid YAML"):
            load_config(path)


# Installed plugins


def test_plugin_list_follows_installs_and_edits(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from doclint.plugins.manager import installed_plugins

    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert installed_plugins() == installed_plugins()
    before = installed_plugins()
    info = site / "doclint_cached-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: doclint-cached\nVersion: 0.1\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text("[doclint]\nfirst = json\n", encoding="utf-8")
    assert installed_plugins() == [("first", "json"), *before]
    (info / "entry_points.txt").write_text("[doclint]\nsecond = json:dumps\n", encoding="utf-8")
    assert installed_plugins() == [("second", "json:dumps"), *before]


def test_entry_point_values_load_as_importlib_loads_them() -> None:
    import json
    import os.path

    from doclint.plugins.manager import load_entry_point

    assert load_entry_point("json") is json
    assert load_entry_point("json:dumps") is json.dumps
    assert load_entry_point("os.path : join") is os.path.join
    assert load_entry_point("json:JSONDecoder.decode [extra]") is json.JSONDecoder.decode
