"""Configuration: find it, load it with positions, validate every key, code and category.

Sources, first found wins: ``--config FILE``; else ``doclint.yaml`` / ``.doclint.yaml`` /
``pyproject.toml`` with ``[tool.doclint]``, searched upward from the checked path.
Unknown keys, rule codes and categories are errors that point at ``file:line:column``.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.core.budget import DEFAULT_RULE_TIMEOUT
from doclint.core.diagnostic import Severity
from doclint.core.errors import YAML_VALUE_ERRORS, ConfigError, yaml_value_problem

CONFIG_NAMES = ("doclint.yaml", ".doclint.yaml", "pyproject.toml")

# key -> (expected python type, description shown by `doclint config`)
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "select": (list, "rule codes, code prefixes, categories or ALL to enable"),
    "ignore": (list, "selectors to disable"),
    "extend-select": (list, "selectors to enable in addition to select"),
    "preview": (bool, "also run preview rules (not yet measured precise enough to be on by default)"),
    "per-file-ignores": (dict, "glob -> selectors disabled for matching files"),
    "severity": (dict, "selector -> error | warning | info"),
    "rules": (dict, "rule code -> {option: value}"),
    "rule_packs": (list, "extra YAML rule packs (paths relative to this file)"),
    "include": (list, "globs of files to check inside directories"),
    "exclude": (list, "globs of files and directories to skip"),
    "year": (int, "the year every checked document speaks from"),
    "years": (dict, "glob -> the year of matching documents"),
    "era_markers": (list, "extra era-marker YAML files (paths relative to this file)"),
    "lang": (str, "message language: zh or en"),
    "fail-on": (str, "lowest severity that makes the exit code 1"),
    "jobs": ((int, str), "worker processes: a number or auto"),
    "cache-dir": (str, "directory of the result cache"),
    "max-size": ((int, float), "largest document checked, in MB (0: no limit)"),
    "baseline": (str, "baseline file of known findings to hide (see --baseline)"),
    "rule-timeout": ((int, float), "seconds one rule may run on one document before it is "
                     "stopped and reported (0: no limit)"),
}
ALIASES = {"extend_select": "extend-select", "per_file_ignores": "per-file-ignores",
           "fail_on": "fail-on", "rule-packs": "rule_packs", "era-markers": "era_markers",
           "cache_dir": "cache-dir", "max_size": "max-size", "rule_timeout": "rule-timeout"}
DEFAULT_INCLUDE = ["*.txt", "*.md", "*.markdown", "*.docx"]
# Checking a document whole takes memory in proportion to its length (up to about 130 MB per MB
# of short lines), so files on disk larger than the window (1.5 MB, doclint.runner.windows)
# are checked in windows and never held whole: their size costs time, not memory. Archive
# members and standard input are held as bytes while they are checked, so the limit still
# bounds them: 64 MB keeps the worst of them under the archive target of 300 MB.
DEFAULT_MAX_SIZE_MB = 64


@dataclass
class Config:
    """The effective configuration (defaults, then the file, then the command line)."""

    path: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    preview: bool = False
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_packs: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    year: int | None = None
    years: dict[str, int] = field(default_factory=dict)
    era_markers: list[str] = field(default_factory=list)
    lang: str = "zh"
    fail_on: Severity = Severity.INFO
    jobs: int | str = "auto"
    cache_dir: str | None = None
    max_size: float = DEFAULT_MAX_SIZE_MB
    baseline: str | None = None
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def where(self, *keys: str) -> dict[str, Any]:
        """``path``/``line``/``column`` of a key path, for ConfigError."""
        pos = self.positions.get(".".join(keys))
        if pos is None:
            pos = self.positions.get(keys[0]) if keys else None
        return {"path": self.path, "line": pos[0] if pos else None,
                "column": pos[1] if pos else None}

    def year_for(self, path: str) -> int | None:
        for pattern, year in self.years.items():
            if _match(path, pattern):
                return year
        return self.year

    def ignores_for(self, path: str) -> list[str]:
        extra = [s for pattern, selectors in self.per_file_ignores.items()
                 if _match(path, pattern) for s in selectors]
        return self.ignore + extra

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": self.path,
            "select": self.select if self.select is not None else ["(default)"],
            "ignore": self.ignore,
            "extend-select": self.extend_select,
            "preview": self.preview,
            "per-file-ignores": self.per_file_ignores,
            "severity": {k: v.label for k, v in self.severity.items()},
            "rules": self.rules,
            "rule_packs": self.rule_packs,
            "include": self.include,
            "exclude": self.exclude,
            "year": self.year,
            "years": self.years,
            "era_markers": self.era_markers,
            "lang": self.lang,
            "fail-on": self.fail_on.label,
            "jobs": self.jobs,
            "cache-dir": self.cache_dir,
            "max-size": self.max_size,
            "baseline": self.baseline,
            "rule-timeout": self.rule_timeout,
        }

    @property
    def max_bytes(self) -> int | None:
        """The size limit in bytes, None when it is off."""
        return int(self.max_size * 1024 * 1024) if self.max_size > 0 else None


def match_path(path: str, pattern: str) -> bool:
    """Whether ``path`` matches a config glob: the whole path, its name, or a tail of it."""
    return _match(path, pattern)


def _match(path: str, pattern: str) -> bool:
    posix = Path(path).as_posix()
    return (fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(Path(path).name, pattern)
            or fnmatch.fnmatch(posix, f"*/{pattern}"))


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject only with [tool.doclint])."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _pyproject_has_section(candidate):
                return candidate
    return None


def _pyproject_has_section(path: Path) -> bool:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "doclint" in data.get("tool", {})


def load_config(path: Path) -> Config:
    """Read and validate one config file; raise ConfigError pointing at the mistake."""
    try:
        raw_text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        data, positions = _load_pyproject(path, raw_text)
    else:
        from doclint.core.buildcache import load_or_build

        # Parsed once, then loaded from the build cache: importing ruamel.yaml and parsing
        # cost a one-file check some 20 ms. The cached data is plain (no ruamel types).
        data, positions = load_or_build("config", [path], lambda: _read_yaml(path),
                                        code=("ruamel.yaml", __name__))
    config = Config(path=str(path), positions=positions)
    apply_mapping(config, data, base=path.parent)
    return config


def _read_yaml(path: Path) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """The config's data as plain Python values, and the position of every key."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    data, positions = _load_yaml(path, text)
    return _plain_scalars(data), positions


