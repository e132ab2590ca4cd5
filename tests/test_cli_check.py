"""`roadmapctl check` as a user and CI run it: formats, exit codes, configuration, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import ROADMAPS

GOOD = (ROADMAPS / "aban-2020-2023.yaml").read_text(encoding="utf-8")


def test_bundled_roadmaps_pass_and_fail_only_with_strict(cli):
    code, out, err = cli("check", str(ROADMAPS))
    assert code == 0, err
    assert "Проверено файлов: 5. Ошибок: 0" in out
    code, _out, _err = cli("check", "--strict", str(ROADMAPS))
    assert code == 1


def test_text_output_has_source_line_and_caret(tmp_path, cli):
    path = tmp_path / "r.yaml"
    path.write_text(GOOD.replace("Июнь 2020 г.", "По отделному графику", 1), encoding="utf-8")
    code, out, _err = cli("check", str(path))
    assert code == 0
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if "RM404" in line)
    assert lines[index].startswith(f"{path}:")
    assert "предупреждение" in lines[index]
    source, caret = lines[index + 1], lines[index + 2]
    assert "По отделному графику" in source
    assert source[caret.index("^"):].startswith("отделному")
    assert "\x1b[" not in out  # plain when piped


def test_json_format_is_stable_and_complete(cli):
    code, out, _err = cli("check", "--format", "json", str(ROADMAPS / "baunt-2021-2022.yaml"))
    assert code == 0
    payload = json.loads(out)
    first = payload["diagnostics"][0]
    assert set(first) >= {"file", "line", "column", "end_line", "end_column", "code", "severity", "message"}
    assert payload["summary"]["files"] == 1
    assert payload["summary"]["warnings"] == len(payload["diagnostics"]) == 23  # 15 defects of the text + 5 section numbers in another style + 3 misspelt words
    assert payload["summary"]["by_code"]["RM303"] == 2


def test_github_annotations_are_default_in_actions(cli):
    code, out, _err = cli("check", str(ROADMAPS / "tula-2020-2021.yaml"), env={"GITHUB_ACTIONS": "true"})
    assert code == 0
    lines = out.splitlines()
    # 13 + «ЦНППИМ» for «ЦНППМ» 8 times (the ninth is inside a variant already reported as RM302);
    # the CI formats keep one record per finding, repeats are not grouped
    assert len(lines) == 21
    assert all(line.startswith("::warning file=") for line in lines)
    assert any(",title=RM303::" in line for line in lines)


# What code-scanning uploads require of a SARIF 2.1.0 log, written out from the specification's
# required properties (sections 3.13, 3.14, 3.18, 3.19, 3.27, 3.28, 3.29, 3.30).
_TEXT = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
_POSITIVE = {"type": "integer", "minimum": 1}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"], "properties": {
                        "name": {"type": "string"},
                        "rules": {"type": "array", "items": {"type": "object", "required": ["id", "shortDescription"],
                                                             "properties": {"id": {"type": "string"}, "shortDescription": _TEXT}}},
                    }}}},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["ruleId", "message", "locations", "level"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": _TEXT,
                        "locations": {"type": "array", "minItems": 1, "items": {
                            "type": "object", "required": ["physicalLocation"], "properties": {"physicalLocation": {
                                "type": "object", "required": ["artifactLocation", "region"], "properties": {
                                    "artifactLocation": {"type": "object", "required": ["uri"]},
                                    "region": {"type": "object", "required": ["startLine", "startColumn"], "properties": {
                                        "startLine": _POSITIVE, "startColumn": _POSITIVE, "endLine": _POSITIVE, "endColumn": _POSITIVE}},
                                }}}}},
                    }}},
            }}},
    },
}


def test_gitlab_and_sarif_formats(cli):
    _code, out, _err = cli("check", "-f", "gitlab", str(ROADMAPS / "aban-2020-2023.yaml"))
    issues = json.loads(out)
    # 5 defects + 4 numbers without the final dot + «Почесткая», «ШПРО» twice + «В течение
    # учебного года» four times in a roadmap of calendar years
    assert len(issues) == 16 and {i["severity"] for i in issues} == {"minor"}
    assert len({i["fingerprint"] for i in issues}) == 16
    assert issues[0]["location"]["lines"]["begin"] >= 1
    _code, out, _err = cli("check", "-f", "sarif", str(ROADMAPS / "aban-2020-2023.yaml"))
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SUBSET)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_concise_statistics_select_ignore_and_output_file(tmp_path, cli):
    _code, out, _err = cli("check", "-f", "concise", "--select", "RM3", str(ROADMAPS))
    assert out and all(" RM30" in line for line in out.splitlines())
    _code, out, _err = cli("check", "--statistics", "--ignore", "RM302,RM303", str(ROADMAPS))
    assert "RM403" in out and "RM302" not in out and "RM303" not in out
    target = tmp_path / "report.json"
    code, out, _err = cli("check", "-f", "json", "-o", str(target), str(ROADMAPS))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 5


def test_unknown_rule_code_is_a_usage_error(cli):
    code, _out, err = cli("check", "--select", "XX1", str(ROADMAPS))
    assert code == 2 and "неизвестный код правила" in err


def test_configuration_is_found_walking_up(tmp_path, cli):
    (tmp_path / "pyproject.toml").write_text('[tool.roadmapctl]\nignore = ["RM2"]\nstrict = true\n', encoding="utf-8")
    nested = tmp_path / "region" / "district"
    nested.mkdir(parents=True)
    (nested / "r.yaml").write_text(GOOD, encoding="utf-8")
    code, out, _err = cli("check", "-f", "concise", str(nested / "r.yaml"))
    assert "RM202" not in out and "RM403" in out
    assert code == 1  # strict from the configuration
    (tmp_path / "region" / "roadmapctl.toml").write_text('ignore = ["RM"]\n', encoding="utf-8")
    code, out, _err = cli("check", "-f", "concise", str(nested / "r.yaml"))
    assert code == 0 and out == ""


def test_broken_configuration_is_reported_not_crashed(tmp_path, cli):
    (tmp_path / "roadmapctl.toml").write_text("ignore = [\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(GOOD, encoding="utf-8")
    code, _out, err = cli("check", str(tmp_path / "r.yaml"))
    assert code == 2 and "настройки" in err and "Traceback" not in err


def test_standard_input(cli):
    code, out, _err = cli("check", "-f", "concise", "-", stdin=GOOD.encode("utf-8"))
    assert code == 0 and out.startswith("<stdin>:")


BAD_INPUTS = {
    "empty.yaml": b"",
    "binary.yaml": bytes(range(256)),
    "list.yaml": b"- a\n- b\n",
    "tabs.yaml": b"a:\n\tb: 1\n",
    "quote.yaml": b'a: "abc\n',
    "tag.yaml": b"a: !!python/object/apply:os.system ['echo']\n",
    "bomb.yaml": ("l0: &l0 [x]\n" + "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i-1}"] * 9) + "]\n" for i in range(1, 10))).encode(),
    "deep.yaml": b"[" * 100000 + b"]" * 100000,
    "control.yaml": "мероприятие: текст\x01\n".encode(),
    "cp1251.yaml": "мероприятие: Создание команды\n".encode("cp1251"),
    "bom_crlf.yaml": b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_never_gives_a_traceback(tmp_path, name, cli):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    code, out, err = cli("check", str(path))
    assert "Traceback" not in out + err and "внутренняя ошибка" not in err
    if name == "bom_crlf.yaml":
        assert code == 0
    else:
        assert code == 1
        assert f"{path}:" in out


def test_big_file_and_missing_path(tmp_path, cli):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (20 * 1024 * 1024))
    code, out, _err = cli("check", str(big))
    assert code == 1 and "слишком велик" in out
    code, _out, err = cli("check", str(tmp_path / "nope.yaml"))
    assert code == 2 and "не найдены" in err


def test_check_does_not_load_heavy_libraries():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "roadmapctl", "check", str(ROADMAPS / "aban-2020-2023.yaml")],
                          capture_output=True)
    assert proc.returncode == 0
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.decode().splitlines() if "|" in line}
    heavy = {"docx", "jinja2", "openpyxl", "ruamel", "rich", "icalendar", "jsonschema", "lxml", "pydantic"}
    assert loaded & heavy == set(), "check must start fast: no rendering, reporting or full-schema libraries on a valid file"
    assert {"yaml", "roadmapctl"} <= loaded  # the probe saw the real imports


def _option_help(command: str, option: str) -> str:
    from roadmapctl.cli import build_command

    [param] = [p for p in build_command().commands[command].params if option in p.opts]
    return param.help


def test_format_choices_are_the_table_of_formats(cli):
    from roadmapctl.check.output import FORMATS, Findings, default_format

    assert f"Формат вывода: {', '.join(FORMATS)}." in _option_help("check", "--format")
    assert default_format(github_log=False) == "text" and default_format(github_log=True) == "github"
    for fmt in FORMATS.values():  # every row renders (an empty report: no finding in no file)
        assert isinstance(fmt.render(Findings([], {}, 0), False), str)
    code, out, err = cli("check", "--format", "xml", str(ROADMAPS / "aban-2020-2023.yaml"))
    assert code == 2 and not out
    assert f"неизвестный формат «xml»; допустимы: {', '.join(FORMATS)}" in err


def test_text_report_says_first_what_was_found_and_groups_repeats(cli):
    tula = str(ROADMAPS / "tula-2020-2021.yaml")
    code, out, _err = cli("check", tula)
    assert code == 0
    lines = out.splitlines()
    # counted by hand from the document: six rows without a responsible and seven spellings of
    # the centre (RM3xx), «ЦНППИМ» in 4.1–4.8 (RM7xx)
    assert lines[:3] == [
        "Проверено файлов: 1. Ошибок: 0, предупреждений: 21.",
        "Что найдено: ответственные — 13; орфография — 8.",
        ("Предупреждения — это советы: они не мешают принять дорожную карту; если так написано "
         "в утверждённом документе, их можно оставить."),
    ]
    # one finding per cause, its repeats listed by line
    assert sum(1 for line in lines if " RM702 " in line) == 1
    assert "      ещё в строках 181, 188, 195, 206, 220, 228, 235" in lines
    assert "      ещё в строках 111, 152" in lines
    assert "      ещё в строках 327, 340" in lines
    assert not any("подавите" in line for line in lines)
    # the CI formats keep one record each
    _code, out, _err = cli("check", "--format", "json", tula)
    codes = [d["code"] for d in json.loads(out)["diagnostics"]]
    assert codes.count("RM702") == 8 and codes.count("RM302") == 7


def test_a_file_without_findings_has_no_overview(tmp_path, cli):
    path = tmp_path / "Дорожная карта.yaml"
    path.write_text(GOOD, encoding="utf-8")
    _code, out, _err = cli("check", "--ignore", "RM", str(path))
    assert out == "Проверено файлов: 1. Ошибок: 0, предупреждений: 0.\n"
