"""Where a package's data file is, without importing ``importlib.resources`` when it is a folder.

``importlib.resources.files(package)`` imports its readers and ``zipfile`` (some 14 ms of CPU,
a twentieth of a one-file check) to say what a package installed as a folder already says: its
files sit beside its ``__init__.py``. :func:`package_file` answers that case with a
:class:`pathlib.Path`, as ``importlib.resources`` does there, and asks ``importlib.resources``
otherwise (a package inside a zip file).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc imports importlib.resources
    from importlib.abc import Traversable


def package_file(package: str, *parts: str) -> Traversable:
    """The file ``parts`` of ``package`` (``package_file("doclint", "data", "x.yaml")``)."""
    origin = getattr(importlib.import_module(package), "__file__", None)
    if origin and os.path.basename(origin) == "__init__.py" and os.path.isfile(origin):
        return Path(os.path.dirname(origin), *parts)
    from importlib import resources

    return resources.files(package).joinpath(*parts)
