"""`doclint lsp`: a language server over standard input and output, built on pygls.

What it does, and where the deciding code lives:

- diagnostics on open, change and save of ``.txt`` and ``.md`` buffers: ``Workspace.analyse``
  (the engine, config and suppressions of `doclint check`), converted to the negotiated
  position encoding (UTF-16 unless the client asks otherwise);
- code actions: a fix (safe ones as the preferred quick fix, unsafe ones labelled; suggestions
  are never offered as edits), "ignore this finding" (the command ``doclint.ignore``, which
  writes ``.doclint-ignore.yaml`` through ``record_ignore``, as `doclint ignore` does) and, in
  Markdown, "disable for this line" (a ``<!-- doclint-disable-next-line CODE -->`` comment);
- hover: the rule's page (``doclint.docs.render_rule``, as `doclint rule CODE` prints it).

The buffer is synchronised whole (``TextDocumentSyncKind.Full``): incremental edits would be
applied by pygls with ``str.splitlines``, whose line breaks are not LSP's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from doclint import __version__
from doclint.core.diagnostic import Diagnostic, Severity
from doclint.core.errors import DoclintError
from doclint.lsp.analysis import (
    EDITOR_APPLIES,
    SAFE,
    Analysis,
    Workspace,
    applicability,
    disable_comment,
    ignore_finding,
)
from doclint.runner.suppressions import IGNORE_NAME

LOG = logging.getLogger(__name__)

IGNORE_COMMAND = "doclint.ignore"
FIX_ALL = "source.fixAll.doclint"  # `editor.codeActionsOnSave: {"source.fixAll": …}`
SOURCE = "doclint"
DEFAULT_REASON = "在编辑器中确认原文无误（请补充理由）"
WATCHED = (".doclint.yaml", "doclint.yaml", "pyproject.toml", IGNORE_NAME)
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_DISABLE_NEXT = re.compile(r"^(?P<head>\s*<!--\s*doclint-disable-next-line\b)(?P<codes>.*?)"
                           r"(?P<tail>(?:\s+--\s.*?)?\s*-->)\s*$")


class DoclintServer(LanguageServer):
    def __init__(self, config_path: str | None = None) -> None:
        super().__init__("doclint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.doclint = Workspace(config_path)
        self.analyses: dict[str, Analysis] = {}
        # Open documents by the URI the client uses (pygls keys them unquoted).
        self.open_uris: dict[str, None] = {}

    # -- analysing and publishing -------------------------------------------------------

    @property
    def encoding(self) -> str:
        value = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return str(getattr(value, "value", value))

    def analyse(self, uri: str) -> Analysis:
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else uri
        analysis = self.doclint.analyse(path or uri, document.source, document.version,
                                        document.language_id, self.encoding)
        analysis.uri = uri
        self.analyses[uri] = analysis
        return analysis

    def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now (linted again if it went stale)."""
        if uri not in self.open_uris:
            return None
        analysis = self.analyses.get(uri)
        document = self.workspace.get_text_document(uri)
        if analysis is None or analysis.version != document.version \
                or analysis.text != document.source:
            analysis = self.analyse(uri)
        return analysis

    def publish(self, uri: str) -> None:
        before = self.analyses.get(uri)
        try:
            analysis = self.analyse(uri)
        except Exception as exc:  # a crash is shown on the document, never kills the server
            LOG.exception("doclint crashed on %s", uri)
            document = self.workspace.get_text_document(uri)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=[types.Diagnostic(
                    range=_range((0, 0), (0, 0)), severity=types.DiagnosticSeverity.Error,
                    source=SOURCE,
                    message=f"doclint: internal error: {type(exc).__name__}: {exc}")]))
            return
        for error in analysis.errors:
            if before is not None and error in before.errors:
                continue  # said already; it stays on the document while it lasts
            self.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                           f"{analysis.path}: {error}"))
        diagnostics = [self.to_lsp(analysis, d) for d in analysis.diagnostics]
        diagnostics += [types.Diagnostic(range=_range((0, 0), (0, 0)), message=error,
                                         severity=types.DiagnosticSeverity.Error,
                                         source=SOURCE) for error in analysis.errors]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=analysis.version))

    def publish_all(self) -> None:
        for uri in list(self.open_uris):
            self.publish(uri)

    def to_lsp(self, analysis: Analysis, diag: Diagnostic) -> types.Diagnostic:
        related = []
        for rel in diag.related:
            if rel.path != diag.path:
                continue  # archive rules only; `doclint lsp` checks one buffer
            related.append(types.DiagnosticRelatedInformation(
                location=types.Location(uri=analysis.uri or analysis.path,
                                        range=_range(*analysis.lsp_range(*rel.span))),
                message=rel.note.get(analysis.lang)))
        return types.Diagnostic(
            range=_range(*analysis.lsp_range(*diag.span)),
            message=diag.message.get(analysis.lang),
            severity=_SEVERITY.get(diag.severity, types.DiagnosticSeverity.Warning),
            code=diag.code, source=SOURCE, related_information=related or None,
            data={"name": diag.name, "fix": applicability(diag.fix) if diag.fix else None})

    def watch_config_files(self) -> None:
        """Ask the client to report changes to configs and ignore files, when it can: an
        edit made outside the editor then shows at once (otherwise at the next change)."""
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        pattern = "**/{" + ",".join(WATCHED) + "}"
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern)])
        self.client_register_capability(types.RegistrationParams(registrations=[
            types.Registration(id="doclint-config-files",
                               method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=options)]))

    # -- code actions -------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        analysis = self.current(uri)
        if analysis is None or not analysis.diagnostics:
            return []
        only = [str(getattr(k, "value", k)) for k in params.context.only or ()]
        actions = []
        if _wanted(FIX_ALL, only):
            actions += self.fix_all_actions(analysis, uri)
        if not _wanted(types.CodeActionKind.QuickFix.value, only):
            return actions
        start = analysis.offset(params.range.start.line, params.range.start.character)
        end = analysis.offset(params.range.end.line, params.range.end.character)
        markdown = analysis.kind == ".md"
        fixes: list[types.CodeAction] = []
        others: list[types.CodeAction] = []
        for diag in analysis.diagnostics:
            if not (diag.span.start <= end and start <= diag.span.end):
                continue
            lsp_diag = self.to_lsp(analysis, diag)
            if diag.fix is not None and applicability(diag.fix) in EDITOR_APPLIES:
                fixes.append(self.fix_action(analysis, uri, diag, lsp_diag))
            if uri.startswith("file:"):
                others.append(self.ignore_action(analysis, uri, diag, lsp_diag))
            if markdown:
                others.append(self.disable_action(analysis, uri, diag, lsp_diag))
        return fixes + others + actions

    def fix_all_actions(self, analysis: Analysis, uri: str) -> list[types.CodeAction]:
        """Every safe fix at once, chosen as `doclint check --fix` chooses them."""
        from doclint.core.fixes import apply_fixes

        safe = [d.fix for d in analysis.diagnostics
                if d.fix is not None and applicability(d.fix) == SAFE]
        source = analysis.text[analysis.shift:]
        fixed, count = apply_fixes(source, safe)
        if not count or fixed == source:
            return []
        label = (f"Fix all safe doclint findings ({count})" if analysis.lang == "en"
                 else f"修复全部可安全修复的 doclint 问题（{count} 处）")
        edit = types.TextEdit(range=_range(*analysis.lsp_range(0, len(source))), new_text=fixed)
        return [types.CodeAction(title=label, kind=FIX_ALL,
                                 edit=self.workspace_edit(uri, analysis.version, [edit]))]

    def fix_action(self, analysis: Analysis, uri: str, diag: Diagnostic,
                   lsp_diag: types.Diagnostic) -> types.CodeAction:
        assert diag.fix is not None
        safe = applicability(diag.fix) == SAFE
        title = diag.fix.title.get(analysis.lang)
        if analysis.lang == "en":
            label = f"Fix {diag.code}: {title}" if safe else \
                f"Fix {diag.code} (unsafe, check the result): {title}"
        else:
            label = f"修复 {diag.code}：{title}" if safe else \
                f"修复 {diag.code}（不安全的修复，请核对）：{title}"
        edits = [types.TextEdit(range=_range(*analysis.lsp_range(*e.span)),
                                new_text=e.replacement)
                 for e in sorted(diag.fix.edits, key=lambda e: e.span.start)]
        return types.CodeAction(title=label, kind=types.CodeActionKind.QuickFix,
                                diagnostics=[lsp_diag], is_preferred=safe,
                                edit=self.workspace_edit(uri, analysis.version, edits))

    def ignore_action(self, analysis: Analysis, uri: str, diag: Diagnostic,
                      lsp_diag: types.Diagnostic) -> types.CodeAction:
        label = (f"Ignore this {diag.code} finding (in {IGNORE_NAME})" if analysis.lang == "en"
                 else f"忽略此处的 {diag.code}（写入 {IGNORE_NAME}）")
        arguments = [uri, analysis.version, diag.code, diag.span.start, diag.span.end]
        return types.CodeAction(title=label, kind=types.CodeActionKind.QuickFix,
                                diagnostics=[lsp_diag],
                                command=types.Command(title=label, command=IGNORE_COMMAND,
                                                      arguments=arguments))

    def disable_action(self, analysis: Analysis, uri: str, diag: Diagnostic,
                       lsp_diag: types.Diagnostic) -> types.CodeAction:
        label = (f"Disable {diag.code} for this line (Markdown comment)"
                 if analysis.lang == "en" else f"在此行停用 {diag.code}（Markdown 注释）")
        line = diag.start.line - 1  # doclint's lines are the buffer's (a BOM adds none)
        lines = analysis.positions
        above = _line_text(analysis.text, lines, line - 1) if line > 0 else None
        match = _DISABLE_NEXT.match(above) if above is not None else None
        if match is not None:  # a comment already stands above: add the code to it
            at = analysis.positions.offset(line - 1, 0) + match.end("codes")
            position = analysis.positions.position(at)
            edit = types.TextEdit(range=_range(position, position), new_text=f", {diag.code}")
            if not match.group("codes").strip():
                edit.new_text = f" {diag.code}"
        else:
            text = _line_text(analysis.text, lines, line)
            indent = text[: len(text) - len(text.lstrip(" \t"))]
            newline = _newline(analysis.text)
            edit = types.TextEdit(range=_range((line, 0), (line, 0)),
                                  new_text=f"{indent}{disable_comment(diag)}{newline}")
        return types.CodeAction(title=label, kind=types.CodeActionKind.QuickFix,
                                diagnostics=[lsp_diag], edit=self.workspace_edit(uri, analysis.version,
                                                                  [edit]))

    def workspace_edit(self, uri: str, version: int | None,
                       edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        """Edits of one buffer, tied to its version when the client takes that."""
        caps = self.client_capabilities.workspace
        edit_caps = caps.workspace_edit if caps is not None else None
        if edit_caps is None or not edit_caps.document_changes:
            return types.WorkspaceEdit(changes={uri: edits})
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])

    def ignore(self, arguments: Sequence[Any]) -> dict[str, Any] | None:
        """``doclint.ignore [uri, version, code, start, end, reason?]``: record the finding."""
        try:
            uri, _version, code, start, end = arguments[:5]
            reason = str(arguments[5]) if len(arguments) > 5 and arguments[5] else DEFAULT_REASON
        except (TypeError, ValueError):
            raise DoclintError(f"{IGNORE_COMMAND} takes [uri, version, code, start, end, "
                               "reason?]") from None
        analysis = self.current(str(uri))
        if analysis is None or analysis.raw is None:
            raise DoclintError(f"{uri} is not open or was not checked")
        found = [d for d in analysis.raw.diagnostics
                 if d.code == code and d.span.start == start and d.span.end == end]
        if not found:
            self.window_show_message(types.ShowMessageParams(
                types.MessageType.Warning, f"doclint: no {code} finding there any more"))
            return None
        recorded = ignore_finding(analysis, found[0], reason)
        if recorded is None:
            message = f"doclint: {code} is already suppressed there"
            result = None
        else:
            target, number, _entry = recorded
            message = f"doclint: {target}: entry {number} ignores {code} (reason: {reason})"
            result = {"file": str(target), "entry": number}
        self.window_show_message(types.ShowMessageParams(types.MessageType.Info, message))
        self.publish_all()  # an ignore file holds for every document below it
        return result

    # -- hover --------------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        from doclint.docs import render_rule

        analysis = self.current(params.text_document.uri)
        if analysis is None or analysis.setup is None:
            return None
        at = analysis.offset(params.position.line, params.position.character)
        here = [d for d in analysis.diagnostics
                if d.span.start <= at < d.span.end or d.span.start == d.span.end == at]
        if not here:
            return None
        parts = []
        for diag in here:
            rule = analysis.setup.engine.registry.get(diag.code)
            head = f"**{diag.code}** {diag.message.get(analysis.lang)}"
            if diag.fix is not None:
                head += f"\n\n{_fix_note(diag, analysis.lang)}"
            page = render_rule(rule, analysis.lang) if rule is not None else ""
            parts.append(f"{head}\n\n{page}".rstrip())
        first = min(here, key=lambda d: d.span.start)
        last = max(here, key=lambda d: d.span.end)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)),
                           range=_range(*analysis.lsp_range(first.span.start, last.span.end)))


