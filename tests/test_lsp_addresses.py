"""Document addresses: every form an editor sends for one file is one key (roadmapctl.lsp.addresses)."""

from __future__ import annotations

import re
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.lsp.addresses import key, path

# The same Windows file as VS Code sends it, as other clients do, and with lower-case escapes.
WINDOWS_FORMS = [
    "file:///c%3A/Users/%D0%9C%D0%B5%D1%82%D0%BE%D0%B4%D0%B8%D1%81%D1%82/%D0%BC%D0%BE%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",
    "file:///C:/Users/%d0%9c%d0%b5%d1%82%d0%be%d0%b4%d0%b8%d1%81%d1%82/%d0%bc%d0%be%d1%8f%20%d0%ba%d0%b0%d1%80%d1%82%d0%b0.yaml",
    "file:///c:/Users/Методист/моя карта.yaml",
    "file:///C%3a/Users/Методист/моя%20карта.yaml",
]


def test_every_windows_form_is_one_key():
    assert {key(uri) for uri in WINDOWS_FORMS} == {"file:///c:/Users/Методист/моя карта.yaml"}


def test_cyrillic_and_space_escapes_are_decoded():
    assert key("file:///home/m/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml") == "file:///home/m/карта.yaml"
    assert key("file:///home/m/%d0%bc%d0%be%d1%8f%20%d0%ba%d0%b0%d1%80%d1%82%d0%b0.yaml") == "file:///home/m/моя карта.yaml"
    # a path that only looks like a drive letter further on is left alone
    assert key("file:///home/C:/x.yaml") == "file:///home/C:/x.yaml"
    assert key("untitled:Untitled-1") == "untitled:Untitled-1"


def test_the_path_of_a_windows_address():
    for uri in WINDOWS_FORMS:
        assert path(uri, windows=True) == "c:\\Users\\Методист\\моя карта.yaml"
        # elsewhere the path stays absolute: nothing is looked up relative to the current folder
        assert path(uri, windows=False) in ("/c:/Users/Методист/моя карта.yaml", "/C:/Users/Методист/моя карта.yaml")
    assert path("file://server/share/%D0%BA.yaml", windows=True) == "\\\\server\\share\\к.yaml"
    assert path("file:///home/m/%D0%BC%D0%BE%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",
                windows=False) == "/home/m/моя карта.yaml"
    assert path("untitled:Untitled-1") is None


_NAME = st.text(alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ abcXYZ019-_.()№«»"), min_size=1)


@given(drive=st.sampled_from("cCdD"), folder=_NAME, name=_NAME, lower=st.booleans(), colon=st.booleans())
def test_any_encoding_of_a_file_is_the_same_key(drive, folder, name, lower, colon):
    plain = f"file:///{drive}:/{folder}/{name}.yaml"
    encoded = quote(f"/{drive}:/{folder}/{name}.yaml", safe="/" if colon else "/:")
    if lower:
        encoded = _lower_escapes(encoded)
    assert key("file://" + encoded) == key(plain)
    assert key(plain) == f"file:///{drive.lower()}:/{folder}/{name}.yaml"
    assert path("file://" + encoded, windows=True) == f"{drive.lower()}:\\{folder}\\{name}.yaml"


def _lower_escapes(text: str) -> str:
    """``%D0%BA`` → ``%d0%ba``: the escapes in lower case, the rest as it is."""
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), text)


def test_an_address_with_a_nul_byte_is_no_file_path():
    """``file:///tmp/%00x.yaml``: every path operation failed with «embedded null byte», and the
    editor was shown an internal error; the document is now checked as a text without a file."""
    assert path("file:///tmp/%00x.yaml", windows=False) is None
    assert path("file://serv%00er/share/x.yaml", windows=False) is None
    assert path("file:///tmp/%D0%BA.yaml", windows=False) == "/tmp/к.yaml"
