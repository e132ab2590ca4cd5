"""Tokenizer for deadline texts.

Tokens keep their character offsets in the text as given, so that warnings can point at the
words they are about.  Spaces are dropped (adjacency is recovered from the offsets); every
dash-like character is one DASH token; line breaks are kept because they separate list items.
"""

from __future__ import annotations

import re

from .lexicon import normalize_word

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
_REST = (r"|(?P<n>[0-9]+)"
         r"|(?P<nl>\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])"
         r"|(?P<d>[\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d])"
         r"|(?P<p>[,;./():\[\]«»\"“”„'`‘’])"
         r"|(?P<sp>[\s\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+)"
         r"|(?P<o>.))")
# Common case: plain words.  Texts with combining marks or invisible characters inside words
# (rare: copied from Word) use the slower pattern that keeps such words whole.
_TOKEN_RE = re.compile(r"[ \t\u00a0]*(?:(?P<w>[^\W\d_]+)" + _REST, re.S)
_TOKEN_MARKS_RE = re.compile(
    rf"[ \t\u00a0]*(?:(?P<w>(?:[{_MARKS}]*[^\W\d_])+[{_MARKS}]*)" + _REST, re.S)
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


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    pattern = _TOKEN_MARKS_RE if _HAS_MARKS.search(text) else _TOKEN_RE
    for m in pattern.finditer(text):
        group = m.lastgroup
        if group == "sp":
            continue
        index = m.lastindex
        raw = m.group(index)
        a, b = m.span(index)
        if group == "w":
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
            append(Token(DASH, "-", None, None, a, b))
        elif group == "p":
            append(Token(_PUNCT.get(raw, QUOTE), raw, None, None, a, b))
        else:
            append(Token(OTHER, raw, None, None, a, b))
    return tokens
