// A minimal client: starts `roadmapctl lsp` once a roadmap is open, and sends it roadmaps only —
// files whose first line names roadmap.schema.json, and files matching `roadmapctl.files` (see
// docs/lsp.md). Other YAML files are never checked or formatted.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { createGate, namesRoadmapSchema } = require("./roadmaps");

let client;

function schemaFindings(config) {
  const chosen = config.get("schemaFindings", "auto");
  if (chosen !== "auto") {
    return chosen;
  }
  const yaml = vscode.extensions.getExtension("redhat.vscode-yaml");
  const validates = vscode.workspace.getConfiguration("yaml").get("validate", true);
  return yaml && validates ? "yaml-language-server" : "roadmapctl";
}

function isRoadmap(document) {
  if (document.languageId !== "yaml" || document.uri.scheme !== "file") {
    return false;
  }
  if (namesRoadmapSchema(document.lineAt(0).text)) {
    return true;
  }
  const patterns = vscode.workspace.getConfiguration("roadmapctl").get("files", []);
  return patterns.some((pattern) => vscode.languages.match({ scheme: "file", pattern }, document) > 0);
}

function start(context) {
  const config = vscode.workspace.getConfiguration("roadmapctl");
  const command = config.get("path", "roadmapctl");
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    // every YAML file on disk may be a roadmap (its first line decides); the gate lets only
    // roadmaps through, for every notification and request
    documentSelector: [{ scheme: "file", language: "yaml" }],
    initializationOptions: { schemaFindings: schemaFindings(config) },
    middleware: createGate(isRoadmap).middleware,
  };
  client = new LanguageClient("roadmapctl", "roadmapctl", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function activate(context) {
  const startFor = (document) => (client === undefined && isRoadmap(document) ? start(context) : undefined);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  const open = vscode.workspace.textDocuments.find(isRoadmap);
  return open ? start(context) : undefined;
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
