"""Spelling on real official text (issue 24): the corpus passages and tables (copied into
tests/data/corpus with their source addresses) with their errors written out by hand, the false
alarms the issue names, glued words, the configuration edit of ``--add-words``, and hunspell's
ru_RU forms list checked against spylls (the Python port of hunspell)."""

from __future__ import annotations

import gzip
import random
import re
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check_rules import HEAD, activity

from roadmapctl.check.batch import _with_entry
from roadmapctl.check.config import Config
from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source
from roadmapctl.spelling.lexicon import in_dictionary, in_hunspell, lexicon

DATA = Path(__file__).parent / "data" / "corpus"
RU_RU = Path(__file__).parents[1] / "src" / "roadmapctl" / "spelling" / "ru_RU"


def as_roadmap(text: str) -> str:
    """A corpus text as the preamble of a roadmap (the benchmark does the same)."""
    lines = [line for line in text.splitlines() if not line.startswith(("# source:", "# form:"))]
    body = "\n".join("  " + line if line.strip() else "" for line in lines)
    return HEAD.replace("участники:", "преамбула: |2-\n" + body + "\nучастники:", 1) + activity()


def spelling(text: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check_source(Source("t.yaml", text), Config(select=("RM7",)))]


def reported(name: str, folder: str = "prose") -> list[str]:
    """The words RM7xx reports in a corpus text (the first «…» of each message), sorted."""
    text = (DATA / folder / name).read_text(encoding="utf-8")
    return sorted(re.search(r"«([^»]+)»", message).group(1) for _code, message in spelling(as_roadmap(text)))


# --- the corpus: every dictionary-detectable error found, nothing else -------------------------

# written out from prose/misspellings.json: misspellings and words glued by a lost space (to a
# word or a number: the fragment reported is the word and the number it touches)
EXPECTED_PROSE = {
    "10_dobrinka_ono_news_2020.txt": ["особрнадзор"],
    "13_pskov_rasporyazhenie_uchgod_2018.txt": [
        "АДМИНИСТРАЦИЯПСКОВСКОЙ", "Наосновании", "Псковскойобласти", "РоссийскойФедерации",
        "исполнительнойвласти", "подготовкиобразовательных", "санитарноговрача", "требованияк",
        "утвержденныхпостановлением", "учебномугоду", "эпидемиологическихправил"],
    "14_saratov_rasporyazhenie_gotovnost_2014.txt": [
        "2015учебного", "вобразовательные", "образовательныхорганизаций", "областио", "организацийобласти",
        "посогласованию", "садминистрациями", "учебногогода"],
    "17_novgorod_postanovlenie_roadmap_2015.txt": [
        "ВеликийНовгород", "НОВГОРОДСКОЙОБЛАСТИ", "вНовгородской", "впостановление", "на2014", "от20.05.2014",
        "повышениеэффективности"],
    "19_batyrevo_news_metodob_2007.txt": ["аседания"],
    "22_moscow_obl_postanovlenie_modern_2012.txt": [
        "2013годах", "РоссийскойФедерации", "РоссийскойФедерации", "годахсубсидий", "от31.05.2011"],
}


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "prose").glob("*.txt")))
def test_corpus_passages_have_exactly_their_dictionary_errors(name):
    assert reported(name) == sorted(EXPECTED_PROSE.get(name, []))


def test_corpus_tables_have_exactly_their_dictionary_errors():
    expected = {"09_school3_flerov_fgos_2011.txt": ["моу"], "11_setevoy_grafik_fgos_ooo.txt": ["государственнообщественного"]}
    for path in sorted((DATA / "tables").glob("*.txt")):
        assert reported(path.name, "tables") == expected.get(path.name, []), path.name


