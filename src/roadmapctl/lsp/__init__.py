"""``roadmapctl lsp``: the rules in the editor — a Language Server Protocol server over stdio.

The same findings as ``roadmapctl check`` (codes, Russian messages, configuration, noqa) as the
user types, hover on deadlines, parties and rule codes, completion of parties, statuses and
activity numbers, fixes as code actions, and ``fmt`` as document formatting. pygls is imported
only when the server starts (see docs/lsp.md).
"""
