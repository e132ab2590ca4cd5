"""Stage 1 of the pipeline: bytes → text → YAML nodes with positions → plain data."""

from roadmapctl.loading.document import Document, LoadError, load_document, load_path, load_text
from roadmapctl.loading.source import Source, read_source

__all__ = ["Document", "LoadError", "Source", "load_document", "load_path", "load_text", "read_source"]
