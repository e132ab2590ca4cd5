// A minimal client: starts `roadmapctl lsp` for roadmap YAML files (see docs/lsp.md).
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

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

function activate(context) {
  const config = vscode.workspace.getConfiguration("roadmapctl");
  const command = config.get("path", "roadmapctl");
  const selector = config.get("files", []).map((pattern) => ({ scheme: "file", language: "yaml", pattern }));
  // files that name the roadmap schema in their first line
  selector.push({ scheme: "file", language: "yaml", pattern: "**/*.yaml" });
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    documentSelector: selector,
    initializationOptions: { schemaFindings: schemaFindings(config) },
    middleware: {
      didOpen: (document, next) => (isRoadmap(document, config) ? next(document) : Promise.resolve()),
    },
  };
  client = new LanguageClient("roadmapctl", "roadmapctl", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function isRoadmap(document, config) {
  const first = document.lineAt(0).text;
  if (/yaml-language-server:\s*\$schema=.*roadmap\.schema\.json/.test(first)) {
    return true;
  }
  return config.get("files", []).some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
