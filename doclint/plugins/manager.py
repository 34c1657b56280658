"""Build the plugin manager: hookspecs, built-ins, then entry-point plugins one by one."""

from __future__ import annotations

import functools
import hashlib
import importlib
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

import pluggy

from doclint.plugins.hookspecs import DoclintSpec

LOG = logging.getLogger(__name__)

BUILTIN_MODULES = (
    "doclint.rules",
    "doclint.readers",
    "doclint.report",
    "doclint.yamlrules",
)
ENTRY_POINT_GROUP = "doclint"


@functools.cache
def get_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(DoclintSpec)
    for name in BUILTIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        pm.register(module, name=name)
    pm.check_pending()
    for name, value in installed_plugins():
        _load_plugin(pm, name, lambda value=value: load_entry_point(value))
    return pm


def installed_plugins() -> list[tuple[str, str]]:
    """``(name, value)`` of every entry point in the ``doclint`` group, in discovery order.

    Listing them imports importlib.metadata and reads every installed distribution: some
    20 ms of a one-file check. The list is kept in the build cache under the signature of
    the installed distributions (each ``*.dist-info`` and ``*.egg-info`` folder on
    ``sys.path`` with the size and time of its ``entry_points.txt``), so installing,
    removing or editing a distribution lists them again.
    """
    from doclint.core.buildcache import load_or_build

    def listed() -> list[tuple[str, str]]:
        import importlib.metadata

        return [(ep.name, ep.value)
                for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)]

    # One file per Python environment; the signature decides whether it still holds.
    where = hashlib.sha256(sys.prefix.encode("utf-8", "surrogatepass")).hexdigest()
    return load_or_build(f"plugins-{where[:16]}", [], listed, context=_distributions_signature())


def _distributions_signature() -> str:
    """The installed distributions as importlib.metadata finds them, in sys.path order.

    A folder without distributions adds nothing (so the working directory on sys.path does
    not matter unless it holds one); a zip or egg file on sys.path counts with its stat.
    """
    parts = []
    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(e.name for e in os.scandir(folder)
                           if e.name.endswith((".dist-info", ".egg-info")))
        except NotADirectoryError:
            stat = os.stat(folder)
            parts.append(f"{entry}:{stat.st_size}:{stat.st_mtime_ns}")
            continue
        except OSError:  # a missing entry
            continue
        for name in names:
            try:
                stat = os.stat(os.path.join(folder, name, "entry_points.txt"))
                parts.append(f"{entry}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
            except OSError:
                parts.append(f"{entry}/{name}:-")
    return "\n".join(parts)


def load_entry_point(value: str) -> Any:
    """What ``importlib.metadata.EntryPoint.load`` returns for ``value``
    (``module``, ``module:attr.attr``, extras in brackets ignored)."""
    module, _, attrs = value.split("[", 1)[0].strip().partition(":")
    found: Any = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        found = getattr(found, attr)
    return found


def _load_plugin(pm: pluggy.PluginManager, name: str, load: Callable[[], Any]) -> None:
    """Register one plugin; a broken plugin is reported once and skipped."""
    try:
        plugin = load()
        if pm.is_registered(plugin):
            return
        pm.register(plugin, name=f"plugin:{name}")
    except Exception as exc:
        LOG.warning("plugin %r could not be loaded: %s: %s", name, type(exc).__name__, exc)
        return
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        pm.unregister(name=f"plugin:{name}")
        LOG.warning("plugin %r implements an unknown hook and was skipped: %s", name, exc)


def purge_plugin_manager() -> None:
    """Forget the cached manager (tests register plugins on a fresh one)."""
    get_plugin_manager.cache_clear()
