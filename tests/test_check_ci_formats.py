"""CI reports of `check`: one fingerprint per finding (GitLab drops findings that share one), the
rules' Russian documentation as SARIF `help`, and paths relative to the repository root,
percent-encoded in SARIF URIs."""

from __future__ import annotations

import json
import shutil

from conftest import ROADMAPS

TWICE = """версия_формата: 1
муниципалитет: город N
название: Дорожная карта
период: 2021-2022
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
    мероприятия:
      - номер: "1"
        мероприятие: Совещание  с руководителями
        срок: сентябрь 2021
      - номер: "2"
        мероприятие: Совещание  с руководителями
        срок: сентябрь 2021
"""


def test_every_finding_of_the_bundled_roadmaps_has_its_own_fingerprint(cli):
    _code, out, _err = cli("check", "-f", "gitlab", str(ROADMAPS))
    issues = json.loads(out)
    assert len(issues) > 50
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    _code, out, _err = cli("check", "-f", "sarif", str(ROADMAPS))
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == len(issues)
    assert len({r["partialFingerprints"]["roadmapctl/v2"] for r in results}) == len(results)


def test_the_same_finding_on_two_equal_lines_gets_two_fingerprints_that_survive_moving(tmp_path, cli):
    path = tmp_path / "r.yaml"
    path.write_text(TWICE, encoding="utf-8")
    _code, out, _err = cli("check", "-f", "gitlab", "--select", "RM605", str(path))
    first = json.loads(out)
    assert [i["check_name"] for i in first] == ["RM605", "RM605"]
    assert first[0]["fingerprint"] != first[1]["fingerprint"]
    # a comment above moves every line down: the fingerprints stay
    path.write_text("# примечание\n" + TWICE, encoding="utf-8")
    _code, out, _err = cli("check", "-f", "gitlab", "--select", "RM605", str(path))
    moved = json.loads(out)
    assert [i["location"]["lines"]["begin"] for i in moved] == [i["location"]["lines"]["begin"] + 1 for i in first]
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in first]


def test_sarif_rules_carry_their_russian_documentation_as_help(cli):
    _code, out, _err = cli("check", "-f", "sarif", str(ROADMAPS / "aban-2020-2023.yaml"))
    rules = {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    help_text = rules["RM104"]["help"]["text"]
    assert help_text.startswith("RM104 (number-as-float) — ")
    assert "Важность по умолчанию: ошибка." in help_text
    assert "YAML читает `4.10` без кавычек как дробное число 4.1" in help_text
    assert all(r["help"]["text"] and r["help"]["markdown"] for r in rules.values())


def test_paths_are_relative_to_the_repository_root_and_percent_encoded(tmp_path, cli):
    repo = tmp_path / "repo"
    folder = repo / "дорожные карты"
    folder.mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copy(ROADMAPS / "aban-2020-2023.yaml", folder / "карта 1.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = "../repo/дорожные карты/карта 1.yaml"
    _code, out, _err = cli("check", "-f", "sarif", target, cwd=elsewhere)
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {
        "uri": "%D0%B4%D0%BE%D1%80%D0%BE%D0%B6%D0%BD%D1%8B%D0%B5%20%D0%BA%D0%B0%D1%80%D1%82%D1%8B/"
               "%D0%BA%D0%B0%D1%80%D1%82%D0%B0%201.yaml",
        "uriBaseId": "SRCROOT",
    }
    _code, out, _err = cli("check", "-f", "gitlab", target, cwd=elsewhere)
    assert json.loads(out)[0]["location"]["path"] == "дорожные карты/карта 1.yaml"