def test_messages_and_suggestions_on_the_corpus_errors():
    text = (DATA / "prose" / "19_batyrevo_news_metodob_2007.txt").read_text(encoding="utf-8")
    assert spelling(as_roadmap(text)) == [
        ("RM701", "слова «аседания» нет в словаре: возможно, имелось в виду «заседания» или «наседания» или «оседания»?")]
    # the split whose words the roadmap uses elsewhere comes first
    assert spelling(HEAD + activity(text="Подготовка к 2018-2019 учебномугоду", result="Отчёт об учебному году")) == [
        ("RM701", "слова «учебномугоду» нет в словаре: возможно, имелось в виду «учебному году» или «учебном угоду»?")]
    assert spelling(HEAD + activity(text="Подготовка к 2018-2019 учебномугоду", result="Отчёт об учебном угоду")) == [
        ("RM701", "слова «учебномугоду» нет в словаре: возможно, имелось в виду «учебном угоду» или «учебному году»?")]
    assert spelling(HEAD + activity(text="Совещание в РоссийскойФедерации и вНовгородской области")) == [
        ("RM701", "в «РоссийскойФедерации» пропущен пробел: возможно, имелось в виду «Российской Федерации»?"),
        ("RM701", "в «вНовгородской» пропущен пробел: возможно, имелось в виду «в Новгородской»?")]
    assert spelling(HEAD + activity(text="Совещание в Псковскойобласти")) == [
        ("RM701", "в «Псковскойобласти» пропущен пробел: возможно, имелось в виду «Псковской области»?")]
    assert spelling(HEAD + activity(text="Реализация в 2011-2013годах, приказ от20.05.2014 №5, 5кл., 2020-2023гг, 5-х классов")) == [
        ("RM701", "в «2013годах» пропущен пробел: возможно, имелось в виду «2013 годах»?"),
        ("RM701", "в «от20.05.2014» пропущен пробел: возможно, имелось в виду «от 20.05.2014»?")]
    assert spelling(HEAD + activity(text="Директор школы моу «Школа №3»")) == [
        ("RM701", "аббревиатура «моу» написана строчными буквами: возможно, имелось в виду «МОУ»?")]


# --- the false alarms of issue 24 --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Реализация ООП НОО, ООП ООО и ООП СОО по ФГОС; мониторинг ФИС ОКО",  # НОО, ОКО beside ООО
    "ПЛАН РАБОТЫ ШКОЛЫ. ШКОЛА ГОТОВА К ПРОВЕРКЕ",  # words in capitals differing by an ending
    "РЕСПУБЛИКА АЛТАЙ. ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА РЕСПУБЛИКИ",
    "Реализация антирисковых программ, уроки медиабезопасности, работа фотостудии",
    "ПОДГОТОВКА МЕДИАПЛАНА ШКОЛЫ",
    "Кл. руководитель 5 кл. провёл встречу на ул. Ленина, д. 5, г. Мценск",
    "Участие в ВПР, ГИА, ОГЭ, ЕГЭ; ЦНППМ, ИРО, ППМС, ШНОР, ШНУС, МОУО, РЦОИ",
    "Приказ Минпросвещения и Рособрнадзора, санитарные правила СанПиН",
    "УТВЕРЖДАЮ ДИРЕКТОР ШКОЛЫ Е.В.ТАРАБАНОВА",  # a surname in capitals beside initials
    "Прием выпускников ссузов и вузов",
    "Совещание в Горноуральском округе и Краснополянской школе",  # compound names, not glued words
])
def test_correct_official_text_is_not_flagged(text):
    assert spelling(HEAD + activity(text=text)) == []


