"""The data files under data/: YAML read with line numbers, checked against a JSON Schema.

Not a hook: the hooks import it. Every problem raises DataError (a PluginError, so
MkDocs stops the build) whose message names the file, the line, the field and what
to do. Each data/NAME.yaml has its schema in data/schemas/NAME.schema.yaml; shared
definitions live in data/schemas/common.schema.yaml (urn:edition:common).

Two schema keywords of our own fill in an `enum` before validation, so that
cross-references are checked by the schema like everything else:
  x-keys-of: "/types"      the keys of a mapping elsewhere in the same file;
  x-keys-of: "countries"   the top-level keys of another data file (data/countries.yaml).
"""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = DATA / "schemas"

HINTS = {
    "required": "add the missing field",
    "additionalProperties": "remove the field or correct its name",
    "enum": "use one of the values listed",
    "type": "give a value of the expected type",
    "pattern": "write a value of the expected form",
    "minLength": "write the text; it may not be empty",
    "minItems": "give at least one item",
    "uniqueItems": "remove the repeated item",
    "propertyNames": "use an id of the expected form",
    "minProperties": "give at least one entry",
}


# libyaml's parser when PyYAML has it (the wheels do): the same YAML, read several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(PluginError):
    """A data file is missing, malformed or breaks its schema."""


def relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def names(data_dir: Path = DATA) -> list[str]:
    """The names of all data files (data/NAME.yaml), sorted."""
    return sorted(p.stem for p in data_dir.glob("*.yaml"))


def _compose(path: Path):
    """Parse YAML twice over one text: the values, and the node tree for line numbers."""
    where = relative(path)
    if not path.is_file():
        raise DataError(f"{where}: the data file does not exist. Create it, or correct the name that refers to it.")
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
        value = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(f"{at}: malformed YAML ({problem}). Fix the syntax at that line.") from None
    return value, node


def _line(node, path) -> int:
    """The line of what a JSON path points at, as deep as the path exists in the file:
    the key's line for a mapping entry (`project:`), the item's line in a list."""
    if node is None:
        return 1
    line = node.start_mark.line
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    node, line = v, k.start_mark.line
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line
        else:
            break
    return line + 1


def _field(path, value) -> str:
    """rows[3].countries[1], with the row's number and id for a reader."""
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    if len(path) >= 2 and path[0] == "rows" and isinstance(path[1], int):
        row = value["rows"][path[1]] if isinstance(value, dict) else None
        ident = f", id '{row['id']}'" if isinstance(row, dict) and "id" in row else ""
        out += f" (table row {path[1] + 1}{ident})"
    return out or "(top level)"


def _registry() -> Registry:
    """The shared definitions, for `$ref: urn:edition:common#/$defs/...`."""
    common = yaml.safe_load((SCHEMAS / "common.schema.yaml").read_text(encoding="utf-8"))
    return Registry().with_resource(common["$id"], Resource.from_contents(common))


def _fill_enums(schema, value):
    """Resolve our x-keys-of keyword into a plain enum (see the module's docstring)."""
    if isinstance(schema, dict):
        source = schema.get("x-keys-of")
        if source is not None:
            if source.startswith("/"):
                target = value
                for part in source.strip("/").split("/"):
                    target = target.get(part) if isinstance(target, dict) else None
            else:
                target = load(source)
            schema["enum"] = sorted(target) if isinstance(target, dict) else []
        for child in schema.values():
            _fill_enums(child, value)
    elif isinstance(schema, list):
        for child in schema:
            _fill_enums(child, value)


def check(name: str, path: Path | None = None):
    """Load data/NAME.yaml (or `path`, checked against NAME's schema) and validate it."""
    path = path or DATA / f"{name}.yaml"
    where = relative(path)
    schema_path = SCHEMAS / f"{name}.schema.yaml"
    if not schema_path.is_file():
        raise DataError(
            f"{where}: no schema for this data file. Add {relative(schema_path)} (JSON Schema), "
            "so that mistakes in the data stop the build."
        )
    value, node = _compose(path)
    schema = copy.deepcopy(yaml.safe_load(schema_path.read_text(encoding="utf-8")))
    _fill_enums(schema, value)
    validator = jsonschema.Draft202012Validator(schema, registry=_registry())
    errors = sorted(validator.iter_errors(value), key=lambda e: (_line(node, e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        lines = []
        for err in errors:
            path_ = list(err.absolute_path)
            hint = HINTS.get(err.validator, "see the schema")
            lines.append(f"{where}:{_line(node, path_)}: {_field(path_, value)}: {err.message}; {hint} (schema: {relative(schema_path)}).")
        raise DataError(f"{len(errors)} problem(s) in {where}:\n  " + "\n  ".join(lines))
    return value


def where(name: str, path: list) -> str:
    """data/NAME.yaml:LINE of what a path of keys and indexes points at (["rows", 3, "places", 0]),
    for a message of a check that runs after the schema's."""
    file = DATA / f"{name}.yaml"
    _, node = _compose(file)
    return f"{relative(file)}:{_line(node, list(path))}"


_loaded: dict = {}


def _stamp() -> tuple:
    """When data/ and its schemas last changed (a file's check may read other files)."""
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(DATA.glob("*.yaml")) + sorted(SCHEMAS.glob("*.yaml")))


def load(name: str):
    """The validated content of data/NAME.yaml.

    Checked once while data/ stays unchanged (hooks load files for every page); a copy
    is returned, so that a caller cannot change what the next one gets."""
    stamp = _stamp()
    if name not in _loaded or _loaded[name][0] != stamp:
        _loaded[name] = (stamp, check(name))
    return copy.deepcopy(_loaded[name][1])
