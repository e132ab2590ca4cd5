"""Importing this package registers every rule."""

from roadmapctl.check.rules import (  # noqa: F401
    content,
    deadlines,
    numbering,
    parties,
    schema_rules,
    spelling,
    suppressions,
    syntax,
    typography,
)
