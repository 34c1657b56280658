"""examples/: the committed expected output is what `doclint check` prints for each document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOCUMENTS = sorted(p for p in (EXAMPLES / "docs").iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_expected_output(document: Path, update_golden: bool) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "doclint", "check", "--color", "never", "--jobs", "1",
         f"docs/{document.name}"],
        cwd=EXAMPLES, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode in (0, 1), result.stderr
    expected = document.with_name(document.stem + ".expected")
    if update_golden:
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_bytes().decode("utf-8")
