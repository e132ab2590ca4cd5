"""Tokenizer for deadline texts.

Tokens keep their character offsets in the text as given, so that warnings can point at the
words they are about.  Spaces are dropped (adjacency is recovered from the offsets); every
dash-like character is one DASH token; line breaks are kept because they separate list items.

Footnote marks written right after a number or a word ("2020*", "15.12.2025**", "года¹") are
not part of the deadline: they are dropped here and reported to the caller (``marks``), which
adds a note.  A word, a hyphen and a word written together ("пол-е") are one token when the
joined form is in the vocabulary (a contraction), and stay three tokens otherwise
("июнь-июль" is a range).
"""

from __future__ import annotations

import re

from .lexicon import DOTTED_ABBREVIATIONS, normalize_word

# Token kinds
WORD = "w"
NUM = "n"
DASH = "-"
COMMA = ","
SEMI = ";"
NL = "nl"
DOT = "."
SLASH = "/"
LPAR = "("
RPAR = ")"
COLON = ":"
QUOTE = "q"
OTHER = "?"

_MARKS = "\u0300-\u036f\u00ad\u200b-\u200d\u2060"  # combining marks, invisible characters
_FOOT = "*\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2020\u2021"  # * ¹²³⁰⁴…⁹ † ‡
_REST = (r"|(?P<f>[" + _FOOT + r"]+)"
         r"|(?P<n>[0-9]+)"
         r"|(?P<nl>\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])"
         r"|(?P<d>[\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d])"
         r"|(?P<p>[,;./():\[\]«»\"“”„'`‘’])"
         r"|(?P<sp>[\s\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+)"
         r"|(?P<o>.))")
# Common case: plain words.  Texts with combining marks or invisible characters inside words
# (rare: copied from Word) use the slower pattern that keeps such words whole.
_LETTER = rf"[^\W\d_{_FOOT}]"
_TOKEN_RE = re.compile(rf"[ \t\u00a0]*(?:(?P<w>{_LETTER}+)" + _REST, re.S)
_TOKEN_MARKS_RE = re.compile(
    rf"[ \t\u00a0]*(?:(?P<w>(?:[{_MARKS}]*{_LETTER})+[{_MARKS}]*)" + _REST, re.S)
_HAS_MARKS = re.compile(f"[{_MARKS}]")
_PUNCT = {",": COMMA, ";": SEMI, ".": DOT, "/": SLASH, "(": LPAR, ")": RPAR, "[": LPAR,
          "]": RPAR, ":": COLON}


class Token:
    """One token: ``kind``, ``norm`` (normalised word or digits), ``cat``/``val`` (lexicon
    entry of a word), offsets ``a``..``b`` in the text, and ``fix`` ("typo"/"latin")."""

    __slots__ = ("kind", "norm", "cat", "val", "a", "b", "fix")

    def __init__(self, kind, norm, cat, val, a, b, fix=None):
        self.kind = kind
        self.norm = norm
        self.cat = cat
        self.val = val
        self.a = a
        self.b = b
        self.fix = fix

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.kind!r}, {self.norm!r}, {self.cat!r}, {self.a}-{self.b})"


def tokenize(text: str, marks: list[tuple[int, int]] | None = None) -> list[Token]:
    """The tokens of ``text``; footnote marks are left out and their offsets added to
    ``marks`` when it is given."""
    tokens: list[Token] = []
    append = tokens.append
    pattern = _TOKEN_MARKS_RE if _HAS_MARKS.search(text) else _TOKEN_RE
    joinable = -1  # where a "word-" written together ends: a word starting there may join it
    for m in pattern.finditer(text):
        group = m.lastgroup
        if group == "sp":
            continue
        index = m.lastindex
        assert index is not None  # every alternative of the pattern is a group
        raw = m.group(index)
        a, b = m.span(index)
        if group == "w":
            if a == joinable:
                joined = normalize_word(text[tokens[-2].a:b])
                if joined[1] is not None and joined[2] is None:  # "пол-е": a contraction
                    first = tokens[-2]
                    del tokens[-2:]
                    append(Token(WORD, joined[0], joined[1][0], joined[1][1], first.a, b))
                    continue
            norm, entry, fix = normalize_word(raw)
            if entry is None:
                append(Token(WORD, norm, None, None, a, b, fix))
            else:
                append(Token(WORD, norm, entry[0], entry[1], a, b, fix))
        elif group == "n":
            append(Token(NUM, raw, None, int(raw) if len(raw) <= 6 else -1, a, b))
        elif group == "nl":
            append(Token(NL, "\n", None, None, a, b))
        elif group == "d":
            if tokens and tokens[-1].b == a and tokens[-1].kind == WORD:
                joinable = b
            append(Token(DASH, "-", None, None, a, b))
        elif group == "p":
            if raw == "." and tokens and tokens[-1].b == a and tokens[-1].kind == WORD \
                    and text[tokens[-1].a:a].lower().replace("ё", "е") in DOTTED_ABBREVIATIONS:
                tokens[-1].b = b  # "теч.": the dot belongs to the abbreviation
                continue
            append(Token(_PUNCT.get(raw, QUOTE), raw, None, None, a, b))
        elif group == "f" and tokens and tokens[-1].b == a \
                and tokens[-1].kind in (WORD, NUM, DOT, RPAR, QUOTE):
            if marks is not None:
                marks.append((a, b))
            tokens[-1].b = b  # the mark is transparent: "15*.12.2025" stays one date
        else:
            append(Token(OTHER, raw, None, None, a, b))
    return tokens
