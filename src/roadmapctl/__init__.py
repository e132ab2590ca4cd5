"""roadmapctl: municipal roadmaps for schools with low results, kept as YAML."""

__version__ = "0.1.0"
