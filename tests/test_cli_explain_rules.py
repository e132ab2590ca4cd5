"""`explain` with a rule code: the rule's documentation, never a deadline "not recognised"."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("written", ["RM302", "rm302", "Rm 302", "РМ302", " RM-302 "])
def test_explain_a_rule_code_shows_the_rule(cli, written):
    code, out, err = cli("explain", written)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "RM302 (party-variant) — Один участник записан по-разному"
    assert lines[1] == "Группа: Ответственные. Важность по умолчанию: предупреждение."
    assert "срок не распознан" not in out and "Период:" not in out


def test_explain_mixes_rule_codes_and_deadlines_in_order(cli):
    code, out, err = cli("explain", "-p", "2021-2022", "март 2021 года", "rm405")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == ["Период: 01.01.2021–31.12.2022 (2021-2022)", "", "«март 2021 года»",
                         "  однократно: 31.03.2021"]
    assert lines[4:6] == ["", "RM405 (deadline-outside-period) — Срок вне периода дорожной карты"]


def test_explain_json_names_the_rule(cli):
    code, out, err = cli("explain", "-f", "json", "rm101", "ежегодно")
    assert code == 0, err
    rule, term = json.loads(out)
    assert rule["rule"]["code"] == "RM101" and rule["rule"]["group"]
    assert term["kind"] == "recurring"


def test_explain_an_unknown_rule_code_is_a_usage_error(cli):
    code, out, err = cli("explain", "RM999")
    assert code == 2 and out == ""
    assert "«RM999» похоже на код правила, но правила RM999 нет" in err
    assert "Traceback" not in err


def test_a_deadline_with_digits_is_still_a_deadline(cli):
    # "RM" must be the whole text: a deadline that merely contains numbers stays a deadline
    code, out, err = cli("explain", "-p", "2021", "-f", "json", "до 302 дня")
    assert code == 0, err
    [term] = json.loads(out)
    assert term["text"] == "до 302 дня" and "rule" not in term
