"""The data files under data/: YAML read with line numbers, checked against a JSON Schema.

Not a hook: the hooks import it. Every problem raises DataError (a PluginError, so
MkDocs stops the build) whose message names the file, the line, the field and what
to do. Each data/NAME.yaml has its schema in data/schemas/NAME.schema.yaml; shared
definitions live in data/schemas/common.schema.yaml (urn:edition:common).

Schema keywords of our own, so that cross-references and ids are checked by the schema
like everything else:
  x-keys-of: "/types"      an `enum` of the keys of a mapping elsewhere in the same file;
  x-keys-of: "countries"   ... of the top-level keys of another data file (data/countries.yaml);
  x-unique: id             on an array: no two items have the same `id` (the message names
                           both lines), e.g. the rows of a table, the notes, the glossary's terms.
A key repeated in one YAML mapping (YAML would keep the last silently) is an error too.
"""

from __future__ import annotations

import copy
import functools
import pickle
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

# jsonschema and referencing are imported where a file is checked: a build whose data files
# are all unchanged takes their checked content from edition/cache.py and never imports them.

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


_composed: dict = {}  # path -> (text, pickled value, node): the last parse of each file


def _compose(path: Path):
    """Parse YAML twice over one text: the values, and the node tree for line numbers.
    A file whose text has not changed since the last call is not parsed again (its value is
    unpickled afresh: a caller may change it; the node tree is shared, read only)."""
    where = relative(path)
    if not path.is_file():
        raise DataError(f"{where}: the data file does not exist. Create it, or correct the name that refers to it.")
    text = path.read_text(encoding="utf-8")
    last = _composed.get(path)
    if last is not None and last[0] == text:
        return pickle.loads(last[1]), last[2]
    _composed.pop(path, None)
    try:
        node = yaml.compose(text, Loader=_LOADER)
        value = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(f"{at}: malformed YAML ({problem}). Fix the syntax at that line.") from None
    repeated = list(_repeated_keys(node, []))
    if repeated:
        lines = [f"{where}:{line}: {_path(path)}: the key '{key}' is repeated; it is already at line {first} of the same mapping "
                 "(YAML would keep only the last one). Remove one, or rename it." for line, path, key, first in repeated]
        raise DataError(f"{len(lines)} problem(s) in {where}:\n  " + "\n  ".join(lines))
    _composed[path] = (text, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), node)
    return value, node


def _repeated_keys(node, path):
    """(line, path, key, line of the first) of each key that a mapping repeats."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, child in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                yield key.start_mark.line + 1, path, name, seen[name]
            elif name is not None:
                seen[name] = key.start_mark.line + 1
            yield from _repeated_keys(child, [*path, name])
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            yield from _repeated_keys(child, [*path, index])


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


def _path(path) -> str:
    """rows[3].countries[1]"""
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top level)"


def _field(path, value) -> str:
    """rows[3].countries[1], with the row's number and id for a reader."""
    out = _path(path) if path else ""
    if len(path) >= 2 and path[0] == "rows" and isinstance(path[1], int):
        row = value["rows"][path[1]] if isinstance(value, dict) else None
        ident = f", id '{row['id']}'" if isinstance(row, dict) and "id" in row else ""
        out += f" (table row {path[1] + 1}{ident})"
    return out or "(top level)"


def _registry():
    """The shared definitions, for `$ref: urn:edition:common#/$defs/...` (made again only when
    data/schemas/common.schema.yaml changes: _schema reads it again then)."""
    from referencing import Registry, Resource

    common = _schema("common")
    if _registries.get("common", (None,))[0] is not common:
        _registries["common"] = (common, Registry().with_resource(common["$id"], Resource.from_contents(common)))
    return _registries["common"][1]


_registries: dict = {}  # "common" → (the schema it was made from, the registry)


def _schema(name: str) -> dict:
    """The JSON Schema of data/NAME.yaml as read from data/schemas/ (read again only when the
    file changes), not a copy: only for reading. {} if there is none."""
    path = SCHEMAS / f"{name}.schema.yaml"
    if not path.is_file():
        return {}
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    if _schemas.get(path, (None,))[0] != stamp:
        _schemas[path] = (stamp, yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER))
    return _schemas[path][1]


def schema(name: str) -> dict:
    """The JSON Schema of data/NAME.yaml; a copy, so that a caller may fill it in. {} if there is none."""
    return copy.deepcopy(_schema(name))


def properties(name: str) -> frozenset:
    """The names of the top-level properties data/NAME.yaml's schema declares."""
    return frozenset(_schema(name).get("properties", {}))


