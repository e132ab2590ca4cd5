"""The LSP wiring (pygls): diagnostics, hover, completion, code actions, formatting.

Every request is answered from :mod:`roadmapctl.lsp.analysis`; this module only converts
positions and types. A failure inside a handler is logged and answered with nothing: the
editor keeps its server.

Documents are keyed by :func:`roadmapctl.lsp.addresses.key` everywhere (caches, the debounce,
the open documents), and every handler reads the text through :meth:`RoadmapServer.document`,
so a Cyrillic name, a space or a Windows address (``file:///c%3A/…``) is one document. A
document that is another kind of YAML (:func:`roadmapctl.lsp.analysis.foreign`) is left alone:
no findings, no edits, no hover.

Nothing that grows with the document runs on the event loop (it reads the client's messages and
must answer every request at once): analyses, hover, completion, code actions, formatting and the
configuration's reading run in worker threads (:func:`off_loop`). Documents the client never opened are answered with nothing and never read.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from roadmapctl import __version__
from roadmapctl.check.diagnostics import Diagnostic, Fix, Severity
from roadmapctl.check.incremental import IncrementalCheck
from roadmapctl.lsp import analysis as an
from roadmapctl.lsp.addresses import key
from roadmapctl.lsp.addresses import path as uri_path
from roadmapctl.lsp.positions import from_client, split_lines, to_client

# No wait after a change: at most one check of a document runs at a time, and the changes that
# arrive meanwhile are checked together right after it (``_check_later``), so a burst of typing
# costs one check more, not one per keystroke; a wait would only add to every latency.
DEBOUNCE_SECONDS = 0.0
TOLD_KEPT = 256  # configuration problems remembered as shown
# Added to a hover answered from the analysis of the text before the last change.
STALE_NOTE = "\n\n---\n_По тексту до последней правки: новая проверка ещё идёт._"
SOURCE = "roadmapctl"
log = logging.getLogger("roadmapctl.lsp")
T = TypeVar("T")


class RoadmapServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("roadmapctl", __version__)
        self.opened: dict[str, str] = {}  # key → the address the client opened the document with
        self.foreign: set[str] = set()  # keys of open documents that are not roadmaps
        self.config_problems: set[str] = set()  # configurations the checks could not read, still to show
        self.told: dict[str, None] = {}  # those shown already, oldest first (at most TOLD_KEPT)
        self.analyses: dict[str, an.Analysis] = {}
        # the incremental check of each open document (check/incremental.py), used by one check
        # at a time (``running``); other analyses (code actions, formatting) are whole ones
        self.engines: dict[str, IncrementalCheck] = {}
        self.last_good: dict[str, an.Analysis] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.running: set[str] = set()
        self.dirty: set[str] = set()
        self.schema_from_yaml_ls = False

    def report_server_error(self, error: Exception, source) -> None:
        """pygls shows a failure outside a request as an English pop-up («Error in server:
        KeyError»). A change to a document the client never opened here (a client that sends
        every YAML file) is such a failure and is nobody's problem: it is only logged. Anything
        else is logged and told in Russian."""
        from pygls.exceptions import JsonRpcException, JsonRpcInternalError

        text = str(getattr(error, "message", "") or error)  # pygls wraps it: «KeyError: 'file:///…'»
        log.error("%s: %s", type(error).__name__, text)
        if isinstance(error, KeyError) or text.startswith("KeyError"):
            return
        if isinstance(error, JsonRpcException) and not isinstance(error, JsonRpcInternalError):
            return  # the client's message was wrong (unknown method, invalid parameters): answered, logged
        self.window_show_message(lsp.ShowMessageParams(
            lsp.MessageType.Error,
            f"roadmapctl: внутренняя ошибка языкового сервера ({type(error).__name__}); замечания в редакторе "
            "могут быть неполными. Проверьте файл командой roadmapctl check и сообщите разработчикам."))

    # -- positions ------------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        value = getattr(self.workspace, "position_encoding", None) or "utf-16"
        return str(getattr(value, "value", value))

    def range_of(self, lines: list[str], span) -> lsp.Range:
        start = to_client(lines, span.line, span.column, self.encoding)
        end = to_client(lines, span.end_line, span.end_column, self.encoding)
        if end < start:
            end = start
        return lsp.Range(lsp.Position(*start), lsp.Position(*end))

    def point(self, lines: list[str], position: lsp.Position) -> tuple[int, int]:
        return from_client(lines, position.line, position.character, self.encoding)

    def whole(self, lines: list[str]) -> lsp.Range:
        """The range of the whole text, for an edit that replaces it."""
        end = to_client(lines, len(lines), len(lines[-1]) + 1, self.encoding)
        return lsp.Range(lsp.Position(0, 0), lsp.Position(*end))

    # -- documents ------------------------------------------------------------------------------

    def open(self, uri: str) -> str:
        """Remember the address the client opened a document with; its key."""
        name = key(uri)
        self.opened[name] = uri
        return name

    def document(self, uri: str) -> TextDocument | None:
        """The open document at ``uri`` (in any form of the address); None when it is not open.
        Never a file read from disk: pygls's own lookup would read one."""
        return self.document_keyed(key(uri))

    def document_keyed(self, name: str) -> TextDocument | None:
        """The open document whose key is ``name`` (a key is never decoded again: a file named
        «a%41.yaml» is not «aA.yaml»)."""
        opened = self.opened.get(name)
        if opened is None:
            return None
        return self.workspace.get_text_document(opened)

    # -- checking -------------------------------------------------------------------------------

    def check_now(self, name: str) -> tuple[an.Analysis, int | None] | None:
        """Check the current text of the document keyed ``name`` (in a worker thread); None when
        it is closed or changed meanwhile."""
        document = self.document_keyed(name)
        if document is None:
            return None
        text, version = document.source, document.version
        engine = self.engines.get(name)
        if engine is None:
            path = uri_path(document.uri)
            engine = self.engines[name] = IncrementalCheck(path or document.uri, Path(path) if path else None)
        result = _analyze(document.uri, text, self.config_problems, engine)
        current = self.document_keyed(name)
        if current is None or current.version != version:
            return None  # a newer text is on its way
        return result, version

    def accept(self, name: str, checked) -> None:
        """Keep and publish a check's result (on the event loop's thread)."""
        if checked is None:
            return
        result, version = checked
        document = self.document_keyed(name)
        if document is None or document.version != version:
            return  # closed, or changed again meanwhile
        self.keep(name, result)
        self.publish(name, result, version)
        self.tell_config_problems()

    def tell_config_problems(self) -> None:
        """Show each configuration that could not be read once (on the event loop's thread; the
        checks in worker threads only collect them)."""
        for problem in sorted(self.config_problems):
            self.config_problems.discard(problem)
            if problem in self.told:
                continue
            self.told[problem] = None
            while len(self.told) > TOLD_KEPT:
                del self.told[next(iter(self.told))]
            self.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Warning,
                f"roadmapctl: {problem}. Пока файл настроек не исправлен, замечания показаны без его настроек."))

    def publish(self, name: str, result: an.Analysis, version) -> None:
        shown = [d for d in result.diagnostics if not (self.schema_from_yaml_ls and d.code in an.SCHEMA_CODES)]
        if name in self.foreign:
            shown = []
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=self.opened[name], version=version, diagnostics=[self.to_lsp(result.lines, d) for d in shown]))

    def to_lsp(self, lines: list[str], d: Diagnostic) -> lsp.Diagnostic:
        message = d.message + (f"\nподсказка: {d.hint}" if d.hint else "")
        return lsp.Diagnostic(
            range=self.range_of(lines, d.span),
            message=message,
            severity=lsp.DiagnosticSeverity.Error if d.severity is Severity.ERROR else lsp.DiagnosticSeverity.Warning,
            code=d.code,
            source=SOURCE,
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds without a newer change (debounce). At most one check
        of a file runs at a time: a change that arrives meanwhile is checked right after it."""
        name = key(uri)
        if name not in self.opened:
            return  # a change or a save of a document the client never opened here
        previous = self.pending.pop(name, None)
        if previous is not None and not previous.done():
            previous.cancel()
        self.pending[name] = asyncio.ensure_future(self._check_later(name, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
        except asyncio.CancelledError:
            return
        if uri in self.running:
            self.dirty.add(uri)  # the running check's loop picks the newest text up
            return
        self.running.add(uri)
        try:
            while True:
                self.dirty.discard(uri)
                checked = await asyncio.get_running_loop().run_in_executor(None, self._safe_check, uri)
                self.accept(uri, checked)
                if uri not in self.dirty:
                    break
        except Exception:  # noqa: BLE001 - never a dead server
            log.exception("publishing the findings of %s failed", uri)
        finally:
            self.running.discard(uri)

    def _safe_check(self, uri: str):
        try:
            return self.check_now(uri)
        except Exception:  # noqa: BLE001 - never a dead server
            log.exception("checking %s failed", uri)
            return None

    async def analysis_off_loop(self, uri: str) -> an.Analysis | None:
        """The analysis of the current text, computed in a worker thread when it is missing or
        stale, so that the event loop goes on serving other requests meanwhile; None for a
        document that is not open or is not a roadmap."""
        document = self.document(uri)
        if document is None:
            return None
        name = key(uri)
        result = self.analyses.get(name)
        if result is None or result.text != document.source:
            text = document.source
            result = await asyncio.get_running_loop().run_in_executor(
                None, _analyze, document.uri, text, self.config_problems)
            self.tell_config_problems()
            current = self.document(uri)
            if current is not None and current.source == text:
                self.keep(name, result)
        return None if name in self.foreign else result

    def keep(self, name: str, result: an.Analysis) -> None:
        """``result`` is the analysis of the document keyed ``name`` now; the last readable one
        serves completion. Decides whether the document is a roadmap at all."""
        self.analyses[name] = result
        if result.readable:
            self.last_good[name] = result
        foreign = an.foreign(result)
        if foreign:
            self.foreign.add(name)
        elif foreign is not None:
            self.foreign.discard(name)

    def forget(self, uri: str) -> str:
        """Drop everything kept about a closed document; its key."""
        name = key(uri)
        task = self.pending.pop(name, None)
        if task is not None:
            task.cancel()
        for kept in (self.analyses, self.last_good, self.engines):
            kept.pop(name, None)
        self.foreign.discard(name)
        self.opened.pop(name, None)
        return name


def _analyze(uri: str, text: str, problems: set[str] | None = None, engine: IncrementalCheck | None = None) -> an.Analysis:
    path = uri_path(uri)
    return an.analyze(text, path or uri, _config(path, problems), path, engine)


def _config(path: str | None, problems: set[str] | None = None):
    """The configuration of ``path`` as ``check`` reads it, read anew each time (the server runs
    for hours while the file is edited). One that cannot be read is put in ``problems`` for the
    editor to show, and the check goes on without it."""
    from roadmapctl.check.config import Config, ConfigError, config_for, config_for_dir

    config_for_dir.cache_clear()
    try:
        return config_for(path)
    except ConfigError as exc:
        log.warning("%s", exc)
        if problems is not None:
            problems.add(str(exc))
        return Config()


def create_server() -> RoadmapServer:
    server = RoadmapServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: RoadmapServer, params: lsp.InitializeParams):
        _read_options(ls, params.initialization_options)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RoadmapServer, params: lsp.DidOpenTextDocumentParams):
        ls.open(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RoadmapServer, params: lsp.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: RoadmapServer, params: lsp.DidSaveTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RoadmapServer, params: lsp.DidCloseTextDocumentParams):
        uri = ls.opened.get(key(params.text_document.uri), params.text_document.uri)
        ls.forget(uri)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: RoadmapServer, params: lsp.HoverParams):
        return await _hover(ls, params)

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["[", ",", " ", "-"]))
    async def completion(ls: RoadmapServer, params: lsp.CompletionParams):
        return await off_loop(_completion, ls, params)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]))
    async def code_action(ls: RoadmapServer, params: lsp.CodeActionParams):
        # The edits must fit the current text: a stale analysis is brought up to date, off the loop.
        try:
            return await off_loop(_code_actions, ls, params, await ls.analysis_off_loop(params.text_document.uri))
        except Exception:  # noqa: BLE001
            log.exception("code actions failed")
            return None

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    async def formatting(ls: RoadmapServer, params: lsp.DocumentFormattingParams):
        return await _formatting(ls, params)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: RoadmapServer, params: lsp.DidChangeConfigurationParams):
        _read_options(ls, params.settings)
        for uri in list(ls.opened.values()):
            ls.schedule(uri, 0)

    return server


async def off_loop(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a worker thread: the event loop goes on reading and answering."""
    return await asyncio.get_running_loop().run_in_executor(None, function, *args)


async def _hover(ls: RoadmapServer, params: lsp.HoverParams):
    # Answered from the last analysis: a hover right after typing does not wait for (or run)
    # the new one, and says that it describes the text before the last change.
    try:
        uri = params.text_document.uri
        document = ls.document(uri)
        if document is None or key(uri) in ls.foreign:
            return None
        result = ls.analyses.get(key(uri))
        stale = result is not None and result.text != document.source
        if result is None:
            result = await ls.analysis_off_loop(uri)
        if result is None:
            return None
        return await off_loop(_hover_answer, ls, result, params.position, stale)
    except Exception:  # noqa: BLE001
        log.exception("hover failed")
        return None


def _hover_answer(ls: RoadmapServer, result: an.Analysis, position: lsp.Position, stale: bool) -> lsp.Hover | None:
    line, column = ls.point(result.lines, position)
    found = an.hover(result, line, column)
    if found is None:
        return None
    markdown, span = found
    if stale:
        markdown += STALE_NOTE
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=markdown),
                     range=ls.range_of(result.lines, span))


