"""Truth on the five real roadmaps: every defect docs/domain.md lists is reported at the
activity it concerns, every finding is true of the document, nothing fine is flagged.

The expectations are written out by hand from the seed documents (tests/fixtures/seeds), one line per
defect: (rule, a fragment of the message that names the activity or the words concerned).
"""

from __future__ import annotations

import pytest

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.runner import check_path

from conftest import ROADMAPS

EXPECTED = {
    "baunt-2021-2022.yaml": [
        ("RM404", "«5»"),                     # "По отделному графику"
        ("RM303", "«9»"),                     # no responsible
        ("RM303", "«61»"),
        ("RM401", "«13»"),                    # no deadline
        ("RM602", "«МБОУ» повторено"),        # 12: "МБОУ МБОУ «Витимская СОШ»"
        ("RM602", "«МБОУ» повторено"),        # 13: the same in its result
        ("RM603", 'кавычка "'),               # 12: МБОУ "Уакитская СОШ", МБОУ "Усть – Джигиндинская ООШ»
        ("RM603", "закрывающая кавычка »"),
        ("RM605", "пробел перед знаком"),     # 14: «дорожная »
        ("RM606", "«х»"),                     # 19: "компетентности х педагогов"
        ("RM606", "«х»"),                     # 20: the same
        ("RM601", "«неobjективности»"),       # 33
        ("RM601", "«неobjективной»"),         # 34
        ("RM501", "«61»"),                    # no expected result
        ("RM501", "«63»"),
        # sections 2.1, 2.2, 3.1–3.5 are written without a final dot, 1.1.–1.3., 2.3., 2.4. with one
        ("RM207", "«1.1.» записан с точкой"), ("RM207", "«1.2.» записан с точкой"),
        ("RM207", "«1.3.» записан с точкой"), ("RM207", "«2.3.» записан с точкой"),
        ("RM207", "«2.4.» записан с точкой"),
        ("RM701", "«отделному» нет в словаре: возможно, имелось в виду «отдельному»?"),  # 5: "По отделному графику"
        ("RM701", "«оленочных» нет в словаре: возможно, имелось в виду «оценочных»?"),   # 6
        ("RM701", "«Расмотрение» нет в словаре: возможно, имелось в виду «Рассмотрение»?"),  # 7
    ],
    "mtsensk-2021-2022.yaml": [
        ("RM602", "«член рабочей группы» повторено"),  # Чухрий, in the order's list ...
        ("RM602", "«член рабочей группы» повторено"),  # ... and in the working group
        ("RM603", "открывающая кавычка «"),   # 1.1: ГБОУ ОО ДПО «Институт развития образования
        ("RM603", "открывающая кавычка «"),   # 2.4: «Орловский университет им. И.С. Тургенева.
        ("RM401", "«1.4.»"),
        ("RM401", "«1.5.»"),
        ("RM401", "«1.6.»"),
        ("RM302", "«БУ ОО ДПО «Институт развития образования»»"),  # 1.6 vs 1.1: ГБОУ / БУ
        ("RM202", "после «4.» идёт «6.»"),    # no section 5
        ("RM403", "«3.1.»"),                  # "Апрель – Июнь-июль": no year
        ("RM403", "«3.2.»"),                  # август
        ("RM403", "«3.3.»"),                  # сентябрь
        ("RM403", "«3.4.»"),
        ("RM403", "«3.5.»"),
        ("RM403", "«3.7.»"),                  # Декабрь
        ("RM403", "«3.8.»"),                  # ноябрь-декабрь
        ("RM403", "«3.9.»"),                  # декабрь
        ("RM403", "«6.1.»"),                  # август
        # «В течение учебного года» in a roadmap of the calendar years 2021-2022: which school year?
        ("RM403", "«4.4.»"), ("RM403", "«4.12.»"), ("RM403", "«4.13.»"),
        ("RM701", "«педагогги» нет в словаре: возможно, имелось в виду «педагоги»"),  # 3.3: "педагогги-психологи"
        # the author of the stress-resistance test is Н.В. Киршева; 3.2 writes «Н.В.Кириева», 3.3 «Н.В.Киршева»
        ("RM703", "«Кириева» и «Киршева»"), ("RM703", "«Киршева» и «Кириева»"),
        # «Сош» for «СОШ»: the two members of the party «Сош №2, №3» and the responsible of 6.1
        ("RM701", "«Сош» написана строчными буквами: возможно, имелось в виду «СОШ»?"),
        ("RM701", "«Сош» написана строчными буквами: возможно, имелось в виду «СОШ»?"),
        ("RM701", "«Сош» написана строчными буквами: возможно, имелось в виду «СОШ»?"),
    ],
    "tula-2020-2021.yaml": [
        ("RM303", "«2.2.»"), ("RM303", "«2.3.»"), ("RM303", "«2.4.»"),
        ("RM303", "«2.5.»"), ("RM303", "«2.6.»"), ("RM303", "«2.7.»"),
        # the centre is written four ways: «ЦНППИМ г.Тулы» (4.1–4.8) is the most frequent;
        # «ЦНППМ г.Тулы» in 1.1, 2.1, 3.1; «ЦНППИМ г. Тулы» in 4.9; «ЦНППМ г. Тулы» in 4.10–4.12
        ("RM302", "«МКУ «ЦНППМ г.Тулы»» похоже"), ("RM302", "«МКУ «ЦНППМ г.Тулы»» похоже"),
        ("RM302", "«МКУ «ЦНППМ г.Тулы»» похоже"),
        ("RM302", "«МКУ «ЦНППИМ г. Тулы»» похоже"),
        ("RM302", "«МКУ «ЦНППМ г. Тулы»» похоже"), ("RM302", "«МКУ «ЦНППМ г. Тулы»» похоже"),
        ("RM302", "«МКУ «ЦНППМ г. Тулы»» похоже"),
        # ЦНППМ (центр непрерывного повышения профессионального мастерства) is written ЦНППИМ in
        # 4.1–4.9; in 4.9 the name is already reported as a variant (RM302 above): one cause, one
        # finding, so the abbreviation is reported in 4.1–4.8 only.
        *[("RM702", "«ЦНППИМ» отличается одной буквой от «ЦНППМ»")] * 8,
    ],
    "slavsk-2022-2023.yaml": [
        ("RM302", "«руководители общественных организаций» похоже"),  # table 2, row 6
    ],
    "aban-2020-2023.yaml": [
        # «В течение учебного года» in a roadmap of the calendar years 2020-2023: which school year?
        ("RM403", "«5.»"), ("RM403", "«7.»"), ("RM403", "«13.»"), ("RM403", "«16.»"),
        ("RM403", "«15.»"),                   # "Октябрь – май": no year
        ("RM501", "«16.»"),                   # no expected result
        ("RM605", "пробел перед знаком"),     # 17: "концепций »"
        ("RM605", "пробел перед знаком"),     # 30: "Январь , ежегодно"
        ("RM202", "после «27» идёт «29»"),    # no 28
        # 1.–26. end with a dot, 27, 29, 30, 31 do not
        ("RM207", "«27» записан без точки"), ("RM207", "«29» записан без точки"),
        ("RM207", "«30» записан без точки"), ("RM207", "«31» записан без точки"),
        ("RM703", "«Почесткая» отличается одной буквой от «Почетская» (в справочнике карты)"),  # 6
        ("RM702", "«ШПРО» отличается одной буквой от «ШНРО» (15 раз"),  # 26 and 27: ШПРО beside ШНРО
        ("RM702", "«ШПРО» отличается одной буквой от «ШНРО» (15 раз"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_are_exactly_the_documents_defects(name):
    diagnostics = check_path(ROADMAPS / name)
    assert all(d.severity is Severity.WARNING for d in diagnostics)
    remaining = list(EXPECTED[name])
    unexpected = []
    for d in diagnostics:
        for i, (code, fragment) in enumerate(remaining):
            if d.code == code and fragment in d.message:
                del remaining[i]
                break
        else:
            unexpected.append(f"{d.line}:{d.column} {d.code} {d.message}")
    assert unexpected == [], "findings that the document does not justify"
    assert remaining == [], "defects of the document that were not reported"


def test_findings_point_at_the_activity_they_concern():
    by_code = {(d.code, d.message.split("«")[1].split("»")[0] if "«" in d.message else ""): d
               for d in check_path(ROADMAPS / "baunt-2021-2022.yaml")}
    lines = (ROADMAPS / "baunt-2021-2022.yaml").read_text(encoding="utf-8").splitlines()
    nine = by_code[("RM303", "9")]
    assert lines[nine.line - 1].strip() == '- номер: "9"'
    five = by_code[("RM404", "По отделному графику")]
    assert lines[five.line - 1][five.column - 1:].startswith("отделному")
    latin = [d for d in check_path(ROADMAPS / "baunt-2021-2022.yaml") if d.code == "RM601"][0]
    assert lines[latin.line - 1][latin.column - 1:latin.span.end_column - 1] == "неobjективности"
