"""Write a commented starter `.doclint.yaml`, and enable/disable rules in an existing one.

Both go through ruamel.yaml's round-trip mode, so a user's comments, key order and quoting
survive an edit; the descriptions of the keys come from ``doclint.core.config.KEYS``.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from doclint.core.config import ALIASES, KEYS
from doclint.core.errors import ConfigError

# Keys written active in a starter config (value), the others as commented examples.
ACTIVE: dict[str, Any] = {
    "ignore": [],
    "extend-select": [],
    "preview": False,
    "rule_packs": [],
    "exclude": [],
    "lang": "zh",
    "fail-on": "info",
}
EXAMPLES = {
    "select": "[ALL]",
    "per-file-ignores": '{"archive/*.txt": [T601]}',
    "severity": "{punctuation: info, BD: error}",
    "rules": "{CODE: {option: value}}",
    "include": '["*.txt", "*.md", "*.docx"]',
    "year": "2024",
    "years": '{"2019*": 2019}',
    "era_markers": "[markers.yaml]",
    "jobs": "auto",
    "cache-dir": ".doclint_cache",
    "max-size": "10",
    "rule-timeout": "60",
    "baseline": "doclint-baseline.json",
}
HEADER = ("doclint configuration. `doclint config` prints the effective values;\n"
          "`doclint enable CODE` / `doclint disable CODE` edit this file and keep its comments.\n"
          "Selectors are rule codes (BD003), code prefixes (BD), categories (punctuation) or ALL.")


def starter_config() -> str:
    """The text of a commented starter config (valid as it is: every active key is a default)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = CommentedMap()
    pending: list[str] = []
    for key, (_type, doc) in KEYS.items():
        if key not in ACTIVE:
            pending.append(f"{key}: {EXAMPLES[key]}    # {doc}")
            continue
        value = ACTIVE[key]
        if isinstance(value, list):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        data[key] = value
        before = "\n".join([*(f"{line}" for line in pending), doc])
        data.yaml_set_comment_before_after_key(key, before=before)
        pending = []
    data.yaml_set_start_comment(HEADER)
    text = _dump(YAML(typ="rt"), data)
    if pending:
        text += "".join(f"# {line}\n" for line in pending)
    return text


def edit_selectors(path: Path, selector: str, enable: bool) -> list[str]:
    """Enable or disable ``selector`` in the YAML config at ``path``; return what changed."""
    from ruamel.yaml.comments import CommentedMap

    yaml, data = _load(path)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ConfigError("the config must be a mapping of keys", str(path), 1, 1)
    remove_from, add_to = ("ignore", "extend-select") if enable else ("extend-select", "ignore")
    changes = []
    key = _existing_key(data, remove_from)
    if key is not None and selector in _selector_list(path, data, key):
        below = _remove(data[key], selector)
        if below is not None:
            data.ca.items[key] = [None, None, below, None]
        changes.append(f"removed {selector} from {key}")
    key = _existing_key(data, add_to)
    if key is None:
        key = add_to
        data[key] = _flow_list()
    items = _selector_list(path, data, key)
    if selector not in items:
        _append(items, selector)
        changes.append(f"added {selector} to {key}")
    if changes:
        write_atomically(path, _dump(yaml, data))
    return changes


def _existing_key(data: Any, key: str) -> str | None:
    for name in data:
        if ALIASES.get(str(name), str(name)) == key:
            return str(name)
    return None


def _selector_list(path: Path, data: Any, key: str) -> list[Any]:
    value = data[key]
    if value is None:
        value = data[key] = _flow_list()
    if not isinstance(value, list):
        line, column = data.lc.value(key)
        raise ConfigError(f'"{key}" must be a list', str(path), line + 1, column + 1)
    return value


def _append(seq: Any, item: str) -> None:
    """Append to a sequence; comment lines below its old last item stay below the list."""
    last = len(seq) - 1
    seq.append(item)
    if last >= 0:
        _move_trailing_comment(seq, last, last + 1)


def _remove(seq: Any, item: str) -> Any:
    """Remove from a sequence; comment lines below a removed last item stay below the list.

    Returns their comment token when the list is now empty (the caller re-attaches it).
    """
    index = seq.index(item)
    last = len(seq) - 1
    below = None
    if index == last and last > 0:
        _move_trailing_comment(seq, last, last - 1)
    elif last == 0:
        slots = seq.ca.items.get(0)
        token: Any = slots[0] if slots else None
        rest = getattr(token, "value", "").partition("\n")[2]
        if rest.strip():
            token.value = "\n" + rest
            below = token
    del seq[index]
    if not seq:
        seq.fa.set_flow_style()
    return below


def _move_trailing_comment(seq: Any, source: int, target: int) -> None:
    """Move the full-line comments after item ``source`` (not its end-of-line one) to ``target``."""
    from ruamel.yaml.tokens import CommentToken

    slots = seq.ca.items.get(source)
    token: Any = slots[0] if slots else None
    value = getattr(token, "value", "")
    end_of_line, newline, below = value.partition("\n")
    if not newline or not below.strip():
        return
    token.value = end_of_line + newline
    kept = seq.ca.items.get(target)
    own = getattr(kept[0], "value", "") if kept and kept[0] is not None else ""
    eol = own.partition("\n")[0] if own else ""
    new = CommentToken(eol + "\n" + below, token.start_mark, None)
    seq.ca.items[target] = [new, None, None, None]


def _flow_list() -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq()
    seq.fa.set_flow_style()
    return seq


def _load(path: Path) -> tuple[Any, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    if path.suffix not in (".yaml", ".yml"):
        raise ConfigError("only YAML configs can be edited (edit [tool.doclint] by hand)",
                          str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    try:
        _data, indent, block_indent = load_yaml_guess_indent(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ConfigError(f"invalid YAML: {exc.problem}", str(path),
                          mark.line + 1 if mark else None,
                          mark.column + 1 if mark else None) from None
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    mapping = _mapping_indent(text)
    if indent and block_indent is not None:
        yaml.indent(mapping=mapping, sequence=indent, offset=block_indent)
    else:
        yaml.indent(mapping=mapping, sequence=mapping + 2, offset=mapping)
    return yaml, yaml.load(text)


def _mapping_indent(text: str) -> int:
    """The indent of the first nested mapping key in ``text`` (2 when there is none)."""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if (line.startswith(" ") and stripped[:1] not in ("-", "#", "")
                and ":" in stripped):
            return len(line) - len(stripped)
    return 2


def _dump(yaml: Any, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def write_atomically(path: Path, text: str) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
