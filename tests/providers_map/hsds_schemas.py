"""Validation against the official Open Referral HSDS 3.0 JSON Schemas (../shared/standards/hsds-3.0/).

`validate(instance, "compiled/service.json")` returns the list of error messages (empty = valid), checking
formats (uuid, uri, email, date-time) too. `strict=True` also rejects properties the schema does not define,
so a test catches a field name HSDS does not have. The schemas are looked up in `HSDS_SCHEMA_DIR` or in
`shared/standards/hsds-3.0` beside the repository or one of its parents (CI lays `shared/` beside the clone).
"""

import copy
import functools
import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import require_service

REPO = Path(__file__).resolve().parents[2]
RELATIVE = Path("shared") / "standards" / "hsds-3.0"


def schema_dir():
    configured = os.environ.get("HSDS_SCHEMA_DIR")
    if configured:
        return Path(configured)
    for parent in REPO.parents:
        if (parent / RELATIVE / "service.json").is_file():
            return parent / RELATIVE
    return None


@pytest.fixture(scope="session")
def hsds_schemas():
    found = schema_dir()
    require_service("The HSDS 3.0 schemas", found is not None, f"expected {RELATIVE} beside the repository")
    return found


@functools.cache
def _load(relative):
    return json.loads((schema_dir() / relative).read_text(encoding="utf-8"))


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
    for path in sorted(schema_dir().glob("*.json")):
        if path.name == "openapi.json":
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (path.name, Resource(contents=_strict(contents) if strict else contents, specification=DRAFT202012))
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
