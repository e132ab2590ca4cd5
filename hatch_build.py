"""Build hook: the wheel carries the fast validator's code, generated from the schema at build
time (``roadmapctl/document/_validator.py``), so that ``check`` neither compiles it at every start
nor executes code from a cache folder (see ``src/roadmapctl/document/validator_code.py``)."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ValidatorHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install runs from src/: python -m roadmapctl.document.validator_code
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "_roadmapctl_validator_code", root / "src" / "roadmapctl" / "document" / "validator_code.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        folder = Path(tempfile.mkdtemp(prefix="roadmapctl-build-"))
        target = folder / "_validator.py"
        module.write(root / "schema" / "roadmap.schema.json", target)
        build_data["force_include"][str(target)] = "roadmapctl/document/_validator.py"
