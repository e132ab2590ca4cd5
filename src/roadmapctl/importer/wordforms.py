"""Word forms in header text: grammatical case of authorities, cities, regions and municipalities.

"администрации города Мценска" → "город Мценск", "Начальник управления образования" →
"Управление образования", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ" → "Управление образования". The conversions
cover the common endings and are guesses: the header parser reports each one it uses.
"""

from __future__ import annotations

import re


_JOB = re.compile(
    r"^(?:и\.\s?о\.\s*)?(?:начальник\w*|руководител\w*|директор\w*|заведующ\w*|председател\w*|глава|заместител\w*"
    r"(?:\s+начальника|\s+руководителя|\s+директора)?)\b\s*",
    re.IGNORECASE,
)

_GENITIVE = {
    "администрация": "администрации", "управление": "управления", "комитет": "комитета",
    "департамент": "департамента", "министерство": "министерства", "отдел": "отдела",
    "правительство": "правительства", "глава": "главы", "мэрия": "мэрии", "дума": "думы",
}
# the nominative of each genitive body word ("управления" → "управление")
NOMINATIVE = {v: k for k, v in _GENITIVE.items()}


_PLACE_NOUN = re.compile(r"^(?:района|район|округа|округ|области|область|края|край)\W*$")
_COMMON_PLACE_WORD = re.compile(r"^(?:муниципальн|городск|сельск|национальн|автономн|административн|внутригородск)")
_PLACE_BEFORE = re.compile(r"^(?:города|город|г\.|села|село|поселка|посёлка|поселок|посёлок)$")


def sentence_case(text: str) -> str:
    """"УПРАВЛЕНИЕ ОБРАЗОВАНИЯ" → "Управление образования"; short capitals (abbreviations) stay;
    a place's name keeps its capital ("АДМИНИСТРАЦИЯ АБАНСКОГО РАЙОНА" → "Администрация Абанского
    района", "ГОРОДА МЦЕНСКА" → "города Мценска")."""
    words = text.split()
    lowered = [w.lower() for w in words]
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^А-ЯЁA-Zа-яёa-z]", "", word)
        if letters.isupper() and len(letters) > 4:
            word = word.lower()
            place = (i + 1 < len(words) and _PLACE_NOUN.match(lowered[i + 1]) and word[:1].isalpha()
                     and re.search(r"(?:ого|его|ой|ей|ий|ый|ая|ое)$", word) and not _COMMON_PLACE_WORD.match(word)) or (i > 0 and _PLACE_BEFORE.match(lowered[i - 1]))
            if i == 0 or place:
                word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def nominative_city(word: str) -> str:
    """"Мценска" → "Мценск", "Тулы" → "Тула", "Перми" → "Пермь" (a guess for common endings)."""
    if word.endswith("ы"):
        return word[:-1] + "а"
    if word.endswith("и") and len(word) > 4:
        return word[:-1] + "ь"
    if word.endswith("а"):
        return word[:-1]
    return word


def nominative_adjective(word: str) -> str:
    """"Абанского" → "Абанский", "Красноярского" → "Красноярский", "Орловской" → "Орловская"."""
    if word.endswith(("ского", "цкого")):
        return word[:-3] + "ий"
    if word.endswith("кого") or word.endswith("гого") or word.endswith("хого"):
        return word[:-3] + "ий"
    if word.endswith("ого"):
        return word[:-3] + "ый"
    if word.endswith("ой"):
        return word[:-2] + "ая"
    return word


def region_nominative(text: str) -> str:
    match = re.match(r"^([А-ЯЁ][а-яё-]+)\s+(области|края|автономного округа)$", text)
    if match:
        noun = {"области": "область", "края": "край", "автономного округа": "автономный округ"}[match.group(2)]
        return f"{nominative_adjective(match.group(1))} {noun}"
    match = re.match(r"^Республики\s+(.+)$", text)
    if match:
        return f"Республика {match.group(1)}"
    return text


def municipality_from(text: str) -> tuple[str, bool] | None:
    """The municipality named in an authority's or a title's words; the flag says "case changed"."""
    match = re.search(r"\bМО\s+«[^«»]+»", text)
    if match:
        return match.group(0), False
    match = re.search(r"муниципального образования\s+«(?P<name>[^«»]+)»", text)
    if match:
        name = re.sub(r"\s+[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края)$", "", match.group("name").strip())
        return name, name != match.group("name").strip()
    match = re.search(r"\b(?:город[а]?|г\.)\s*(?P<city>[А-ЯЁ][а-яё-]+)", text)
    if match:
        city = match.group("city")
        nominative = nominative_city(city) if re.search(r"\bгорода\b", text) else city
        return f"город {nominative}", nominative != city
    match = re.search(r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ого|его))\s+(?P<noun>района|муниципального района|округа|"
                      r"муниципального округа|городского округа)\b", text)
    if match:
        noun = {"района": "район", "муниципального района": "муниципальный район", "округа": "округ",
                "муниципального округа": "муниципальный округ", "городского округа": "городской округ"}[match.group("noun")]
        return f"{nominative_adjective(match.group('adj'))} {noun}", True
    match = re.search(r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ий|ый|ой))\s+(?P<noun>район|муниципальный район|муниципальный округ|"
                      r"городской округ)\b", text)
    if match:
        return match.group(0), False
    match = re.search(r"\((?P<adj>[А-ЯЁ][а-яё-]+(?:ого|ий))\s+район\)", text)
    if match:
        return f"{nominative_adjective(match.group('adj'))} район", True
    return None


def authority_from_position(position: str) -> str | None:
    """"Начальник МКУ «Управление образования …»" → "МКУ «Управление образования …»";
    "Начальник управления образования администрации X" → "Управление образования администрации X"."""
    rest = _JOB.sub("", position, count=1).strip()
    if not rest or rest == position.strip():
        return None
    if re.fullmatch(r"(?i)(?:школы|гимназии|лицея|учреждения|организации|оу|оо)", rest):
        return None  # «Директор школы»: which school, the position does not say
    rest = re.sub(r"(?i)^(?:школы|гимназии|лицея)\s+(?=[А-ЯЁ]{2,}|«)", "", rest)  # «Директор школы МОУ «Школа №3»»
    if rest.partition(" ")[0].lower() in NOMINATIVE:
        rest = nominative_phrase(rest)
    return rest


def genitive_phrase(text: str) -> str:
    first, _, tail = text.partition(" ")
    genitive = _GENITIVE.get(first.lower())
    return (genitive + (" " + tail if tail else "")) if genitive else text


def nominative_phrase(text: str) -> str:
    first, _, tail = text.partition(" ")
    nominative = NOMINATIVE.get(first.lower())
    if not nominative:
        return text[:1].upper() + text[1:]
    return nominative[:1].upper() + nominative[1:] + (" " + tail if tail else "")
