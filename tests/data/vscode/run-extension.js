// Runs editors/vscode/extension.js with the real vscode-languageclient against `roadmapctl lsp`
// (tests/test_vscode_extension.py): the documents of DOCUMENTS (a JSON file: [{path, text, hover:
// [line, character]}]) are open, the extension activates, and this prints as JSON what an editor
// would show: the findings, formatting edits and hovers per address, any pop-up message, and the
// client's trace of every message it sent the server.
"use strict";

const fs = require("fs");
const path = require("path");
const vscode = require(require.resolve("vscode", { paths: [process.env.EXTENSION_DIR] }));
const URI = vscode.Uri;

const test = vscode.__test;
test.settings["roadmapctl.path"] = process.env.ROADMAPCTL_COMMAND;
test.settings["roadmapctl.trace.server"] = "verbose";  // the client logs every message it sends
test.settings["roadmapctl.files"] = ["**/roadmaps/**/*.yaml", "**/roadmaps/**/*.yml", "**/*.roadmap.yaml"];

function document(file, text) {
  const lines = text.split("\n");
  return {
    uri: URI.file(file), fileName: file, languageId: "yaml", version: 1, isUntitled: false, isClosed: false,
    isDirty: false, eol: 1, lineCount: lines.length,
    getText: () => text, lineAt: (n) => ({ text: lines[typeof n === "number" ? n : n.line] }),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const token = new vscode.CancellationTokenSource().token;

(async () => {
  const given = JSON.parse(fs.readFileSync(process.env.DOCUMENTS, "utf8"));
  const docs = given.map((d) => document(d.path, d.text));
  vscode.workspace.textDocuments.push(...docs);
  const extension = require(path.join(process.env.EXTENSION_DIR, "extension.js"));
  const started = extension.activate({ subscriptions: [] });
  const out = { started: started !== undefined, diagnostics: {}, formatting: {}, hover: {}, messages: test.messages };
  if (started) {
    await started;
    const roadmaps = JSON.parse(process.env.EXPECT_FINDINGS_FOR);
    for (let waited = 0; waited < 30000 && !roadmaps.every((p) => test.diagnostics.has(URI.file(p).toString())); waited += 100) {
      await sleep(100);
    }
    // VS Code's own events for every open document: typing and saving
    for (const doc of docs) {
      for (const listener of test.events.change || []) {
        listener({ document: doc, contentChanges: [], reason: undefined });
      }
      for (const listener of test.events.save || []) {
        listener(doc);
      }
    }
    await sleep(500);
    for (const [index, doc] of docs.entries()) {
      const key = doc.uri.toString();
      const format = (test.providers.registerDocumentFormattingEditProvider || [])[0];
      const edits = format ? await format.provideDocumentFormattingEdits(doc, { tabSize: 2, insertSpaces: true }, token) : undefined;
      out.formatting[key] = edits === undefined || edits === null ? null : edits.length;
      const hover = (test.providers.registerHoverProvider || [])[0];
      const shown = hover ? await hover.provideHover(doc, new vscode.Position(...given[index].hover), token) : undefined;
      out.hover[key] = shown === undefined || shown === null ? null : "hover";
    }
    for (const [key, list] of test.diagnostics) {
      out.diagnostics[key] = list.map((d) => `${d.code && d.code.value !== undefined ? d.code.value : d.code} ${d.range.start.line}`);
    }
    await extension.deactivate();
  }
  out.trace = test.trace.join("");
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