def build(config_path: str | None = None) -> DoclintServer:
    server = DoclintServer(config_path)

    @server.feature(types.INITIALIZED)
    def initialized(ls: DoclintServer, params: types.InitializedParams) -> None:
        ls.watch_config_files()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: DoclintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open_uris[params.text_document.uri] = None
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: DoclintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: DoclintServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.rsplit("/", 1)[-1] in WATCHED:
            ls.publish_all()  # a config or an ignore file edited in the editor
        else:
            ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: DoclintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.open_uris.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: DoclintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.rsplit("/", 1)[-1] in WATCHED for change in params.changes):
            ls.publish_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix,
                                                               FIX_ALL]))
    def code_action(ls: DoclintServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: DoclintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    @server.command(IGNORE_COMMAND)
    def ignore(ls, *arguments):  # type: ignore[no-untyped-def]
        try:
            return ls.ignore(arguments)
        except DoclintError as exc:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Error,
                                                           f"doclint: {exc}"))
            return None

    return server


def serve(config_path: str | None = None) -> None:
    build(config_path).start_io()


# -- helpers ----------------------------------------------------------------------------


def _range(start: tuple[int, int], end: tuple[int, int]) -> types.Range:
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def _wanted(kind: str, only: list[str]) -> bool:
    """Whether a code action of ``kind`` answers a request for ``only`` (kinds nest by dots)."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def _line_text(text: str, positions: Any, line: int) -> str:
    start = positions.offset(line, 0)
    end = positions.offset(line, 1 << 30)
    return text[start:end]


def _newline(text: str) -> str:
    match = re.search(r"\r\n?|\n", text)
    return match.group() if match else "\n"


def _fix_note(diag: Diagnostic, lang: str) -> str:
    assert diag.fix is not None
    kind = applicability(diag.fix)
    title = diag.fix.title.get(lang)
    if lang == "en":
        return {"safe": f"Fix (safe): {title}", "unsafe": f"Fix (unsafe, check it): {title}"
                }.get(kind, f"Suggestion (never applied): {title}")
    return {"safe": f"修复（安全）：{title}", "unsafe": f"修复（不安全，请核对）：{title}"
            }.get(kind, f"建议（不自动应用）：{title}")