def _load_yaml(path: Path, text: str) -> tuple[Mapping[str, Any], dict[str, tuple[int, int]]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ConfigError(f"invalid YAML: {exc.problem}", str(path),
                          mark.line + 1 if mark else None,
                          mark.column + 1 if mark else None) from None
    except YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", str(path)) from None
    except YAML_VALUE_ERRORS as exc:
        raise ConfigError(yaml_value_problem(exc), str(path)) from None
    if data is None:
        return {}, {}
    if not isinstance(data, Mapping):
        raise ConfigError("the config must be a mapping of keys", str(path), 1, 1)
    return data, _positions(data)


def _positions(data: Any, prefix: str = "") -> dict[str, tuple[int, int]]:
    """Map dotted key paths to 1-based (line, column) using ruamel's line/col info."""
    found: dict[str, tuple[int, int]] = {}
    lc = getattr(data, "lc", None)
    if isinstance(data, Mapping) and lc is not None:
        for key in data:
            line, col = lc.key(key)
            dotted = f"{prefix}{key}"
            found[dotted] = (line + 1, col + 1)
            found.update(_positions(data[key], dotted + "."))
    elif isinstance(data, list) and lc is not None:
        for number in range(len(data)):
            line, col = lc.item(number)
            found[f"{prefix}{number}"] = (line + 1, col + 1)
    return found


def _load_pyproject(path: Path, text: str) -> tuple[Mapping[str, Any], dict[str, tuple[int, int]]]:
    import tomllib

    try:
        data = tomllib.loads(text).get("tool", {}).get("doclint", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
    # TOML parsers keep no positions: find each top-level key's line in the section by text.
    positions: dict[str, tuple[int, int]] = {}
    in_section = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.startswith("[tool.doclint")
            continue
        if in_section and "=" in stripped:
            key = stripped.split("=", 1)[0].strip().strip('"')
            positions.setdefault(key, (number, line.index(key) + 1))
    return data, positions


def apply_mapping(config: Config, data: Mapping[str, Any], base: Path | None = None) -> None:
    """Check ``data`` key by key and store it into ``config``."""
    for raw_key, value in data.items():
        key = ALIASES.get(str(raw_key), str(raw_key))
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f'unknown key "{raw_key}" (known keys: {known})',
                              **config.where(str(raw_key)))
        expected, _ = KEYS[key]
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            raise ConfigError(f'"{raw_key}" must be a {_type_name(expected)}',
                              **config.where(str(raw_key)))
        _store(config, key, str(raw_key), value, base)


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {list: "list", dict: "mapping", int: "number", float: "number", str: "string",
             bool: "true or false"}
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in types))


