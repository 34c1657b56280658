"""The recall benchmark: plant one known anomaly per copy of a real document and count how
many of them doclint reports on the planted line (see ../README.md)."""

from recallbench.kinds import KINDS
from recallbench.run import Result, run

__all__ = ["KINDS", "Result", "run"]
