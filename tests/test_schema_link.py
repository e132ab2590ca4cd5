"""The schema outside this repository: `roadmapctl schema`, and the modeline `new` and `import`
write, which must resolve from where the roadmap is written (not `../schema/...` always)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, SEEDS

SCHEMA = ROOT / "schema" / "roadmap.schema.json"


def modeline_target(roadmap: Path) -> Path:
    first = roadmap.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), first
    return (roadmap.parent / first[len(prefix):]).resolve()


def test_schema_id_names_no_made_up_domain():
    schema_id = json.loads(SCHEMA.read_text(encoding="utf-8"))["$id"]
    assert schema_id == "urn:roadmapctl:schema:roadmap"


def test_schema_command_prints_and_writes_the_schema(tmp_path, cli):
    code, out, err = cli("schema", cwd=tmp_path)
    assert code == 0
    assert json.loads(out) == json.loads(SCHEMA.read_text(encoding="utf-8"))
    code, out, err = cli("schema", "-o", "roadmap.schema.json", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "roadmap.schema.json").read_bytes() == SCHEMA.read_bytes()
    assert "Схема записана в roadmap.schema.json" in err
    code, out, err = cli("schema", "-o", "roadmap.schema.json", cwd=tmp_path)
    assert code == 0 and "уже актуальна" in err


def test_schema_command_never_replaces_a_file_that_is_not_a_schema(tmp_path, cli):
    other = tmp_path / "notes.json"
    other.write_text('{"мои": "заметки"}', encoding="utf-8")
    code, out, err = cli("schema", "-o", "notes.json", cwd=tmp_path)
    assert code == 2
    assert "--force" in err
    assert other.read_text(encoding="utf-8") == '{"мои": "заметки"}'
    assert cli("schema", "-o", "notes.json", "--force", cwd=tmp_path)[0] == 0
    assert other.read_bytes() == SCHEMA.read_bytes()


def test_new_in_a_repository_without_a_schema_writes_one_at_the_root(tmp_path, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / "roadmaps").mkdir()
    code, out, err = cli("new", "roadmaps/город.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert code == 0, err
    roadmap = tmp_path / "roadmaps" / "город.yaml"
    assert roadmap.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../roadmap.schema.json\n")
    assert modeline_target(roadmap) == (tmp_path / "roadmap.schema.json").resolve()
    assert (tmp_path / "roadmap.schema.json").read_bytes() == SCHEMA.read_bytes()
    assert cli("check", "roadmaps", cwd=tmp_path)[0] == 0


def test_new_points_at_an_existing_schema_folder_and_writes_nothing_more(tmp_path, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / "schema").mkdir()
    own = tmp_path / "schema" / "roadmap.schema.json"
    own.write_bytes(b'{"$id": "urn:roadmapctl:schema:roadmap"}')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    code, out, err = cli("new", "a/b/r.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert code == 0, err
    assert (deep / "r.yaml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schema/roadmap.schema.json"
    assert own.read_bytes() == b'{"$id": "urn:roadmapctl:schema:roadmap"}'
    assert not (tmp_path / "roadmap.schema.json").exists()


def test_outside_a_repository_the_schema_goes_beside_the_roadmap(tmp_path, cli):
    code, out, err = cli("new", "r.yaml", "--municipality", "город N", "--period", "2025-2026", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "r.yaml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=roadmap.schema.json"
    assert (tmp_path / "roadmap.schema.json").is_file()


def test_import_writes_a_modeline_that_resolves(tmp_path, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / "карты").mkdir()
    seed = next(SEEDS.glob("002_*.txt"))
    code, out, err = cli("import", str(seed), "-o", "карты/тула.yaml", cwd=tmp_path)
    assert code in (0, 1), err
    roadmap = tmp_path / "карты" / "тула.yaml"
    assert modeline_target(roadmap) == (tmp_path / "roadmap.schema.json").resolve()
    assert modeline_target(roadmap).is_file()
