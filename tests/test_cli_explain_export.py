"""`explain` and `export --format json` from the command line."""

from __future__ import annotations

import json

from conftest import ROADMAPS


def test_explain_json_reads_seed_phrases(cli):
    code, out, _err = cli("explain", "--period", "2021-2022", "--format", "json", "ежеквартально", "Март 2021 года", "По графику ИРО и ОРЦОКО")
    assert code == 0
    quarterly, march, schedule = json.loads(out)
    assert quarterly["kind"] == "recurring"
    assert quarterly["dates"] == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31",
                                  "2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]
    assert (march["kind"], march["due"], march["dates"]) == ("once", "2021-03-31", ["2021-03-31"])
    assert (schedule["kind"], schedule["due"], schedule["dates"]) == ("schedule", None, [])


def test_explain_accepts_all_period_forms_and_warns(cli):
    code, out, _err = cli("explain", "-p", "2020-2021 учебный год", "-f", "json", "август")
    assert code == 0
    [term] = json.loads(out)
    # one school year has one August: the year is certain, so there is no warning
    assert term["due"] == "2021-08-31" and term["warnings"] == []
    code, out, _err = cli("explain", "-p", "2020-2022", "-f", "json", "август")
    [term] = json.loads(out)
    assert term["due"] == "2020-08-31" and term["warnings"]
    code, out, _err = cli("explain", "-p", "2021-01-01..2022-12-31", "ежегодно")
    assert code == 0 and "31.12.2021" in out and "31.12.2022" in out


def test_explain_bad_period_is_a_usage_error(cli):
    code, _out, err = cli("explain", "-p", "когда-нибудь", "март")
    assert code == 2 and "период" in err and "Traceback" not in err


def test_export_json_has_all_178_rows_with_readings(cli):
    code, out, err = cli("export", str(ROADMAPS), "--format", "json")
    assert code == 0, err
    roadmaps = json.loads(out)["roadmaps"]
    assert len(roadmaps) == 5
    rows = [a for r in roadmaps for a in r["activities"]]
    assert len(rows) == 178
    mtsensk = next(r for r in roadmaps if r["file"].endswith("mtsensk-2021-2022.yaml"))
    assert mtsensk["municipality"] and mtsensk["period"] == {"text": "2021-2022", "start": "2021-01-01", "end": "2022-12-31"}
    row = next(a for a in mtsensk["activities"] if a["number"] == "4.6.1.")
    assert row["parent"] == "4.6."
    assert row["section"] == ["4. Совершенствование работы по развитию кадрового потенциала руководящих и педагогических работников школы"]
    first = mtsensk["activities"][0]
    assert first["number"] == "1.1."
    assert first["deadline"] == "февраль, 2021г, реализация до 2022 года"
    assert set(first) >= {"number", "text", "section", "responsible", "deadline", "result", "deadline_kind", "due", "dates"}
    baunt = next(r for r in roadmaps if r["file"].endswith("baunt-2021-2022.yaml"))
    quarterly = next(a for a in baunt["activities"] if a["number"] == "15")
    assert quarterly["deadline"] == "ежеквартально" and quarterly["deadline_kind"] == "recurring" and len(quarterly["dates"]) == 8
    nine = next(a for a in baunt["activities"] if a["number"] == "9")
    assert nine["responsible"] == []


def test_export_never_overwrites_without_force(tmp_path, cli):
    target = tmp_path / "out.json"
    target.write_text("чужой файл", encoding="utf-8")
    code, _out, err = cli("export", str(ROADMAPS), "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "чужой файл"
    code, _out, _err = cli("export", str(ROADMAPS), "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["roadmaps"]
