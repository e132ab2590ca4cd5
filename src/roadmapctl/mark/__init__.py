"""Editing roadmap files in place: surgical text edits located through the composed YAML nodes,
so that every byte outside the edited lines stays as the user wrote it."""

from roadmapctl.mark.edits import EditError, EditResult, MarkRequest, STATUSES, mark_activity, mark_loaded
from roadmapctl.mark.hints import mark_warnings

__all__ = ["EditError", "EditResult", "MarkRequest", "STATUSES", "mark_activity", "mark_loaded", "mark_warnings"]