def test_a_misspelt_word_in_capitals_is_checked_as_a_word_and_the_message_does_not_contradict_itself():
    found = spelling(HEAD + activity(text="АДМИНИСТРАЦИЯ МУНИЦЫПАЛЬНОГО РАЙОНА"))
    assert found == [("RM701", "слова «МУНИЦЫПАЛЬНОГО» нет в словаре: возможно, имелось в виду «МУНИЦИПАЛЬНОГО»?")]
    (code, message), = spelling(HEAD + activity(text="ПЛАН МЕРОПРИЯТИИЙ"))  # two forms one letter away, either first
    assert code == "RM701" and message in (
        "слова «МЕРОПРИЯТИИЙ» нет в словаре: возможно, имелось в виду «МЕРОПРИЯТИЙ» или «МЕРОПРИЯТИИ»?",
        "слова «МЕРОПРИЯТИИЙ» нет в словаре: возможно, имелось в виду «МЕРОПРИЯТИИ» или «МЕРОПРИЯТИЙ»?")
    assert [m for _c, m in spelling(HEAD + activity(text="ПОСТАНОВЛЕНИЕЕ"))] == [
        "слова «ПОСТАНОВЛЕНИЕЕ» нет в словаре: возможно, имелось в виду «ПОСТАНОВЛЕНИЕ» или «ПОСТАНОВЛЕНИЕМ»?"]
    # names and abbreviations in capitals: no slip of a known word, or only its end differs
    assert spelling(HEAD + activity(text="Отчёт МКУДО ЦДТ, МАОУДО, ОРКСЭ, БРИОП; ТАСЕЕВО, ЕМЕЛЬЯНОВО, КЕЖМА")) == []


def test_abbreviation_slips_are_still_caught_but_not_endings_of_words_in_capitals():
    slip = HEAD + activity(text="Анализ ШНОР") + activity("2.", text="Отчёт ШНОР") + activity("3.", text="Итоги ШНПР")
    assert spelling(slip) == [("RM702", "аббревиатура «ШНПР» отличается одной буквой от «ШНОР» (2 раза в этой карте): возможно, опечатка")]
    ending = HEAD + activity(text="ОТЧЁТ СЕВЕРОДВИНСКА") + activity("2.", text="ГОРОД СЕВЕРОДВИНСК")
    assert spelling(ending) == []
    # a letter more at an end is another body: the institute of a region beside ИРО
    assert spelling(HEAD + activity(text="Курсы ИРО и НИРО, отчёт ЦНППМ и ЦНППМП")) == []
    # two unknown three-letter abbreviations once each are two bodies, not a slip
    assert spelling(HEAD + activity(text="Отчёт ОГВ и ОГУ")) == []


# --- glued words (property) --------------------------------------------------------------------

KNOWN = ["учебному", "году", "образовательных", "организаций", "области", "повышение", "эффективности",
         "заседания", "совета", "педагогического", "школы", "результатов", "мониторинга", "в", "на", "с", "к"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(KNOWN), st.sampled_from(KNOWN))
def test_two_known_words_glued_split_back(first, second):
    glued = first + second
    lex = lexicon()
    if lex.known(glued):
        return  # «вобласти» is no word, but a glued pair may happen to be one
    splits = lex.splits(glued)
    assert f"{first} {second}" in splits or (len(first) <= 2 and len(second) <= 2)
    assert all(s.replace(" ", "") == glued and " " in s for s in splits)


# --- the configuration entry of --add-words (property) -----------------------------------------

toml_key = st.sampled_from(["select", "ignore", "strict"])
comment = st.text(alphabet="абв эюя#", max_size=12).map(lambda c: f"# {c}\n")


def key_line(key: str) -> str:
    return f"{key} = true\n" if key == "strict" else f'{key} = ["RM6"]\n'


@settings(max_examples=80)
@given(st.lists(toml_key, unique=True, max_size=3), st.lists(st.one_of(comment, st.just("\n")), max_size=3),
       st.randoms(use_true_random=False), st.booleans(), st.booleans())
