"""Rewrite the rule reference at the end of docs/check.md from the rule registry.

Everything after the marker line is generated (``roadmapctl rules --format markdown``);
tests/test_rule_reference.py fails while the page differs from the registry.
Usage: python .ci/rule_reference.py  (from the project root, with roadmapctl importable)
"""

from __future__ import annotations

from pathlib import Path

from roadmapctl.check.registry import all_rules, reference_markdown

MARKER = "<!-- rules: generated from the registry by .ci/rule_reference.py; do not edit below -->"


def updated(page: str) -> str:
    head = page.split(MARKER, 1)[0] if MARKER in page else page.rstrip("\n") + "\n\n"
    return head + MARKER + "\n\n" + reference_markdown(all_rules())


if __name__ == "__main__":
    path = Path(__file__).resolve().parents[1] / "docs" / "check.md"
    text = path.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"обновлён {path}")
