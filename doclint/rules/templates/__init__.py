"""Family P: template artefacts left in a document (placeholders, injected boilerplate)."""

from __future__ import annotations

from doclint.rules.templates.placeholder import TemplatePlaceholder

RULES: list[type] = [TemplatePlaceholder]
