"""How one string is written as a YAML scalar: plain, in single or in double quotes.

``fmt`` (the canonical layout), ``mark`` (edits in place) and ``import`` write strings through
:func:`scalar`, so a value is spelled the same way whichever command wrote it. The rule: plain
where YAML 1.1 (the loader roadmapctl uses) reads the text back as the same string; otherwise in
double quotes with YAML's escapes, or in single quotes when the text holds a double quote and no
single one (and nothing single quotes cannot hold). Multi-line layouts (literal blocks, folding)
are the caller's: every result here is one line.
"""

from __future__ import annotations

import io
import re

import yaml
from yaml.nodes import ScalarNode

from roadmapctl.loading.document import STR

_resolver = yaml.resolver.Resolver()
_analyzer = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# Characters YAML allows unescaped in a document (tab and line feed included).
PRINTABLE = re.compile("[\x09\x0a\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v", "\x0c": "f",
            "\x0d": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P"}


def implicit_tag(text: str) -> str:
    """The tag YAML 1.1 gives ``text`` written plain."""
    return _resolver.resolve(ScalarNode, text, (True, False))


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether ``text`` written plain reads back as the same string in YAML 1.1 (inside
    ``[…]``/``{…}`` when ``flow``): a text that would read as a number, a yes/no word or a date
    is quoted, so that every YAML reader, not only roadmapctl's, gets the text."""
    if not text:
        return False
    analysis = _analyzer.analyze_scalar(text)
    if not analysis.allow_block_plain or analysis.multiline or (flow and not analysis.allow_flow_plain):
        return False
    return implicit_tag(text) == STR


def double_quoted(text: str) -> str:
    """``text`` in double quotes: YAML's short escapes where there is one, else ``\\xXX``,
    ``\\uXXXX`` or ``\\UXXXXXXXX`` for a character YAML does not allow unescaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append("\\" + _ESCAPES[ch])
        elif PRINTABLE.match(ch) and ch != "\ufeff":
            out.append(ch)
        else:
            code = ord(ch)
            if code <= 0xFF:
                out.append(f"\\x{code:02X}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04X}")
            else:
                out.append(f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def _single_ok(text: str) -> bool:
    return "'" not in text and "\n" not in text and "\t" not in text and not ODD_BREAKS.search(text) \
        and all(PRINTABLE.match(ch) for ch in text)


def scalar(text: str, force: bool = False, flow: bool = False) -> str:
    """``text`` as a one-line scalar that reads back as exactly ``text``: plain where it can be
    (never with ``force``), else quoted — single quotes when the text holds a double quote and no
    single one (outside flow collections), double quotes otherwise."""
    if not force and plain_ok(text, flow):
        return text
    if not flow and '"' in text and _single_ok(text):
        return "'" + text + "'"
    return double_quoted(text)
