"""The text of a Word paragraph (WordprocessingML), shared by the table reader and the reader of
tables typed as paragraphs with tabs."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_SKIP = {f"{W}pPr", f"{W}rPr", f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}fldData"}


def paragraph_text(element, tab: str = " ") -> str:
    """The text a reader sees in a w:p: runs, hyperlinks, fields' results and tracked insertions,
    without tracked deletions and field codes; tabs as ``tab`` (a space), line breaks as "\n"."""
    out: list[str] = []
    stack = list(reversed(list(element)))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            out.append(node.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append(tab)
        elif tag in (f"{W}br", f"{W}cr"):
            if node.get(f"{W}type") not in ("page", "column"):
                out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}sym":
            code = node.get(f"{W}char", "")
            try:
                value = int(code, 16)
                out.append(chr(value - 0xF000) if value >= 0xF000 and value - 0xF000 >= 0x20 else chr(value))
            except ValueError:
                pass
        else:
            stack.extend(reversed(list(node)))
    return "".join(out)