def _strings(config: Config, key: str, value: Sequence[Any]) -> list[str]:
    for number, item in enumerate(value):
        if not isinstance(item, str):
            raise ConfigError(f'"{key}" must list strings, got {item!r}',
                              **config.where(key, str(number)))
    return [str(v) for v in value]


def _store(config: Config, key: str, raw_key: str, value: Any, base: Path | None) -> None:
    if key in ("select", "ignore", "extend-select", "include", "exclude"):
        setattr(config, key.replace("-", "_"), _strings(config, raw_key, value))
    elif key in ("rule_packs", "era_markers"):
        paths = _strings(config, raw_key, value)
        setattr(config, key, [str((base / p) if base else Path(p)) for p in paths])
    elif key == "per-file-ignores":
        config.per_file_ignores = {
            str(k): _strings(config, f"{raw_key}.{k}", v if isinstance(v, list) else [v])
            for k, v in value.items()
        }
    elif key == "severity":
        for selector, level in value.items():
            try:
                config.severity[str(selector)] = Severity.parse(str(level))
            except ValueError as exc:
                raise ConfigError(str(exc), **config.where(raw_key, str(selector))) from None
    elif key == "rules":
        for code, options in value.items():
            if not isinstance(options, Mapping):
                raise ConfigError(f'options of rule "{code}" must be a mapping',
                                  **config.where(raw_key, str(code)))
            config.rules[str(code)] = {str(k): _plain(v) for k, v in options.items()}
    elif key == "years":
        for pattern, year in value.items():
            if not isinstance(year, int) or isinstance(year, bool):
                raise ConfigError(f'year for "{pattern}" must be a number',
                                  **config.where(raw_key, str(pattern)))
            config.years[str(pattern)] = year
    elif key == "lang":
        if value not in ("zh", "en"):
            raise ConfigError('"lang" must be zh or en', **config.where(raw_key))
        config.lang = value
    elif key == "fail-on":
        try:
            config.fail_on = Severity.parse(value)
        except ValueError as exc:
            raise ConfigError(str(exc), **config.where(raw_key)) from None
    elif key == "jobs":
        if (isinstance(value, str) and value != "auto") or (isinstance(value, int) and value < 1):
            raise ConfigError('"jobs" must be a positive number or auto', **config.where(raw_key))
        config.jobs = value
    elif key == "max-size":
        if isinstance(value, bool) or value < 0:
            raise ConfigError('"max-size" must be a size in MB (0: no limit)', **config.where(raw_key))
        config.max_size = _number(value)
    elif key == "rule-timeout":
        if isinstance(value, bool) or value < 0:
            raise ConfigError('"rule-timeout" must be a number of seconds (0: no limit)',
                              **config.where(raw_key))
        config.rule_timeout = _number(value)
    elif key == "cache-dir":
        config.cache_dir = str((base / value) if base else Path(value))
    elif key == "baseline":
        config.baseline = str((base / value) if base else Path(value))
    elif key == "year":
        config.year = value
    elif key == "preview":
        config.preview = value


def _number(value: int | float) -> int | float:
    """A plain int or float: ruamel's ScalarFloat cannot be dumped again by `doclint config`."""
    return int(value) if isinstance(value, int) else float(value)


def _plain_scalars(value: Any) -> Any:
    """ruamel's round-trip containers and scalars (ScalarFloat, ScalarInt, quoted strings) as
    the plain values they subclass, so that no ruamel type is stored in the build cache."""
    if isinstance(value, Mapping):
        return {_plain_scalars(k): _plain_scalars(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_scalars(v) for v in value]
    for plain in (bool, str, int, float):
        if isinstance(value, plain):
            return value if type(value) is plain else plain(value)
    return value


def _plain(value: Any) -> Any:
    """ruamel's round-trip containers to plain lists and dicts."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