def _completion(ls: RoadmapServer, params: lsp.CompletionParams):
    try:
        name = key(params.text_document.uri)
        document = ls.document_keyed(name)
        if document is None or name in ls.foreign:
            return None
        result = ls.analyses.get(name)
        if result is None or result.text != document.source:
            # while typing, the text is often not YAML: only its lines are needed here
            result = an.Analysis(name, document.source, [], None, split_lines(document.source))
        line, column = ls.point(result.lines, params.position)
        items = an.complete(result, ls.last_good.get(name), line, column)
    except Exception:  # noqa: BLE001
        log.exception("completion failed")
        return None
    out = []
    for index, item in enumerate(items):
        start = to_client(result.lines, line, item.start, ls.encoding)
        end = to_client(result.lines, line, column, ls.encoding)
        out.append(lsp.CompletionItem(
            label=item.label, detail=item.detail, kind=lsp.CompletionItemKind.Value,
            sort_text=f"{index:04d}", filter_text=item.label,
            text_edit=lsp.TextEdit(lsp.Range(lsp.Position(*start), lsp.Position(*end)), item.insert)))
    return lsp.CompletionList(is_incomplete=False, items=out)


async def _formatting(ls: RoadmapServer, params: lsp.DocumentFormattingParams):
    from roadmapctl.format import FormatError, format_text

    uri = params.text_document.uri
    document = ls.document(uri)
    if document is None or await ls.analysis_off_loop(uri) is None:
        return None  # not open here, or not a roadmap: nothing is read from disk or changed
    text = document.source
    try:
        formatted = await off_loop(format_text, text.replace("\r\n", "\n"), uri_path(uri) or uri)
    except FormatError as exc:
        ls.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Warning, f"roadmapctl fmt: {exc}"))
        return None
    except Exception:  # noqa: BLE001
        log.exception("formatting failed")
        return None
    return await off_loop(_format_edits, ls, text, formatted)


