"""The bundled roadmaps are what users open first and copy: every comment in them is Russian,
and they stay in the canonical layout of `roadmapctl fmt`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, roadmap_files
from roadmapctl.format import format_text

FILES = roadmap_files() + [ROOT / "docs" / "format-example.yaml"]
ENGLISH = re.compile(r"\b(?:the|and|is|are|of|in|kept|dropped|transcription|from|with|document|row|cell)\b", re.I)


def comment_blocks(path: Path) -> list[str]:
    blocks: list[str] = []
    previous = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        stripped = line.strip()
        if not stripped.startswith("#") or stripped.startswith("# yaml-language-server:"):
            continue
        text = stripped.lstrip("#").strip()
        if previous == number - 1:
            blocks[-1] += " " + text
        else:
            blocks.append(text)
        previous = number
    return blocks


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_comment_is_russian(path):
    blocks = comment_blocks(path)
    assert blocks
    for block in blocks:
        assert not ENGLISH.search(block), block
        cyrillic = len(re.findall(r"[А-Яа-яЁё]", block))
        latin = len(re.findall(r"[A-Za-z]", block))
        # Latin letters only in names: a file name, «Word», «Markdown», tags like <p>, «неobjективности»
        assert cyrillic >= 4 * latin, block


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.name)
def test_transcription_notes_use_the_russian_label(path):
    text = path.read_text(encoding="utf-8")
    assert "transcription" not in text
    assert "# расшифровка:" in text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_bundled_files_are_in_canonical_layout(path):
    text = path.read_text(encoding="utf-8")
    assert format_text(text) == text
