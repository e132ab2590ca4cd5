// Which documents are roadmaps, and the client middleware that keeps every other YAML file (a
// GitHub workflow, docker-compose) away from `roadmapctl lsp`: no text, no requests, no formatting.
// No `vscode` import here, so that the tests can run this under plain node (docs/lsp.md).
"use strict";

// The first line a roadmap names its schema with (roadmapctl new and import write it).
const MODELINE = /^\uFEFF?#\s*yaml-language-server:\s*\$schema=.*roadmap\.schema\.json\s*$/;

function namesRoadmapSchema(firstLine) {
  return MODELINE.test(firstLine);
}

// A document is sent to the server when `isRoadmap(document)` says so as it opens; every later
// notification and request about it goes through only if it was sent. A document that is not a
// roadmap when it opens stays unknown to the server until it is closed and opened again.
function createGate(isRoadmap) {
  const synced = new Set();
  const key = (document) => document.uri.toString();
  const known = (document) => synced.has(key(document));
  const nothing = () => Promise.resolve();
  const middleware = {
    didOpen: (document, next) => {
      if (!isRoadmap(document)) {
        return nothing();
      }
      synced.add(key(document));
      return next(document);
    },
    didChange: (event, next) => (known(event.document) ? next(event) : nothing()),
    willSave: (event, next) => (known(event.document) ? next(event) : nothing()),
    willSaveWaitUntil: (event, next) => (known(event.document) ? next(event) : Promise.resolve([])),
    didSave: (document, next) => (known(document) ? next(document) : nothing()),
    didClose: (document, next) => (synced.delete(key(document)) ? next(document) : nothing()),
    provideHover: (document, position, token, next) =>
      (known(document) ? next(document, position, token) : undefined),
    provideCompletionItem: (document, position, context, token, next) =>
      (known(document) ? next(document, position, context, token) : undefined),
    provideCodeActions: (document, range, context, token, next) =>
      (known(document) ? next(document, range, context, token) : undefined),
    provideDocumentFormattingEdits: (document, options, token, next) =>
      (known(document) ? next(document, options, token) : undefined),
    provideDocumentRangeFormattingEdits: (document, range, options, token, next) =>
      (known(document) ? next(document, range, options, token) : undefined),
  };
  return { middleware, synced };
}

module.exports = { MODELINE, namesRoadmapSchema, createGate };
