"""The editor's incremental check (check/incremental.py): after any edit its findings are those of
a whole check of the same text, and an edit inside one activity is checked without a whole one."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from yaml.nodes import ScalarNode

from roadmapctl.check.config import Config
from roadmapctl.check.incremental import IncrementalCheck
from roadmapctl.check.registry import all_rules
from roadmapctl.check.runner import check_loaded
from roadmapctl.document.pipeline import load_bytes
from roadmapctl.loading.document import walk_nodes
from roadmapctl.spans import Span

ROOT = Path(__file__).resolve().parent.parent
ROADMAPS = sorted((ROOT / "roadmaps").glob("*.yaml"))
TULA = (ROOT / "roadmaps" / "tula-2020-2021.yaml").read_text(encoding="utf-8")
# a Windows path with Cyrillic letters and a space: the name every finding carries
NAME = "C:\\Users\\Мария\\Дорожные карты\\дорожная карта.yaml"


def whole(text: str, config: Config | None = None):
    return check_loaded(load_bytes(NAME, text.encode("utf-8", "surrogatepass")), config or Config())


def shape(root) -> list:
    """Every node's kind, position and (for a scalar) value: what hover and the rules read."""
    return [(type(node).__name__, Span.of_node(node), node.value if isinstance(node, ScalarNode) else None)
            for node in walk_nodes(root)] if root is not None else []


def found(diagnostics) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in diagnostics}


def test_typing_inside_an_activity_checks_only_that_activity():
    engine = IncrementalCheck(NAME)
    _, first = engine.check(TULA, Config())
    assert engine.last == "whole"
    assert ("RM303", 115) in found(first) and ("RM602", 91) not in found(first)
    # line 91 is the text of activity 1.1: a doubled word is typed
    typed = TULA.replace("муниципальной программы сопровождения", "муниципальной программы программы сопровождения", 1)
    _, diagnostics = engine.check(typed, Config())
    assert engine.last == "partial"
    assert ("RM602", 91) in found(diagnostics)
    assert diagnostics == whole(typed)
    # and removed again
    _, diagnostics = engine.check(TULA, Config())
    assert engine.last == "partial"
    assert diagnostics == first


def test_a_line_added_inside_an_activity_moves_the_findings_after_it():
    engine = IncrementalCheck(NAME)
    engine.check(TULA, Config())
    # activity 1.1 gets a third responsible on a new line 100, one the directory does not know
    added = TULA.replace("              - МКУ «ЦНППМ г.Тулы»\n            срок: Декабрь 2020\n",
                         "              - МКУ «ЦНППМ г.Тулы»\n              - Отдел кадров\n            срок: Декабрь 2020\n", 1)
    _, diagnostics = engine.check(added, Config())
    assert engine.last == "partial"
    assert ("RM301", 100) in found(diagnostics)
    # activity 2.2's missing responsible was on line 115, now 116; 2.3's on 120, now 121
    assert {("RM303", 116), ("RM303", 121)} <= found(diagnostics)
    assert ("RM303", 115) not in found(diagnostics)
    assert diagnostics == whole(added)


def test_a_message_that_names_a_line_names_it_after_lines_were_added():
    # activity 2.1 has its «срок» (line 112) twice: the second one is on line 113
    lines = TULA.split("\n")
    lines.insert(112, lines[111])
    doubled = "\n".join(lines)
    engine = IncrementalCheck(NAME)
    _, diagnostics = engine.check(doubled, Config())
    message = "ключ «срок» уже есть в этом словаре (строка {}); YAML оставит только последнее значение, а первое будет потеряно"
    assert [(d.line, d.message) for d in diagnostics if d.code == "RM002"] == [(113, message.format(112))]
    # a line added above, in activity 1.1: both lines move
    added = doubled.replace("              - МКУ «ЦНППМ г.Тулы»\n            срок: Декабрь 2020\n",
                            "              - МКУ «ЦНППМ г.Тулы»\n              - Отдел кадров\n            срок: Декабрь 2020\n", 1)
    _, diagnostics = engine.check(added, Config())
    assert engine.last == "partial"
    assert [(d.line, d.message) for d in diagnostics if d.code == "RM002"] == [(114, message.format(113))]
    assert diagnostics == whole(added)


