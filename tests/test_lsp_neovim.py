"""`roadmapctl lsp` in a real editor: Neovim's own LSP client, headless (skipped without nvim).

Neovim percent-encodes a file's address itself (lower-case escapes: ``%d0%ba`` for «к»), as it
does for the methodologists' files with Cyrillic names and spaces; the findings must be
published under that address, or the editor shows none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from test_lsp import DEFECTS, _line

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed")

# vim.lsp.start (Neovim 0.8 and newer, as docs/lsp.md configures it), or start_client and
# buf_attach_client in 0.7 (Debian 12's Neovim).
SCRIPT = r"""
local file, out = os.getenv("ROADMAPCTL_TEST_FILE"), os.getenv("ROADMAPCTL_TEST_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = "roadmapctl",
  cmd = { os.getenv("ROADMAPCTL_TEST_PYTHON"), "-m", "roadmapctl", "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
}
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = { vim.uri_from_bufnr(buf) }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(lines, string.format("%s %d", d.code or "", d.lnum))
end
vim.fn.writefile(lines, out)
vim.cmd("qall!")
"""


@pytest.mark.parametrize("name", ["karta.yaml", "карта.yaml", "моя карта.yaml"])
def test_neovim_shows_the_findings_of_a_file_with_a_cyrillic_name(tmp_path, name):
    folder = tmp_path / "Дорожные карты"
    folder.mkdir()
    roadmap = folder / name
    roadmap.write_text(DEFECTS, encoding="utf-8")
    script, out = tmp_path / "test.lua", tmp_path / "out.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, ROADMAPCTL_TEST_FILE=str(roadmap), ROADMAPCTL_TEST_OUT=str(out),
               ROADMAPCTL_TEST_PYTHON=sys.executable,
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {script}"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr
    address, *found = out.read_text(encoding="utf-8").splitlines()
    if name != "karta.yaml":
        assert "%" in address  # Neovim sent an escaped address: the case this test is about
    assert found == [f"RM605 {_line(DEFECTS, 'Создание  муниципальной')}"]
