"""The language server (`doclint lsp`). Only ``server`` imports pygls (the ``lsp`` extra)."""
