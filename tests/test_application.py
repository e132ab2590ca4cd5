"""The application layer below the CLI: the pipeline's ``require_roadmap`` and its typed error,
the batch policy every command shares (a broken file is reported, the others are processed, exit
1), and each command's ``run(request) -> outcome`` called in this process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import SMALL_ROADMAP

from roadmapctl.document.pipeline import (
    NotARoadmap,
    Policy,
    load_roadmaps,
    require_roadmap,
)
from roadmapctl.document.problems import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, exit_status
from roadmapctl.loading.source import SourceError

BROKEN = "версия_формата: 1\nорган: [\n"


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """Three files, the middle one not YAML (names with Cyrillic letters and spaces)."""
    folder = tmp_path / "Дорожные карты"
    folder.mkdir()
    (folder / "1 Примерск.yaml").write_text(SMALL_ROADMAP, encoding="utf-8")
    (folder / "2 Сломанная карта.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "3 Другой город.yaml").write_text(SMALL_ROADMAP.replace("город Примерск", "город Другой"), encoding="utf-8")
    return [str(p) for p in sorted(folder.iterdir())]


def test_require_roadmap_gives_the_roadmap_or_a_typed_error(batch):
    loaded = require_roadmap(batch[0])
    assert loaded.roadmap is not None and loaded.roadmap.municipality == "город Примерск"
    with pytest.raises(NotARoadmap) as raised:
        require_roadmap(batch[1])
    [problem] = raised.value.loaded.problems
    assert (problem.code, problem.span.line, problem.span.column) == ("RM001", 3, 1)
    assert raised.value.loaded.name.endswith("2 Сломанная карта.yaml")
    with pytest.raises(SourceError) as missing:
        require_roadmap(str(Path(batch[0]).with_name("нет такого.yaml")))
    assert missing.value.io and missing.value.message == "файл не найден"


def test_the_batch_policy(batch):
    kept = load_roadmaps(batch)
    assert [r.municipality for r in kept.roadmaps] == ["город Примерск", "город Другой"]
    assert [p.name for p in kept.problems] == [batch[1]] and not kept.problems[0].usage
    assert exit_status(kept.problems) == EXIT_FINDINGS
    stopped = load_roadmaps(batch, Policy.STOP)
    assert stopped.stopped and stopped.roadmaps == [] and len(stopped.problems) == 1
    unreadable = load_roadmaps([batch[0], batch[0] + ".нет"])
    assert unreadable.problems[0].usage and exit_status(unreadable.problems) == EXIT_USAGE
    assert exit_status([]) == EXIT_OK and exit_status([], findings=True) == EXIT_FINDINGS


def test_report_covers_the_other_files(batch, tmp_path):
    """Before, ``report`` with one broken file among three wrote nothing."""
    from roadmapctl.report.command import ReportRequest, run

    target = tmp_path / "Отчёт о ходе.json"
    outcome = run(ReportRequest(tuple(batch), date(2021, 6, 1), format="json", output=str(target)))
    assert outcome.exit_code == EXIT_FINDINGS and outcome.written
    assert [p.name for p in outcome.problems] == [batch[1]]
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [(Path(item["file"]).name, item["kind"], item["days_late"]) for item in report["items"]] == [
        ("1 Примерск.yaml", "overdue", 62), ("3 Другой город.yaml", "overdue", 62)]
    # the --fail-on finding and the broken file make the same exit status
    clean = run(ReportRequest((batch[0],), date(2021, 6, 1), format="json", fail_on=("overdue",)))
    assert clean.hit == ["overdue"] and clean.exit_code == EXIT_FINDINGS and not clean.problems


def test_report_refuses_a_roadmap_as_its_target(batch):
    from roadmapctl.report.command import ReportRequest, run
    from roadmapctl.report.request import RequestError

    with pytest.raises(RequestError, match="отчёт нельзя записать в файл дорожной карты"):
        run(ReportRequest(tuple(batch), date(2021, 6, 1), output=str(Path(batch[0]).with_name("отчёт.yml"))))


def test_render_and_export_process_the_other_files(batch, tmp_path):
    from roadmapctl.export.command import ExportRequest
    from roadmapctl.export.command import run as export
    from roadmapctl.render.command import RenderRequest
    from roadmapctl.render.command import run as render
    from roadmapctl.render.formats import FORMATS

    seen: list[str] = []
    rendered = render(RenderRequest(tuple(batch), FORMATS["md"], output=str(tmp_path / "Приложения") + "/"),
                      seen.append)
    assert seen == batch
    assert [r.target.name for r in rendered.rendered if r.target] == ["1 Примерск.md", "3 Другой город.md"]
    assert (rendered.written, rendered.exit_code) == (2, EXIT_FINDINGS)
    assert [p.name for p in rendered.problems] == [batch[1]]
    exported = export(ExportRequest(tuple(batch)))
    assert exported.data is not None and exported.exit_code == EXIT_FINDINGS
    assert [Path(r["file"]).name for r in json.loads(exported.data)["roadmaps"]] == ["1 Примерск.yaml", "3 Другой город.yaml"]
    nothing = export(ExportRequest((batch[1],)))
    assert nothing.data is None and nothing.exit_code == EXIT_FINDINGS


def test_the_command_line_prints_the_broken_file_and_writes_the_others(batch, tmp_path, cli):
    target = tmp_path / "отчёт.md"
    code, out, err = cli("report", str(Path(batch[0]).parent), "--as-of", "2021-06-01", "-f", "md", "-o", str(target))
    assert code == 1 and out == ""
    text = err
    assert "2 Сломанная карта.yaml:3:1: RM001 ошибка: ошибка синтаксиса YAML" in text
    assert "в файле " + batch[1] + " есть ошибки" in text
    written = target.read_text(encoding="utf-8")
    assert "город Примерск" in written and "город Другой" in written


def test_fmt_formats_the_other_files(batch):
    from roadmapctl.format.command import FmtRequest, Mode, run

    outcome = run(FmtRequest(tuple(batch), Mode.CHECK))
    assert [Path(f.name).name for f in outcome.formatted] == ["1 Примерск.yaml", "3 Другой город.yaml"]
    [problem] = outcome.problems
    assert problem.name == batch[1] and not problem.usage and problem.message.startswith(batch[1] + ":3:1: ")
    assert outcome.exit_code == EXIT_FINDINGS


def test_mark_leaves_a_broken_file_alone_and_edits_a_valid_one(batch):
    from roadmapctl.mark import MarkRequest
    from roadmapctl.mark.command import MarkFileRequest, run

    edit = MarkRequest(number="1", on=date(2021, 3, 30), explicit_date=True, status="выполнено")
    broken = run(MarkFileRequest(batch[1], edit))
    assert broken.result is None and broken.exit_code == EXIT_FINDINGS
    assert Path(batch[1]).read_text(encoding="utf-8") == BROKEN
    dry = run(MarkFileRequest(batch[0], edit, dry_run=True))
    assert dry.diff is not None and "+        статус: выполнено\n" in dry.diff and not dry.written
    assert "статус" not in Path(batch[0]).read_text(encoding="utf-8")
    done = run(MarkFileRequest(batch[0], edit))
    assert done.written and done.exit_code == EXIT_OK
    assert "        статус: выполнено\n        дата_выполнения: 2021-03-30\n" in Path(batch[0]).read_text(encoding="utf-8")


def test_check_and_diff_run_in_process(batch):
    from roadmapctl.check.command import CheckRequest
    from roadmapctl.check.command import run as check
    from roadmapctl.diff.command import DiffRequest
    from roadmapctl.diff.command import run as diff

    checked = check(CheckRequest(tuple(batch), format="concise", jobs=1))
    assert checked.exit_code == EXIT_FINDINGS and checked.report is not None
    assert f"{batch[1]}:3:1: RM001 " in checked.report
    compared = diff(DiffRequest((batch[0], batch[2]), fail_on_change=True))
    assert compared.changed and compared.exit_code == EXIT_FINDINGS
    assert "муниципалитет" in compared.report and "город Другой" in compared.report


def test_import_checks_its_result_with_the_function_it_is_given(tmp_path):
    from roadmapctl.importer.command import Findings, ImportRequest, run

    document = tmp_path / "Дорожная карта.txt"
    document.write_text("№ п/п\tМероприятие\tОтветственный\tСрок\n1.\tСеминар для учителей\tРУО\tмарт 2021 года\n",
                        encoding="utf-8")
    seen: list[str] = []

    def check(text: str, name: str) -> Findings:
        seen.append(name)
        return Findings(["ошибка"], 0)

    target = tmp_path / "Карты" / "карта.yaml"
    target.parent.mkdir()
    outcome = run(ImportRequest(str(document), str(target)), check)
    assert seen == [str(target)] and outcome.exit_code == EXIT_FINDINGS
    assert target.read_text(encoding="utf-8") == outcome.text and "Семинар для учителей" in outcome.text
