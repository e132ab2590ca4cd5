"""Stage 2 of the pipeline, the document: plain data → schema verdict → the model.

- :mod:`~roadmapctl.document.schema` — the JSON Schema verdict, fast for a valid file and
  located findings for an invalid one;
- :mod:`~roadmapctl.document.build` — plain data with positions → the model;
- :mod:`~roadmapctl.document.model` — the dataclasses every consumer reads;
- :mod:`~roadmapctl.document.fields` — the table of an activity's fields (key, attribute, kind,
  label, column), read by every consumer that names a field;
- :mod:`~roadmapctl.document.schedule` — the roadmap's period and each activity's deadline term.
"""