def test_a_change_outside_the_activities_or_a_broken_text_is_checked_whole():
    engine = IncrementalCheck(NAME)
    engine.check(TULA, Config())
    retitled = TULA.replace("период: 2020-2021", "период: 2020-2022", 1)
    assert retitled != TULA
    _, diagnostics = engine.check(retitled, Config())
    assert engine.last == "whole" and diagnostics == whole(retitled)
    broken = retitled.replace("            срок: Февраль 2021\n", "            срок: [Февраль 2021\n", 1)
    _, diagnostics = engine.check(broken, Config())
    assert engine.last == "whole" and [d.code for d in diagnostics] == ["RM001"]
    _, diagnostics = engine.check(retitled, Config())
    assert engine.last == "whole"  # nothing was kept of the broken text
    again = retitled.replace("срок: Декабрь 2020", "срок: Январь 2021", 1)
    _, diagnostics = engine.check(again, Config())
    assert engine.last == "partial" and diagnostics == whole(again)


def test_windows_line_ends_are_checked_incrementally_too():
    crlf = TULA.replace("\n", "\r\n")
    engine = IncrementalCheck(NAME)
    engine.check(crlf, Config())
    typed = crlf.replace("муниципальной программы сопровождения", "муниципальной программы программы сопровождения", 1)
    _, diagnostics = engine.check(typed, Config())
    assert engine.last == "partial"
    assert ("RM602", 91) in found(diagnostics) and diagnostics == whole(typed)


def test_a_changed_configuration_is_a_whole_check():
    engine = IncrementalCheck(NAME)
    engine.check(TULA, Config())
    quiet = Config(ignore=("RM303",))
    _, diagnostics = engine.check(TULA, quiet)
    assert engine.last == "whole" and not any(d.code == "RM303" for d in diagnostics)


def test_every_rule_declares_a_scope_the_engine_knows():
    for rule in all_rules():
        assert rule.scope in ("document", "activity")
        assert rule.reads is None or rule.scope == "document"
    # the rules that compare activities with each other read the whole document
    # the rules whose messages name lines say so: their findings are made again, never moved
    assert {rule.code for rule in all_rules() if rule.names_lines} == {"RM002", "RM201"}
    scopes = {rule.code: rule.scope for rule in all_rules()}
    assert {scopes[c] for c in ("RM201", "RM202", "RM203", "RM204", "RM207", "RM302", "RM701", "RM702", "RM703")} == {"document"}


# -- random edits ------------------------------------------------------------------------------

PIECES = ["а", "о", " ", "  ", "теме", "теме теме", "РУО", "ИМЦ", ":", "-", "- ", "\"", "'", "#", "# noqa: RM602",
          "«", "»", "&a", "*a", "\t", "1.", "2.1.", "Март 2021", "ежеквартально", "x", "Ш", "\u00a0"]


@st.composite
def edits(draw):
    kind = draw(st.sampled_from(["insert", "delete", "duplicate", "drop", "blank", "replace-line"]))
    where = draw(st.floats(min_value=0, max_value=1, exclude_max=True))
    at = draw(st.floats(min_value=0, max_value=1))
    piece = draw(st.sampled_from(PIECES))
    return kind, where, at, piece


def apply(text: str, edit) -> str:
    kind, where, at, piece = edit
    lines = text.split("\n")
    index = int(where * len(lines))
    line = lines[index]
    column = int(at * len(line))
    if kind == "insert":
        lines[index] = line[:column] + piece + line[column:]
    elif kind == "delete":
        lines[index] = line[:column] + line[column + len(piece):]
    elif kind == "duplicate":
        lines.insert(index, line)
    elif kind == "drop" and len(lines) > 1:
        del lines[index]
    elif kind == "blank":
        lines.insert(index, "" if len(piece) < 3 else " " * (len(line) - len(line.lstrip())) + "# " + piece)
    elif kind == "replace-line":
        indent = line[: len(line) - len(line.lstrip())]
        lines[index] = indent + line.lstrip().split(":", 1)[0] + ": " + piece if ":" in line else indent + piece
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ROADMAPS), st.lists(st.tuples(edits(), st.booleans()), min_size=1, max_size=6))
def test_random_edits_give_the_findings_of_a_whole_check(path, steps):
    text = path.read_text(encoding="utf-8")
    engine = IncrementalCheck(NAME)
    engine.check(text, Config())
    for edit, keep in steps:
        changed = apply(text, edit)
        loaded, diagnostics = engine.check(changed, Config())
        assert diagnostics == whole(changed)
        reference = load_bytes(NAME, changed.encode("utf-8", "surrogatepass"))
        assert (loaded.roadmap is None) == (reference.roadmap is None)
        if loaded.document is not None and reference.document is not None:
            assert loaded.document.data == reference.document.data
            assert shape(loaded.document.root) == shape(reference.document.root)
        if loaded.roadmap is not None and reference.roadmap is not None:
            assert loaded.roadmap == reference.roadmap
            assert [(a.span, a.spans) for a in loaded.roadmap.activities()] == \
                [(a.span, a.spans) for a in reference.roadmap.activities()]
        if keep:
            text = changed
