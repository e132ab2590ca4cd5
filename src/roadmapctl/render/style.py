"""The one place for page and type settings of the rendered appendix, and for the differences
between the editions of ГОСТ Р 7.0.97 (2016 and 2025).

A department's own office-work instruction can override any value with ``style.yaml`` in a
template folder (``render --template DIR``); the file uses Russian keys, see ``KEYS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

EDITIONS = (2016, 2025)
DEFAULT_EDITION = 2025

# ГОСТ Р 7.0.97-2016, 5.1: margins not less than these (mm).
MIN_MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 20.0, "right": 10.0}
# The widest corner block (appendix mark, approval stamp) each edition allows, cm.
MAX_BLOCK_CM = {2016: 7.5, 2025: 8.0}
# Typefaces the 2016 edition names; the 2025 edition names none.
FONTS_2016 = ("Times New Roman", "Arial", "Verdana")


class StyleError(ValueError):
    """A bad value in style.yaml (the message is in Russian)."""


@dataclass(frozen=True)
class Style:
    edition: int = DEFAULT_EDITION
    font: str = "Times New Roman"
    text_size: float = 14.0          # running text, requisites, title (ГОСТ: 12-14)
    table_size: float = 12.0         # table text (smaller allowed in tables; never below 10)
    header_size: float = 12.0        # page numbers
    block_width_cm: float = 8.0      # corner blocks (appendix mark, approval stamp)
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 20.0
    margin_right_mm: float = 10.0
    header_distance_mm: float = 12.5  # page number at least 10 mm from the edge
    indent_cm: float = 1.25          # first-line indent of running text
    dates_in_words: bool = False     # 24.03.2021 (default) or 24 марта 2021 г.

    @property
    def font_stack(self) -> str:
        """The CSS font-family list for HTML."""
        generic = "sans-serif" if self.font in ("Arial", "Verdana") else "serif"
        fallback = '"Liberation Serif", "Times New Roman", Times' if generic == "serif" else '"Liberation Sans", Arial'
        return f'"{self.font}", {fallback}, {generic}'


def for_edition(edition: int) -> Style:
    if edition not in EDITIONS:
        raise StyleError(f"неизвестная редакция ГОСТ Р 7.0.97: {edition}; допустимы: {', '.join(map(str, EDITIONS))}")
    return Style(edition=edition, block_width_cm=MAX_BLOCK_CM[edition])


# style.yaml keys (Russian, as the users write them) → Style fields.
KEYS = {
    "редакция_гост": "edition",
    "шрифт": "font",
    "размер_текста": "text_size",
    "размер_в_таблице": "table_size",
    "размер_номера_страницы": "header_size",
    "ширина_углового_блока_см": "block_width_cm",
    "отступ_абзаца_см": "indent_cm",
    "даты_словами": "dates_in_words",
}
MARGIN_KEYS = {"верхнее": "margin_top_mm", "нижнее": "margin_bottom_mm", "левое": "margin_left_mm", "правое": "margin_right_mm"}
STYLE_FILE = "style.yaml"


def load_style(template_dir: Path | None, edition: int | None = None) -> Style:
    """Defaults of the edition, overridden by ``style.yaml`` of the template folder, then checked."""
    values: dict = {}
    if template_dir is not None and (template_dir / STYLE_FILE).is_file():
        values = _read_style_file(template_dir / STYLE_FILE)
    chosen = edition or values.pop("edition", None) or DEFAULT_EDITION
    values.pop("edition", None)
    style = for_edition(int(chosen))
    style = replace(style, **values)
    check_style(style)
    return style


def _read_style_file(path: Path) -> dict:
    import yaml

    from roadmapctl.openers import OpenError, read_regular
    from roadmapctl.writing import os_message

    name = path.name
    try:
        data = yaml.safe_load(read_regular(path, 1024 * 1024).decode("utf-8-sig"))
    except OpenError as exc:
        raise StyleError(f"{path}: {exc}") from None
    except OSError as exc:
        raise StyleError(f"{path}: не удалось прочитать файл: {os_message(exc)}") from None
    except UnicodeDecodeError:
        raise StyleError(f"{path}: файл не в кодировке UTF-8; сохраните его в UTF-8") from None
    except yaml.YAMLError as exc:
        raise StyleError(f"{path}: ошибка в YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise StyleError(f"{name}: ожидается словарь «ключ: значение»")
    types = {f.name: f.type for f in fields(Style)}
    out: dict = {}
    for key, value in data.items():
        if key == "поля_мм":
            if not isinstance(value, dict):
                raise StyleError(f"{name}: «поля_мм» — словарь с ключами {', '.join(MARGIN_KEYS)}")
            for side, number in value.items():
                if side not in MARGIN_KEYS:
                    raise StyleError(f"{name}: неизвестное поле страницы «{side}»; допустимы: {', '.join(MARGIN_KEYS)}")
                out[MARGIN_KEYS[side]] = _number(name, f"поля_мм.{side}", number)
            continue
        if key not in KEYS:
            known = ", ".join(list(KEYS) + ["поля_мм"])
            raise StyleError(f"{name}: неизвестный ключ «{key}»; допустимы: {known}")
        target = KEYS[key]
        kind = types[target]
        if kind in ("bool", bool):
            if not isinstance(value, bool):
                raise StyleError(f"{name}: «{key}» — да или нет (true/false)")
            out[target] = value
        elif kind in ("str", str):
            if not isinstance(value, str) or not value.strip():
                raise StyleError(f"{name}: «{key}» — непустой текст")
            out[target] = value.strip()
        elif target == "edition":
            if value not in EDITIONS:
                raise StyleError(f"{name}: «{key}» — {' или '.join(map(str, EDITIONS))}")
            out[target] = value
        else:
            out[target] = _number(name, key, value)
    return out


def _number(name: str, key: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StyleError(f"{name}: «{key}» — число")
    return float(value)


def _g(value: float) -> str:
    """A number the Russian way: 7,5."""
    return f"{value:g}".replace(".", ",")


def check_style(style: Style) -> None:
    """Refuse values that break ГОСТ Р 7.0.97 or docs/rendering.md."""
    problems = []
    for side, minimum in MIN_MARGINS_MM.items():
        value = getattr(style, f"margin_{side}_mm")
        if value < minimum:
            names = {"top": "верхнее", "bottom": "нижнее", "left": "левое", "right": "правое"}
            problems.append(f"{names[side]} поле {_g(value)} мм меньше {_g(minimum)} мм")
    if not 12 <= style.text_size <= 14:
        problems.append(f"размер шрифта текста {_g(style.text_size)} пт вне пределов 12–14 пт")
    if not 10 <= style.table_size <= 14:
        problems.append(f"размер шрифта в таблице {_g(style.table_size)} пт вне пределов 10–14 пт")
    if not 10 <= style.header_size <= 14:
        problems.append(f"размер номера страницы {_g(style.header_size)} пт вне пределов 10–14 пт")
    if not 4 <= style.block_width_cm <= MAX_BLOCK_CM[style.edition]:
        problems.append(
            f"ширина углового блока {_g(style.block_width_cm)} см больше {_g(MAX_BLOCK_CM[style.edition])} см "
            f"(ГОСТ Р 7.0.97-{style.edition})" if style.block_width_cm > 4 else f"ширина углового блока {_g(style.block_width_cm)} см меньше 4 см"
        )
    if style.header_distance_mm < 10:
        problems.append("номер страницы ближе 10 мм к краю листа")
    if not 0 <= style.indent_cm <= 3:
        problems.append(f"абзацный отступ {_g(style.indent_cm)} см вне пределов 0–3 см")
    if not re.fullmatch(r"[\w .-]{1,64}", style.font):
        problems.append(f"название шрифта «{style.font}» содержит недопустимые знаки")
    if style.edition == 2016 and style.font not in FONTS_2016:
        problems.append(f"шрифт «{style.font}» не назван в ГОСТ Р 7.0.97-2016 (допустимы: {', '.join(FONTS_2016)})")
    if problems:
        raise StyleError("оформление не соответствует ГОСТ Р 7.0.97: " + "; ".join(problems))


# Page geometry (A4) in twentieths of a point (twips).
A4_SHORT, A4_LONG = 11906, 16838
TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))
