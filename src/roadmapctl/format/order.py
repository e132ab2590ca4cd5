"""The canonical key order: the order of ``properties`` in the roadmap's JSON Schema, at every level."""

from __future__ import annotations

from functools import cache


@cache
def _root() -> dict:
    from roadmapctl.document.schema import schema

    return schema()


def _resolve(node: dict | None) -> dict | None:
    """Follow local ``$ref``s (``#/$defs/activity``)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 32:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return None
        target: dict | None = _root()
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        node = target
        seen += 1
    return node if isinstance(node, dict) else None


def _branches(node: dict | None) -> list[dict]:
    node = _resolve(node)
    if node is None:
        return []
    out = [node]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []) or []:
            out.extend(_branches(branch))
    return out


class SchemaCursor:
    """Where a YAML node stands in the schema; ``None`` inside means "not described"."""

    __slots__ = ("node",)

    def __init__(self, node: dict | None):
        self.node = node

    @classmethod
    def root(cls) -> "SchemaCursor":
        return cls(_root())

    def _object(self) -> dict | None:
        for branch in _branches(self.node):
            if "properties" in branch or branch.get("type") == "object" or "additionalProperties" in branch:
                return branch
        return None

    def key_order(self) -> list[str]:
        branch = self._object()
        return list((branch or {}).get("properties", {}) or {})

    def child(self, key: str) -> "SchemaCursor":
        for branch in _branches(self.node):
            properties = branch.get("properties") or {}
            if key in properties:
                return SchemaCursor(properties[key])
        for branch in _branches(self.node):
            extra = branch.get("additionalProperties")
            if isinstance(extra, dict):
                return SchemaCursor(extra)
        return SchemaCursor(None)

    def only_text(self) -> bool:
        """Whether the schema says what may stand here and all it allows is text: ``type: string``,
        an ``enum`` or a ``const`` of strings (so a typed spelling found here is meant as text)."""
        said: list[bool] = []
        for branch in _branches(self.node):
            kind = branch.get("type")
            kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
            said += [k == "string" for k in kinds if isinstance(k, str)]
            said += [isinstance(value, str) for value in branch.get("enum", ()) or ()]
            if "const" in branch:
                said.append(isinstance(branch["const"], str))
        return bool(said) and all(said)

    def item(self) -> "SchemaCursor":
        for branch in _branches(self.node):
            if isinstance(branch.get("items"), dict):
                return SchemaCursor(branch["items"])
        return SchemaCursor(None)


def ordered(keys: list[str], order: list[str]) -> list[int]:
    """Indexes of ``keys`` in canonical order: known keys by the schema; a key the schema does not
    know (a mistyped «ответсвенные») stays where it was typed, right after the known key it
    followed (first, when none came before it), so that the author finds it where they wrote it.
    The sort is stable: duplicates keep their relative order."""
    rank = {name: i for i, name in enumerate(order)}
    keys_rank: list[tuple[int, int]] = []
    previous = -1
    for key in keys:
        if key in rank:
            previous = rank[key]
            keys_rank.append((previous, 0))
        else:
            keys_rank.append((previous, 1))
    return sorted(range(len(keys)), key=lambda i: keys_rank[i])
