"""Validation against the official Open Referral HSDS 3.0 JSON Schemas.

`validate(instance, "compiled/service.json")` returns the list of error messages (empty = valid), checking
formats (uuid, uri, email, date-time) too. `strict=True` also rejects properties the schema does not define,
so a test catches a field name HSDS does not have. The schemas are the official files, vendored gzip-compressed
in tests/providers_map/exchange/hsds/hsds-3.0/ (see its SOURCE.md; `HSDS_SCHEMA_DIR` may point at an uncompressed copy
instead, e.g. ../shared/standards/hsds-3.0). `test_hsds_schemas.py` checks the copy against shared/.
"""

import copy
import functools
import gzip
import json
import os
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

VENDORED = Path(__file__).resolve().parent / "hsds-3.0"


def schema_dir():
    return Path(os.environ.get("HSDS_SCHEMA_DIR") or VENDORED)


def read_schema_text(relative):
    """The text of schema file `relative` ("service.json", "compiled/service.json"), compressed or not."""
    path = schema_dir() / relative
    if path.is_file():
        return path.read_text(encoding="utf-8")
    with gzip.open(path.with_name(path.name + ".gz"), "rt", encoding="utf-8") as handle:
        return handle.read()


def schema_names():
    """The per-object schema files (top level, without openapi.json)."""
    names = {p.name.removesuffix(".gz") for p in schema_dir().iterdir() if ".json" in p.name}
    return sorted(names - {"openapi.json"})


@functools.cache
def _load(relative):
    return json.loads(read_schema_text(relative))


def _strict(schema):
    """A copy where every object schema with properties forbids other properties."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


@functools.cache
def _registry(strict):
    resources = []
    for name in schema_names():
        contents = _load(name)
        resources.append(
            (name, Resource(contents=_strict(contents) if strict else contents, specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@functools.cache
def validator(relative, strict=False):
    schema = _load(relative)
    return Draft202012Validator(
        _strict(schema) if strict else schema,
        registry=_registry(strict),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def validate(instance, relative, strict=False):
    """Error messages (with the JSON path of each) of `instance` against the schema file `relative`."""
    errors = sorted(validator(relative, strict).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}" for error in errors]
