"""Spelling: the word tokenizer (properties), the dictionary and word lists, the RM7xx rules on
small documents, the project word list written by ``check --add-words``, and the lazy dictionary."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.check.config import Config
from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source
from roadmapctl.spelling.lexicon import lexicon, merge_word_list
from roadmapctl.spelling.tokens import tokenize

from conftest import ROADMAPS
from test_check_rules import HEAD, activity

LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
cyrillic_word = st.text(alphabet=LOWER + LOWER.upper(), min_size=1, max_size=12)
separators = st.sampled_from([" ", ", ", ".\n", " — ", "\n  ", " (", ") ", "«", "» ", "; ", "\u00a0"])


# --- the tokenizer -----------------------------------------------------------------------------

@given(st.lists(st.tuples(cyrillic_word, separators), min_size=1, max_size=20))
def test_words_separated_by_punctuation_come_back_in_order_with_their_places(pairs):
    text = "".join(word + sep for word, sep in pairs)
    words = tokenize(text)
    assert [w.text for w in words] == [word for word, _ in pairs]
    for w in words:
        assert text[w.start:w.end] == w.text and not w.broken


@given(st.lists(cyrillic_word, min_size=2, max_size=4))
def test_a_hyphenated_compound_is_one_word(parts):
    text = "Это " + "-".join(parts) + " слово"
    words = tokenize(text)
    assert [w.text for w in words] == ["Это", "-".join(parts), "слово"]
    assert words[1].parts == parts


@given(cyrillic_word, st.text(alphabet=LOWER, min_size=1, max_size=10), st.sampled_from(["-\n  ", "- ", "-\n", "- \n   "]))
def test_a_word_broken_at_a_line_end_is_joined(head, tail, gap):
    text = f"и {head}{gap}{tail} и"
    words = tokenize(text)
    assert [w.text for w in words] == ["и", f"{head}-{tail}", "и"]
    broken = words[1]
    assert broken.broken and broken.solid == head + tail
    assert text[broken.start:broken.head_end] == head


@given(cyrillic_word, st.sampled_from(["2020", "5", "x", "COVID", "_"]), st.sampled_from(["", "-"]))
def test_letters_touching_digits_or_latin_are_codes_not_words(word, code, joiner):
    for text in (f"{word}{joiner}{code}", f"{code}{joiner}{word}"):
        assert [w.text for w in tokenize(f"и {text} и")] == ["и", "и"], text


@settings(max_examples=300)
@given(st.text(alphabet=LOWER + "AbZ09 -\n.,«»()—\u00a0_", max_size=80))
def test_any_text_gives_ordered_words_made_of_its_letters(text):
    words = tokenize(text)
    previous_end = 0
    for w in words:
        assert previous_end <= w.start < w.head_end <= w.end <= len(text)
        previous_end = w.end
        assert all(c in LOWER + LOWER.upper() + "-" for c in w.text)
        assert w.text[0] != "-" and w.text[-1] != "-"
        squeezed = "".join(text[w.start:w.end].split())
        assert squeezed == w.text
    # every Cyrillic letter outside the words stands in a run with a digit, a Latin letter or "_"
    covered = set()
    for w in words:
        covered.update(range(w.start, w.end))
    for index, char in enumerate(text):
        if char in LOWER and index not in covered:
            left = index
            while left > 0 and (text[left - 1].isalnum() or text[left - 1] in "-_"):
                left -= 1
            right = index
            while right < len(text) - 1 and (text[right + 1].isalnum() or text[right + 1] in "-_"):
                right += 1
            run = text[left:right + 1]
            assert any(c in "AbZ09_" for c in run), (text, index)


def test_hand_written_cases():
    text = "А-Ключинская ООШ, 2017-2020гг, 5-х классов, неobjективности, психолого-\n педагогический"
    assert [w.text for w in tokenize(text)] == ["А-Ключинская", "ООШ", "классов", "психолого-педагогический"]
    assert [w.text for w in tokenize("образования- Анализ")] == ["образования", "Анализ"]  # a dash, not a break


# --- the dictionary and the word lists ---------------------------------------------------------

def test_dictionary_knows_every_form_and_e_for_yo():
    lex = lexicon()
    for word in ("оценочных", "Рассмотрение", "педагогами", "елка", "ёлка", "всё", "все", "кто-то", "учебно-методический"):
        assert lex.known(word), word
    for word in ("оленочных", "Расмотрение", "педагогги", "отделному"):
        assert not lex.known(word), word


def test_domain_words_and_their_forms_are_known():
    lex = lexicon()
    for word in ("вебинарах", "внутришкольной", "неуспешности", "низкомотивированными", "слабомотивированных",
                 "стажистов", "форсайта", "психолого-педагогического", "Волонтерство"):
        assert lex.known(word), word


def test_suggestions_nearest_first_in_the_case_of_the_word():
    lex = lexicon()
    assert lex.suggestions("оленочных")[0] == "оценочных"
    assert lex.suggestions("Расмотрение")[0] == "Рассмотрение"
    assert lex.suggestions("отделному")[0] == "отдельному"
    assert lex.suggestions("педагогги", prefer={"педагоги": 5})[0] == "педагоги"
    assert lex.suggestions("ПЕДАГОГГИ", prefer={"педагоги": 5})[0] == "ПЕДАГОГИ"


def test_a_repository_word_list_covers_the_forms_of_its_words(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# наши слова\nбиблиокластер\n", encoding="utf-8")
    lex = lexicon((str(words),))
    assert lex.known("библиокластера") and lex.known("библиокластерами")
    assert not lexicon().known("библиокластера")


@given(st.lists(st.text(alphabet=LOWER, min_size=2, max_size=8), max_size=15),
       st.lists(st.text(alphabet=LOWER, min_size=2, max_size=8), max_size=15))
def test_merging_a_word_list_keeps_entries_sorts_and_does_not_depend_on_order(existing, new):
    old = "# заголовок\n" + "".join(w + "\n" for w in existing)
    merged, added = merge_word_list(old, new)
    lines = merged.splitlines()
    assert lines[0] == "# заголовок"
    entries = lines[1:]
    assert set(existing) <= set(entries) and set(new) <= set(entries)
    folded = [e.replace("ё", "е") for e in entries]
    assert folded == sorted(folded)
    assert added == len(set(new) - set(existing))
    assert merge_word_list(old, list(reversed(new)))[0] == merged
    assert merge_word_list(merged, new) == (merged, 0)


# --- the rules on small documents --------------------------------------------------------------

def findings(text, config=None):
    return [(d.code, d.message) for d in check_source(Source("t.yaml", text), config) if d.code.startswith("RM7")]


def test_misspelt_word_with_suggestion_in_the_message():
    found = findings(HEAD + activity(text="Анализ результатов оленочных процедур"))
    assert found == [("RM701", "слова «оленочных» нет в словаре: возможно, имелось в виду «оценочных»?")]


def test_names_abbreviations_latin_and_numbers_are_not_misspellings():
    text = HEAD.replace("участники:", "школы: [Хандальская СОШ]\nучастники:\n  Шукайло Н.Н., начальник отдела:") + activity(
        text="Семинар для Хандальской СОШ и школ Ирбейского района, опросник А.А.Реана, тест Элперт и Хейбер",
        result="Выступление Гомбоевой В.М. на вебинаре, платформа Zoom, 2020-2023гг, 5-х классов, ШНОР, ВКонтакте",
        responsible="[Шукайло Н.Н., начальник отдела]")
    assert findings(text) == []


def test_sentence_start_word_is_checked_and_a_name_inside_a_sentence_is_not():
    assert findings(HEAD + activity(text="Расмотрение вопроса")) == [
        ("RM701", "слова «Расмотрение» нет в словаре: возможно, имелось в виду «Рассмотрение»?")]
    assert findings(HEAD + activity(text="Встреча в Мухоршибирском районе")) == []


def test_word_broken_at_a_line_end_in_a_folded_scalar():
    text = HEAD + activity(text=">-\n          Работа психолого-\n          педагогического консилиума")
    assert findings(text) == []
    torn = HEAD + activity(text="Анализ оце ночных процедур")
    assert findings(torn) == [("RM701", "слово «оце ночных» разорвано: возможно, имелось в виду «оценочных»?")]


def test_misspelt_part_of_a_compound_is_reported_alone():
    assert findings(HEAD + activity(responsible="[УО, педагогги-психологи]").replace("участники:\n", "участники:\n  педагогги-психологи:\n")) == [
        ("RM701", "слова «педагогги» нет в словаре: возможно, имелось в виду «педагоги» или «педагогии»?")]


def test_abbreviation_in_lower_case():
    assert findings(HEAD + activity(result="Отчёт Сош №2")) == [
        ("RM701", "аббревиатура «Сош» написана строчными буквами: возможно, имелось в виду «СОШ»?")]


def test_abbreviation_one_letter_from_another_of_the_same_roadmap():
    text = HEAD + activity(text="Анализ ШНРО") + activity("2.", text="Совещание ШНРО") + activity("3.", text="Отчёт ШПРО")
    assert findings(text) == [("RM702", "аббревиатура «ШПРО» отличается одной буквой от «ШНРО» (2 раза в этой карте): возможно, опечатка")]
    known_pair = HEAD + activity(text="Подготовка к ОГЭ и ЕГЭ в ООШ и СОШ, МБОУ и МБУ")
    assert findings(known_pair) == []
    tie = HEAD + activity(text="Отчёт АБВГ") + activity("2.", text="Отчёт АБВД")
    assert [code for code, _ in findings(tie)] == ["RM702", "RM702"]


def test_name_variants_against_the_directory_and_each_other():
    text = HEAD.replace("участники:", "школы: [Почетская СОШ]\nучастники:") + activity(result="Доля 55,5 % (+Почесткая СОШ)")
    assert findings(text) == [("RM703", "«Почесткая» отличается одной буквой от «Почетская» (в справочнике карты): возможно, опечатка в имени")]
    forms = HEAD.replace("участники:", "школы: [Почетская СОШ]\nучастники:") + activity(result="Отчёт Почетской СОШ, Петров и Петрова")
    assert findings(forms) == []


def test_noqa_and_configuration_silence_spelling():
    text = HEAD + activity(text="Анализ оленочных процедур  # noqa: RM701")
    assert findings(text) == []
    assert findings(HEAD + activity(text="Анализ оленочных процедур"), Config(ignore=("RM7",))) == []


def test_repository_word_list_from_the_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.roadmapctl]\nspelling-words = "словарь.txt"\n', encoding="utf-8")
    (tmp_path / "словарь.txt").write_text("оленочный\n", encoding="utf-8")
    from roadmapctl.check.config import config_for_dir

    config = config_for_dir(tmp_path.resolve())
    assert config.spelling_words == (str((tmp_path / "словарь.txt").resolve()),)
    assert findings(HEAD + activity(text="Анализ оленочных процедур"), config) == []


def test_bundled_roadmaps_have_no_unknown_words_besides_their_misspellings():
    expected = {"baunt-2021-2022.yaml": ["оленочных", "отделному", "Расмотрение"],
                "mtsensk-2021-2022.yaml": ["педагогги", "Сош", "Сош", "Сош"]}
    for path in sorted(ROADMAPS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        words = sorted(m.split("«")[1].split("»")[0] for code, m in findings(text) if code == "RM701")
        assert words == sorted(expected.get(path.name, [])), path.name


# --- the command line ---------------------------------------------------------------------------

def test_add_words_writes_the_project_word_list(tmp_path, cli):
    (tmp_path / "roadmapctl.toml").write_text('spelling-words = "dict/слова.txt"\n', encoding="utf-8")
    (tmp_path / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур", result="Медиакластер создан  # noqa: RM701"), encoding="utf-8")
    (tmp_path / "dict").mkdir()
    (tmp_path / "dict" / "слова.txt").write_text("# словарь проекта\nяблоко\nбиблиокластер\n", encoding="utf-8")
    code, out, err = cli("check", "--add-words", "-f", "concise", "r.yaml", cwd=tmp_path)
    assert code == 0 and "RM7" not in out and "RM901" not in out  # the word under noqa is not added
    assert "добавлено слов: 1" in err
    assert (tmp_path / "dict" / "слова.txt").read_text(encoding="utf-8") == "# словарь проекта\nбиблиокластер\nоленочных\nяблоко\n"
    before = (tmp_path / "dict" / "слова.txt").read_bytes()
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=tmp_path)
    assert "добавлено слов: 0" in err and (tmp_path / "dict" / "слова.txt").read_bytes() == before
    assert not [p for p in (tmp_path / "dict").iterdir() if p.name.endswith(".tmp")]


def test_add_words_without_a_configuration_creates_it_at_the_repository_root(tmp_path, cli):
    repo = tmp_path / "Мои карты"
    folder = repo / "дорожные карты" / "2024 год"
    folder.mkdir(parents=True)
    (repo / ".git").mkdir()
    (folder / "карта района.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, out, err = cli("check", "--add-words", "-f", "concise", "карта района.yaml", cwd=folder)
    assert code == 0 and "RM701" not in out and "Traceback" not in err
    assert (repo / "roadmapctl.toml").read_text(encoding="utf-8") == (
        'spelling-words = "словарь.txt"  # словарь проекта: roadmapctl check --add-words\n')
    assert (repo / "словарь.txt").read_text(encoding="utf-8") == "оленочных\n"
    assert f"созданы настройки {repo / 'roadmapctl.toml'}" in err
    assert f"создан словарь проекта {repo / 'словарь.txt'}" in err
    assert "добавлено слов: 1" in err
    code, _out, err = cli("check", "--add-words", "карта района.yaml", cwd=folder)
    assert code == 0 and "созданы" not in err and "создан словарь" not in err and "добавлено слов: 0" in err


def test_add_words_adds_the_entry_to_an_existing_configuration_and_keeps_its_comments(tmp_path, cli):
    (tmp_path / ".git").mkdir()
    pyproject = '# проект\n[project]\nname = "карты"\n\n[tool.roadmapctl]\n# наши правила\nignore = ["RM6"]\n'
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == (
        '# проект\n[project]\nname = "карты"\n\n[tool.roadmapctl]\n'
        'spelling-words = "словарь.txt"  # словарь проекта: roadmapctl check --add-words\n# наши правила\nignore = ["RM6"]\n')
    assert f"в настройки {tmp_path / 'pyproject.toml'} добавлен параметр spelling-words" in err
    assert (tmp_path / "словарь.txt").read_text(encoding="utf-8") == "оленочных\n"
    toml = tmp_path / "sub"
    toml.mkdir()
    (toml / "roadmapctl.toml").write_text('# настройки\nstrict = false\n\n[per-file-ignores]\n"архив/*.yaml" = ["RM7"]\n', encoding="utf-8")
    (toml / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=toml)
    assert code == 0, err
    assert (toml / "roadmapctl.toml").read_text(encoding="utf-8") == (
        '# настройки\nstrict = false\n\nspelling-words = "словарь.txt"  # словарь проекта: roadmapctl check --add-words\n'
        '[per-file-ignores]\n"архив/*.yaml" = ["RM7"]\n')


def test_add_words_refuses_a_word_list_outside_the_repository(tmp_path, cli):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    (repo / "roadmapctl.toml").write_text('spelling-words = "../общие слова.txt"\n', encoding="utf-8")
    (repo / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=repo)
    assert code == 2 and "вне репозитория" in err and "Traceback" not in err
    assert not (tmp_path / "общие слова.txt").exists()
    (repo / "roadmapctl.toml").write_text("spelling-words = []\n", encoding="utf-8")
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=repo)
    assert code == 2 and "пустой список" in err and "Traceback" not in err


def test_a_word_list_that_is_a_folder_is_reported(tmp_path, cli):
    (tmp_path / "roadmapctl.toml").write_text('spelling-words = "слова"\n', encoding="utf-8")
    (tmp_path / "слова").mkdir()
    (tmp_path / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", str(tmp_path / "r.yaml"), cwd=tmp_path)
    assert code == 2 and "папка" in err and "Traceback" not in err


def loaded_modules(*args):
    # --no-cache: a result from the cache would run no rule at all
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "roadmapctl", "check", "--no-cache", *args],
                          capture_output=True)
    return {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.decode().splitlines() if "|" in line}


def test_dictionary_loads_only_when_spelling_runs():
    clean = str(ROADMAPS / "slavsk-2022-2023.yaml")
    assert not {"pymorphy3", "dawg_python", "pymorphy3_dicts_ru", "spylls"} & loaded_modules("--ignore", "RM7", clean)
    assert "spylls" not in loaded_modules(clean)  # hunspell only for a word pymorphy3 lacks
    assert {"dawg_python", "pymorphy3_dicts_ru"} <= loaded_modules(clean)
    # the full analyzer only breaks ties between suggestions: checking the bundled roadmaps
    # (misspellings included) does not load it, a tie does
    assert "pymorphy3" not in loaded_modules(str(ROADMAPS / "baunt-2021-2022.yaml"))
    probe = ("import sys; from roadmapctl.spelling.lexicon import lexicon; lex = lexicon(); "
             "first = lex.suggestions('оленочных'); before = 'pymorphy3' in sys.modules; "
             "tie = lex.suggestions('мшка'); print(first, before, tie, 'pymorphy3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.split()
    assert out[0] == "['оценочных']" and out[1] == "False" and out[-1] == "True"
