"""Build the plugin manager: hookspecs, built-ins, then entry-point plugins one by one."""

from __future__ import annotations

import functools
import importlib.metadata
import logging

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
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        _load_plugin(pm, entry_point)
    return pm


def _load_plugin(pm: pluggy.PluginManager, entry_point: importlib.metadata.EntryPoint) -> None:
    """Register one plugin; a broken plugin is reported once and skipped."""
    try:
        plugin = entry_point.load()
        if pm.is_registered(plugin):
            return
        pm.register(plugin, name=f"plugin:{entry_point.name}")
    except Exception as exc:
        LOG.warning("plugin %r could not be loaded: %s: %s", entry_point.name,
                    type(exc).__name__, exc)
        return
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        pm.unregister(name=f"plugin:{entry_point.name}")
        LOG.warning("plugin %r implements an unknown hook and was skipped: %s", entry_point.name, exc)


def purge_plugin_manager() -> None:
    """Forget the cached manager (tests register plugins on a fresh one)."""
    get_plugin_manager.cache_clear()