def _format_edits(ls: RoadmapServer, text: str, formatted: str) -> list[lsp.TextEdit]:
    if "\r\n" in text:
        formatted = formatted.replace("\n", "\r\n")
    if formatted == text:
        return []
    return [lsp.TextEdit(ls.whole(split_lines(text)), formatted)]


def _read_options(ls: RoadmapServer, options) -> None:
    """``schemaFindings``: "roadmapctl" (default) or "yaml-language-server" (docs/lsp.md)."""
    if isinstance(options, dict):
        options = options.get("roadmapctl", options)
        if isinstance(options, dict) and "schemaFindings" in options:
            ls.schema_from_yaml_ls = options.get("schemaFindings") == "yaml-language-server"


def _edit(ls: RoadmapServer, uri: str, lines: list[str], fix: Fix) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(ls.range_of(lines, e.span), e.text) for e in fix.edits]})


def _code_actions(ls: RoadmapServer, params: lsp.CodeActionParams, result: an.Analysis | None) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    if result is None:
        return []
    start = ls.point(result.lines, params.range.start)
    end = ls.point(result.lines, params.range.end)
    only = params.context.only if params.context else None
    actions: list[lsp.CodeAction] = []

    def wants(kind: str) -> bool:
        return not only or any(kind.startswith(o) for o in only)

    if wants(lsp.CodeActionKind.QuickFix):
        for d in an.diagnostics_in(result, *start, *end):
            shown = ls.to_lsp(result.lines, d)
            if d.fix is not None:
                actions.append(lsp.CodeAction(title=d.fix.title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                                              is_preferred=d.fix.safe, edit=_edit(ls, uri, result.lines, d.fix)))
        for d in an.diagnostics_in(result, *start, *end):
            suppress = an.suppression(result, d)
            if suppress is not None:
                actions.append(lsp.CodeAction(title=suppress.title, kind=lsp.CodeActionKind.QuickFix,
                                              diagnostics=[ls.to_lsp(result.lines, d)],
                                              edit=_edit(ls, uri, result.lines, suppress)))
    if wants(lsp.CodeActionKind.SourceFixAll) and any(d.fix is not None and d.fix.safe for d in result.diagnostics):
        from roadmapctl.check.fixes import fix_text

        path = uri_path(uri)
        fixed = fix_text(result.text, path or uri, _config(path), path=path)
        if fixed.changed:
            actions.append(lsp.CodeAction(
                title=f"Исправить всё, что исправляется автоматически ({len(fixed.applied)})",
                kind=lsp.CodeActionKind.SourceFixAll,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(ls.whole(result.lines), fixed.after)]})))
    return actions


# Garbage-collector thresholds of the server, chosen by measurement: one analysis of a roadmap of
# 3,000 activities costs a median 1,016 ms of CPU with Python's default (700, 10, 10), 566 ms with
# (50000, 20, 100), 621 ms with (10000, 10, 10) (gc.freeze() adds nothing); at 300 activities
# 52 ms and 49 ms. The analyses allocate many long-lived objects at once, which the default
# thresholds scan again and again.
GC_THRESHOLDS = (50_000, 20, 100)


def serve() -> None:
    """Run the server over standard input and output until the client says exit."""
    import gc

    from roadmapctl.lsp.wire import start_io

    gc.set_threshold(*GC_THRESHOLDS)
    start_io(create_server())