_schemas: dict = {}  # path → (its size and mtime, what was read)


def _unique(validator, key, instance, schema):
    """x-unique: KEY on an array — no two items have the same value of KEY."""
    if not validator.is_type(instance, "array"):
        return
    seen = {}
    for index, item in enumerate(instance):
        if not isinstance(item, dict) or key not in item:
            continue
        value = item[key]
        marker = yaml.safe_dump(value) if isinstance(value, dict | list) else value
        if marker in seen:
            import jsonschema

            error = jsonschema.ValidationError(f"{value!r} is repeated", path=[index, key])
            error.first = [seen[marker], key]  # relative to the array, like error.path
            yield error
        else:
            seen[marker] = index


@functools.cache
def _validator():
    """Draft 2020-12 with our x-unique keyword (x-keys-of is resolved before: _fill_enums)."""
    import jsonschema

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-unique": _unique})


def _message(err, node, value, where, schema_path) -> str:
    path = list(err.absolute_path)
    hint = HINTS.get(err.validator, "see the schema")
    schema = relative(schema_path)
    if err.validator == "x-unique":
        first = path[: len(path) - len(err.first)] + err.first
        return (f"{where}:{_line(node, path)}: {_path(path)} {err.instance[path[-2]][path[-1]]!r} is already the {path[-1]} "
                f"of {_path(first[:-1])} (line {_line(node, first)}); give each its own {path[-1]}, or remove the repeated entry "
                f"(schema: {schema}).")
    described = err.schema.get("description") if isinstance(err.schema, dict) and err.validator in ("pattern", "type", "enum") else None
    about = f" ({described.strip().rstrip('.')})" if described else ""
    return f"{where}:{_line(node, path)}: {_field(path, value)}: {err.message}{about}; {hint} (schema: {schema})."


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
    rules = schema(name)
    _fill_enums(rules, value)
    validator = _validator()(rules, registry=_registry())
    errors = sorted(validator.iter_errors(value), key=lambda e: (_line(node, e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        lines = [_message(err, node, value, where, schema_path) for err in errors]
        raise DataError(f"{len(errors)} problem(s) in {where}:\n  " + "\n  ".join(lines))
    return value


def where(name: str, path=()) -> str:
    """data/NAME.yaml:LINE of what a path of keys and indexes points at (["rows", 3, "places", 0]),
    for a message of a check that runs after the schema's."""
    file = DATA / f"{name}.yaml"
    _, node = _compose(file)
    return f"{relative(file)}:{_line(node, list(path))}"


_loaded: dict = {}


def _stamp() -> tuple:
    """When data/ and its schemas last changed (a file's check may read other files)."""
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(DATA.glob("*.yaml")) + sorted(SCHEMAS.glob("*.yaml")))


_build: dict = {"generation": 0, "stamp": None}


def refresh() -> int:
    """A new build begins (hooks/checks/data_validation.py, on_config): look at data/ again. Until
    the next call, load() trusts this look instead of looking at every call — MkDocs starts
    a new build (`mkdocs serve`: a rebuild) whenever a watched file changes. Returns the
    build's generation, which other caches may key on (edition/metadata.py)."""
    _build["stamp"] = _stamp()
    _build["generation"] += 1
    return _build["generation"]


def generation() -> int:
    """The number of refresh() calls so far: 0 outside a build (tools, tests), where every
    load() looks at data/ again."""
    return _build["generation"]


def load(name: str):
    """The validated content of data/NAME.yaml.

    Checked once while data/ stays unchanged (hooks load files for every page); a copy
    is returned, so that a caller cannot change what the next one gets."""
    stamp = _build["stamp"] or _stamp()
    if name not in _loaded or _loaded[name][0] != stamp:
        _loaded[name] = (stamp, pickle.dumps(_checked(name), protocol=pickle.HIGHEST_PROTOCOL))
    return pickle.loads(_loaded[name][1])  # a copy: several times faster than copy.deepcopy


def _checked(name: str):
    """check(name), kept between MkDocs commands while nothing it reads changes (edition/cache.py):
    every data file and schema (x-keys-of reads other files), this module, and the versions of
    the libraries that read and validate them. A file that fails its check is checked again
    on every build, and fails again with the same message."""
    from edition import cache  # here: tools/ load data files without the build's modules

    return cache.cached("data", {"name": name}, lambda: check(name),
                        depends=[*sorted(DATA.glob("*.yaml")), SCHEMAS, Path(__file__)],
                        versions=("jsonschema", "referencing", "pyyaml"))
