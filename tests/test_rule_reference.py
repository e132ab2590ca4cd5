"""docs/check.md's rule reference is generated from the registry and kept up to date."""

from __future__ import annotations

import importlib.util

from markdown_it import MarkdownIt

from conftest import ROOT
from roadmapctl.check.registry import all_rules, reference_markdown

PAGE = ROOT / "docs" / "check.md"


def _generator():
    spec = importlib.util.spec_from_file_location("rule_reference", ROOT / ".ci" / "rule_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_rule_reference_in_docs_is_up_to_date():
    page = PAGE.read_text(encoding="utf-8")
    generator = _generator()
    assert generator.MARKER in page
    assert page == generator.updated(page), "docs/check.md is stale: run python .ci/rule_reference.py"


def test_the_drift_test_would_notice_a_missing_rule():
    page = PAGE.read_text(encoding="utf-8")
    stale = page.replace("| RM409 | `school-calendar-holidays` | ошибка | — | Каникулы не между четвертями |\n", "")
    assert stale != page
    assert _generator().updated(stale) == page


def test_the_reference_lists_every_rule_once_with_its_facts():
    text = reference_markdown(all_rules())
    rows = [line for line in text.splitlines() if line.startswith("| RM")]
    assert [row.split(" | ")[0][2:] for row in rows] == [r.code for r in all_rules()]
    # written out by hand from check/rules/: a safe fix, a varying one, none; RM7xx and RM406–409 are there
    assert "| RM104 | `number-as-float` | ошибка | `check --fix` | Номер или текст записан без кавычек и читается как число |" in rows
    assert "| RM302 | `party-variant` | предупреждение | `check --fix`, где правка безопасна; иначе `--unsafe-fixes` и редактор | Один участник записан по-разному |" in rows
    assert "| RM406 | `bad-override` | ошибка | — | Явно указанный срок записан неверно |" in rows
    assert "| RM701 | `unknown-word` | предупреждение | — | Слово с ошибкой: его нет в словаре русского языка |" in rows
    assert "#### RM408 `school-calendar-order`: Четверти или триместры не по порядку или пересекаются" in text


def test_the_examples_are_yaml_code_blocks():
    tokens = MarkdownIt().parse(reference_markdown(all_rules()))
    fences = [t for t in tokens if t.type == "fence"]
    assert all(t.info == "yaml" for t in fences)
    assert "номер: 4.10\n" in [t.content for t in fences]  # RM104's wrong example, de-indented
    assert 'номер: "4.10"\n' in [t.content for t in fences]
    # every rule shows a wrong and a right example
    assert len(fences) >= 2 * len(all_rules())


def test_the_command_prints_the_reference():
    from runcli import run_in_process

    code, out, err = run_in_process("rules", "--format", "markdown")
    assert (code, err) == (0, b"")
    assert out.decode("utf-8") == reference_markdown(all_rules())
    code, out, err = run_in_process("rules", "RM605", "--format", "markdown")
    assert code == 0 and out.decode("utf-8").startswith("| Код | Имя | Важность | Исправление | Что проверяет |\n|---|---|---|---|---|\n"
                                                        "| RM605 | `spacing` | предупреждение | `check --fix` | Лишние пробелы |\n")
