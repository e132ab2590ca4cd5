"""The schema outside this repository: `roadmapctl schema`, and the modeline `new` and `import`
write, which must resolve from where the roadmap is written (not `../schema/...` always)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS

SCHEMA = ROOT / "schema" / "roadmap.schema.json"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "roadmapctl", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def modeline_target(roadmap: Path) -> Path:
    first = roadmap.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), first
    return (roadmap.parent / first[len(prefix):]).resolve()


def test_schema_id_names_no_made_up_domain():
    schema_id = json.loads(SCHEMA.read_text(encoding="utf-8"))["$id"]
    assert schema_id == "urn:roadmapctl:schema:roadmap"


def test_schema_command_prints_and_writes_the_schema(tmp_path):
    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8"))
    result = run("schema", "-o", "roadmap.schema.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "roadmap.schema.json").read_bytes() == SCHEMA.read_bytes()
    assert "Схема записана в roadmap.schema.json" in result.stderr
    result = run("schema", "-o", "roadmap.schema.json", cwd=tmp_path)
    assert result.returncode == 0 and "уже актуальна" in result.stderr


def test_schema_command_never_replaces_a_file_that_is_not_a_schema(tmp_path):
    other = tmp_path / "notes.json"
    other.write_text('{"мои": "заметки"}', encoding="utf-8")
    result = run("schema", "-o", "notes.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "--force" in result.stderr
    assert other.read_text(encoding="utf-8") == '{"мои": "заметки"}'
    assert run("schema", "-o", "notes.json", "--force", cwd=tmp_path).returncode == 0
    assert other.read_bytes() == SCHEMA.read_bytes()


def test_new_in_a_repository_without_a_schema_writes_one_at_the_root(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "roadmaps").mkdir()
    result = run("new", "roadmaps/город.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    roadmap = tmp_path / "roadmaps" / "город.yaml"
    assert roadmap.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../roadmap.schema.json\n")
    assert modeline_target(roadmap) == (tmp_path / "roadmap.schema.json").resolve()
    assert (tmp_path / "roadmap.schema.json").read_bytes() == SCHEMA.read_bytes()
    assert run("check", "roadmaps", cwd=tmp_path).returncode == 0


def test_new_points_at_an_existing_schema_folder_and_writes_nothing_more(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "schema").mkdir()
    own = tmp_path / "schema" / "roadmap.schema.json"
    own.write_bytes(b'{"$id": "urn:roadmapctl:schema:roadmap"}')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    result = run("new", "a/b/r.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (deep / "r.yaml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schema/roadmap.schema.json"
    assert own.read_bytes() == b'{"$id": "urn:roadmapctl:schema:roadmap"}'
    assert not (tmp_path / "roadmap.schema.json").exists()


def test_outside_a_repository_the_schema_goes_beside_the_roadmap(tmp_path):
    result = run("new", "r.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.yaml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=roadmap.schema.json"
    assert (tmp_path / "roadmap.schema.json").is_file()


def test_import_writes_a_modeline_that_resolves(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "карты").mkdir()
    seed = next(SEEDS.glob("002_*.txt"))
    result = run("import", str(seed), "-o", "карты/тула.yaml", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    roadmap = tmp_path / "карты" / "тула.yaml"
    assert modeline_target(roadmap) == (tmp_path / "roadmap.schema.json").resolve()
    assert modeline_target(roadmap).is_file()
