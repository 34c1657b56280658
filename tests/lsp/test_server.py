"""`doclint lsp` end to end: a pygls client drives the real server over standard I/O.

One server session (starting it and building the engine is the slow part) walks the whole
editor workflow: open → diagnostics equal to `doclint check --format json` (columns converted
from code points to UTF-16, with 𠀀 before a finding) → apply a safe fix → that diagnostic is
gone → "ignore this finding" → the ignore file is written and the diagnostic is gone (from
`doclint check` too) → Markdown "disable for this line" → hover shows the rule's page.

Nothing here waits for time to pass: each step waits for the publication of the buffer's
version it just sent (or for the next publication after a command), bounded generously so a
busy machine cannot fail it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Union

import pytest

pytest.importorskip("pygls")

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[2]
BOUND = 300.0  # seconds: a bound on a hang, never an expectation

NOTICE = ("关于做好2024年工作的通知\n\n"
          "𠀀各单位:\n"
          "经研究，现将有关事项通知如下(试行)。\n"
          "全年增长35,比上年提高。\n")
MARKDOWN = "# 通知\n\n𠀀各单位:(试行)\n"
CONFIG = "severity:\n  N201: info\n"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lsp_position(text: str, line: int, column: int) -> tuple[int, int]:
    """doclint's 1-based line and code-point column as LSP's 0-based line and UTF-16 unit."""
    row = text.splitlines()[line - 1]
    return line - 1, utf16(row[: column - 1])


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) the way an editor does, independently of
    doclint's own conversion."""
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: pos.line])
        row, units, index = lines[pos.line], 0, 0
        while units < pos.character:
            units += utf16(row[index])
            index += 1
        return before + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def check_json(cwd: Path, *paths: str) -> list[dict[str, Any]]:
    run = subprocess.run([sys.executable, "-m", "doclint", "check", *paths, "--format", "json",
                          "--no-cache"], cwd=cwd, capture_output=True, text=True,
                         encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["diagnostics"]


class Editor:
    """A client that keeps every publication and waits for the one it needs."""

    def __init__(self) -> None:
        self.client = LanguageClient("doclint-test", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.messages: list[str] = []
        self.changed = asyncio.Condition()
        converter = self.client.protocol._converter
        # lsprotocol reads every code action that carries a command as a bare Command (it
        # only asks whether the key "command" is there); a Command's command is a string.
        converter.register_structure_hook(
            Union[types.Command, types.CodeAction],  # noqa: UP007 (the hook's key)
            lambda obj, _: converter.structure(
                obj, types.Command if isinstance(obj.get("command"), str) else types.CodeAction))

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with self.changed:
                self.published.setdefault(params.uri, []).append(params)
                self.changed.notify_all()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params: types.LogMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self, cwd: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "doclint", "lsp", cwd=str(cwd),
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
        await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True))),
            process_id=os.getpid())), BOUND)
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), BOUND)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), BOUND)

    def count(self, uri: str) -> int:
        return len(self.published.get(uri, []))

    async def diagnostics(self, uri: str, version: int, after: int = 0
                          ) -> list[types.Diagnostic]:
        """The diagnostics of ``version``, from a publication later than the ``after``-th."""
        def ready() -> bool:
            return any(p.version == version for p in self.published.get(uri, [])[after:])

        async with self.changed:
            await asyncio.wait_for(self.changed.wait_for(ready), BOUND)
        found = [p for p in self.published[uri][after:] if p.version == version]
        return list(found[-1].diagnostics)

    def open(self, uri: str, text: str, language: str) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def actions(self, uri: str, diag: types.Diagnostic, only: list[str] | None = None
                      ) -> list[types.CodeAction]:
        found = await asyncio.wait_for(self.client.text_document_code_action_async(
            types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri),
                                   range=diag.range,
                                   context=types.CodeActionContext(diagnostics=[diag],
                                                                   only=only))), BOUND)
        return [a for a in found or [] if isinstance(a, types.CodeAction)]


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


def shape(diags: list[types.Diagnostic]) -> list[tuple[Any, ...]]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message, d.severity) for d in diags)


SEVERITY = {"error": 1, "warning": 2, "info": 3}


def test_editor_workflow_over_stdio(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / ".doclint.yaml").write_text(CONFIG, encoding="utf-8")
    notice = project / "docs" / "通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    page = project / "docs" / "page.md"
    page.write_text(MARKDOWN, encoding="utf-8")
    expected = check_json(project, "docs/通知.txt")
    assert {d["code"] for d in expected} >= {"BD004", "BD005", "N201"}
    # The config was found above the document: N201 is info there, a warning by default.
    assert {d["severity"] for d in expected if d["code"] == "N201"} == {"info"}
    elsewhere = tmp_path / "elsewhere"  # the server's working directory has no config
    elsewhere.mkdir()
    asyncio.run(_workflow(elsewhere, project, notice, page, expected))


