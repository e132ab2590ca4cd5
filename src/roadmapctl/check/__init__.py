"""Stage 4a: check a roadmap — a registry of small rules, one code each, run over the pipeline."""

from roadmapctl.check.diagnostics import Diagnostic, Severity
from roadmapctl.check.registry import RULES, Rule, all_rules
from roadmapctl.check.runner import check_source, check_path

__all__ = ["Diagnostic", "Severity", "RULES", "Rule", "all_rules", "check_source", "check_path"]
