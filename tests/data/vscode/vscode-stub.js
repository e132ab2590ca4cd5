// A stand-in for the `vscode` module, just enough for the real vscode-languageclient (9.x) to
// start `roadmapctl lsp`, sync documents and call its providers, under plain node. URIs are
// VS Code's own implementation (the npm package vscode-uri); events are recorded so that the
// test can fire them; everything else is an inert class or a no-op returning a Disposable.
"use strict";

const path = require("path");
const { URI } = require(process.env.VSCODE_URI_PACKAGE);

class Disposable {
  constructor(fn) { this._fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((i) => i && i.dispose && i.dispose())); }
  dispose() { if (this._fn) { this._fn(); this._fn = undefined; } }
}

class EventEmitter {
  constructor() { this.listeners = []; this.event = (listener) => { this.listeners.push(listener); return new Disposable(() => {}); }; }
  fire(value) { this.listeners.forEach((l) => l(value)); }
  dispose() { this.listeners = []; }
}

class CancellationTokenSource {
  constructor() { this.token = { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => {}) }; }
  cancel() { this.token.isCancellationRequested = true; }
  dispose() {}
}

class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range {
  constructor(a, b, c, d) {
    if (typeof a === "number") { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; }
  }
}
class Diagnostic { constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; } }
class TextEdit { constructor(range, newText) { this.range = range; this.newText = newText; } }
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }
class MarkdownString { constructor(value) { this.value = value || ""; } appendMarkdown(v) { this.value += v; return this; } }
class CompletionList { constructor(items, isIncomplete) { this.items = items || []; this.isIncomplete = !!isIncomplete; } }
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(this.value + "."); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
CodeActionKind.Empty = new CodeActionKind("");
CodeActionKind.QuickFix = new CodeActionKind("quickfix");
CodeActionKind.Source = new CodeActionKind("source");
CodeActionKind.SourceFixAll = new CodeActionKind("source.fixAll");

// any other class or enum the converters touch
const inert = (name) => new Proxy(class { constructor(...args) { this.args = args; } }, {
  get: (target, key) => (key in target ? target[key] : (typeof key === "string" ? `${name}.${key}` : undefined)),
});

function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") { out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*"; i += glob[i + 2] === "/" ? 2 : 1; }
    else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

function match(selector, document) {
  const filters = Array.isArray(selector) ? selector : [selector];
  for (const f of filters) {
    const filter = typeof f === "string" ? { language: f } : f;
    if (filter.language && filter.language !== document.languageId) continue;
    if (filter.scheme && filter.scheme !== document.uri.scheme) continue;
    if (filter.pattern && !globToRegExp(filter.pattern).test(document.uri.path)) continue;
    return 10;
  }
  return 0;
}

const events = {};
const event = (name) => (listener) => { (events[name] = events[name] || []).push(listener); return new Disposable(() => {}); };
const providers = {};
const diagnostics = new Map();
const messages = [];
const settings = {};
const register = (kind) => (selector, provider) => { (providers[kind] = providers[kind] || []).push(provider); return new Disposable(() => {}); };

const languages = new Proxy({
  match,
  createDiagnosticCollection: () => ({
    set: (uri, list) => { if (list === undefined) diagnostics.delete(uri.toString()); else diagnostics.set(uri.toString(), list); },
    delete: (uri) => diagnostics.delete(uri.toString()),
    get: (uri) => diagnostics.get(uri.toString()),
    clear: () => diagnostics.clear(),
    forEach: (fn) => diagnostics.forEach((v, k) => fn(URI.parse(k), v)),
    dispose: () => {},
  }),
}, { get: (target, key) => (key in target ? target[key] : register(String(key))) });

const trace = [];  // what the client writes to its output channel: with trace.server "verbose", every message
const channel = {
  append: (text) => { trace.push(text); }, appendLine: (text) => { trace.push(text + "\n"); },
  replace: () => {}, clear: () => {}, show: () => {}, hide: () => {}, dispose: () => {}, name: "roadmapctl",
};

const vscode = {
  version: "1.95.0",
  Uri: URI,
  Disposable, EventEmitter, CancellationTokenSource, Position, Range, Diagnostic, TextEdit, Hover, MarkdownString,
  CompletionList, CodeActionKind,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ProgressLocation: { Window: 10 },
  CancellationError: class CancellationError extends Error {},
  languages,
  workspace: {
    textDocuments: [],
    workspaceFolders: undefined,
    getConfiguration: (section) => ({ get: (key, fallback) => { const v = settings[`${section}.${key}`]; return v === undefined ? fallback : v; } }),
    onDidOpenTextDocument: event("open"), onDidCloseTextDocument: event("close"), onDidChangeTextDocument: event("change"),
    onDidSaveTextDocument: event("save"), onWillSaveTextDocument: event("willSave"), onDidChangeConfiguration: event("configuration"),
    onDidChangeWorkspaceFolders: event("folders"), onDidGrantWorkspaceTrust: event("trust"),
    createFileSystemWatcher: () => ({ onDidCreate: event("fsCreate"), onDidChange: event("fsChange"), onDidDelete: event("fsDelete"), dispose: () => {} }),
    applyEdit: async () => true,
    getWorkspaceFolder: () => undefined,
  },
  window: {
    createOutputChannel: () => channel,
    showErrorMessage: async (m) => { messages.push(m); }, showWarningMessage: async (m) => { messages.push(m); },
    showInformationMessage: async (m) => { messages.push(m); },
    withProgress: async (_o, task) => task({ report: () => {} }, new CancellationTokenSource().token),
    onDidChangeActiveTextEditor: event("editor"), activeTextEditor: undefined, visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: event("tabs") },
  },
  commands: { registerCommand: () => new Disposable(() => {}), executeCommand: async () => undefined },
  extensions: { getExtension: () => undefined },
  env: { appName: "Visual Studio Code", language: "ru", openExternal: async () => true },
  // for the test
  __test: { events, providers, diagnostics, messages, settings, trace },
};

module.exports = new Proxy(vscode, {
  get: (target, key) => (key in target ? target[key] : (typeof key === "string" && /^[A-Z]/.test(key) ? inert(key) : undefined)),
});
module.exports.__path = path;