async def _workflow(cwd: Path, project: Path, notice: Path, page: Path,
                    expected: list[dict[str, Any]]) -> None:
    editor = Editor()
    await editor.start(cwd)
    try:
        uri = notice.as_uri()
        editor.open(uri, NOTICE, "plaintext")
        diags = await editor.diagnostics(uri, 1)

        # 1. The same findings as `doclint check --format json`, in UTF-16 positions.
        want = sorted((d["code"], *lsp_position(NOTICE, d["line"], d["column"]),
                       *lsp_position(NOTICE, d["end_line"], d["end_column"]), d["message"],
                       SEVERITY[d["severity"]]) for d in expected)
        assert shape(diags) == want
        colon = next(d for d in diags if d.code == "BD004" and d.range.start.line == 2)
        assert colon.range.start.character == 5  # 𠀀 is two UTF-16 units, one code point
        before = editor.count(uri)
        editor.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier(uri)))
        assert shape(await editor.diagnostics(uri, 1, after=before)) == want  # on save too

        # 2. Hover shows the rule's page.
        hover = await asyncio.wait_for(editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), colon.range.start)), BOUND)
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "# BD004 " in hover.contents.value

        # 3. The safe fix is the preferred quick fix; applied, its diagnostic goes.
        actions = await editor.actions(uri, colon)
        fix = next(a for a in actions if a.is_preferred)
        assert "BD004" in fix.title and fix.kind == types.CodeActionKind.QuickFix
        fixed = apply_edits(NOTICE, edits_of(fix, uri))
        assert "𠀀各单位：" in fixed
        editor.change(uri, 2, fixed)
        diags = await editor.diagnostics(uri, 2)
        assert colon.range not in [d.range for d in diags if d.code == "BD004"]
        assert len(diags) == len(want) - 1

        # 4. A figure is never edited: N201's "%" is a suggestion, offered as no edit.
        missing = next(d for d in diags if d.code == "N201")
        offered = [a for a in await editor.actions(uri, missing)
                   if a.edit is not None and "N201" in a.title]
        assert offered == []

        # 5. "Ignore this finding" writes the ignore file; the diagnostic goes, here and in
        #    `doclint check`.
        bracket = next(d for d in diags if d.code == "BD005")
        ignore = next(a for a in await editor.actions(uri, bracket) if a.command is not None)
        assert ignore.command is not None and ignore.command.command == "doclint.ignore"
        before = editor.count(uri)
        await asyncio.wait_for(editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=ignore.command.command,
                                       arguments=ignore.command.arguments)), BOUND)
        diags = await editor.diagnostics(uri, 2, after=before)
        assert "BD005" not in {d.code for d in diags}
        written = (project / ".doclint-ignore.yaml").read_text(encoding="utf-8")
        assert "code: BD005" in written and "text: (试行)" in written
        assert "path: docs/通知.txt" in written
        notice.write_text(fixed, encoding="utf-8")
        assert "BD005" not in {d["code"] for d in check_json(project, "docs/通知.txt")}

        # 6. "Fix all" applies the safe fixes only, as `doclint check --fix` does.
        fix_all = await editor.actions(uri, diags[0], only=["source.fixAll"])
        assert [a.kind for a in fix_all] == ["source.fixAll.doclint"]
        all_fixed = apply_edits(fixed, edits_of(fix_all[0], uri))
        assert "全年增长35，比上年提高。" in all_fixed  # the comma; the suggested "%" is not added
        editor.change(uri, 3, all_fixed)
        assert [d.code for d in await editor.diagnostics(uri, 3)] == ["N201"]

        # 7. Markdown: "disable for this line" inserts a comment that hides the finding; a
        #    second code joins the comment already there.
        md_uri = page.as_uri()
        editor.open(md_uri, MARKDOWN, "markdown")
        md_diags = await editor.diagnostics(md_uri, 1)
        assert {d.code for d in md_diags} == {"BD004", "BD005"}
        text = MARKDOWN
        for version, code in ((2, "BD004"), (3, "BD005")):
            diag = next(d for d in md_diags if d.code == code)
            disable = next(a for a in await editor.actions(md_uri, diag)
                           if "停用" in a.title and code in a.title)
            text = apply_edits(text, edits_of(disable, md_uri))
            editor.change(md_uri, version, text)
            md_diags = await editor.diagnostics(md_uri, version)
            assert code not in {d.code for d in md_diags}
        assert "\n<!-- doclint-disable-next-line BD004, BD005 -->\n𠀀各单位:(试行)\n" in text
        assert md_diags == []
    finally:
        await editor.stop()