def test_the_entry_goes_among_the_keys_and_keeps_every_line(keys, others, rng, table_after, pyproject):
    lines = [key_line(k) for k in keys] + others
    rng.shuffle(lines)
    body = "".join(lines) + ('[per-file-ignores]\n"a.yaml" = ["RM7"]\n' if table_after else "")
    name = "pyproject.toml" if pyproject else "roadmapctl.toml"
    text = ('[project]\nname = "x"\n\n[tool.roadmapctl]\n' + body) if pyproject else body
    entry = 'spelling-words = "словарь.txt"  # комментарий\n'
    edited = _with_entry(Path(name), text, entry)
    parsed = tomllib.loads(edited)
    table = parsed["tool"]["roadmapctl"] if pyproject else parsed
    assert table["spelling-words"] == "словарь.txt"
    assert {k: table[k] for k in keys} == {k: True if k == "strict" else ["RM6"] for k in keys}
    assert edited.replace(entry, "", 1) == text


# --- hunspell's ru_RU forms ----------------------------------------------------------------------

def test_hunspell_forms_list_agrees_with_hunspell():
    spylls = pytest.importorskip("spylls.hunspell")
    sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))
    from hunspell_forms import forms

    dictionary = spylls.Dictionary.from_files(str(RU_RU / "ru_RU"))
    shipped = gzip.decompress((RU_RU / "forms.txt.gz").read_bytes()).decode("utf-8").split()
    assert shipped == sorted(shipped, key=lambda w: w.encode("utf-8")) and len(shipped) > 100_000
    rng = random.Random(24)
    for form in rng.sample(shipped, 500):  # every listed form is a word of hunspell's
        assert dictionary.lookup(form) or dictionary.lookup(form.upper()), form  # a name: in capitals
        assert in_hunspell(form) and not in_dictionary(form)
    entries = (RU_RU / "ru_RU.dic").read_text(encoding="utf-8").splitlines()
    sampled = "\n".join(["0"] + rng.sample(entries[1:], 400))  # the forms of 400 entries of the dictionary
    every = sorted(set(forms((RU_RU / "ru_RU.aff").read_text(encoding="utf-8"), sampled)))
    letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
    for form in every:
        assert in_dictionary(form.lower()) or in_hunspell(form.lower()), form
    for form in rng.sample(every, min(1500, len(every))):
        word = form.lower()
        at = rng.randrange(len(word))
        changed = word[:at] + rng.choice(letters) + word[at + 1:]  # hunspell's verdict on a near string
        assert bool(dictionary.lookup(changed)) <= (in_dictionary(changed) or in_hunspell(changed)), changed
    for word in ("медиапланы", "фотостудия", "антирисковый"):  # not in hunspell: the domain list's job
        assert not in_hunspell(word)


_SHIPPED = gzip.decompress((RU_RU / "forms.txt.gz").read_bytes()).decode("utf-8").split()
_SHIPPED_SET = frozenset(_SHIPPED)


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(_SHIPPED[::97] + [_SHIPPED[0], _SHIPPED[-1]]),
                 st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя-", min_size=1, max_size=14)))
def test_the_bisection_finds_exactly_the_listed_forms(word):
    assert in_hunspell(word) == (word in _SHIPPED_SET)


# --- words glued to numbers (property) ---------------------------------------------------------

number = st.from_regex(r"\A[0-9]{1,4}(?:[.,][0-9]{1,2}){0,2}\Z")
lower_word = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=3, max_size=10)


@given(number, lower_word, st.sampled_from([" ", ", ", "\n", " — "]))
def test_a_number_glued_to_a_word_is_found_and_a_space_or_hyphen_is_not(num, word, gap):
    from roadmapctl.spelling.tokens import glued_to_numbers

    text = f"срок {num}{word}{gap}и {word}{num}"
    found = glued_to_numbers(text)
    assert [(text[g.start:g.end], g.word, text[g.split]) for g in found] == [
        (num + word, word, word[0]), (word + num, word, num[0])]
    for separated in (f"срок {num} {word}", f"срок {num}-{word}", f"{word}-{num}", f"{word.upper()}{num}"):
        assert glued_to_numbers(separated) == [], separated
