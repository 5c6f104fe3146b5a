"""Validation against the official Open Referral HSDS 3.0 JSON Schemas (vendored in `standard/`, see SOURCE.md).

`validate(instance, "compiled/organization.json")` returns the list of error messages (empty = valid), each with
the JSON path it concerns, checking formats (uuid, uri, email, date-time) too. The harvester checks every record
another portal sends with it; the tests check our own answers with it.
"""

import functools
import gzip
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARD = Path(__file__).resolve().parent / "standard"
MAX_ERRORS = 5  # a record with more is rejected all the same; the report stays readable


def read_schema_text(relative, directory=STANDARD):
    """The text of schema file `relative` ("service.json", "compiled/service.json"), compressed or not."""
    path = Path(directory) / relative
    if path.is_file():
        return path.read_text(encoding="utf-8")
    with gzip.open(path.with_name(path.name + ".gz"), "rt", encoding="utf-8") as handle:
        return handle.read()


def schema_names(directory=STANDARD):
    """The per-object schema files (top level, without openapi.json)."""
    names = {p.name.removesuffix(".gz") for p in Path(directory).iterdir() if ".json" in p.name}
    return sorted(names - {"openapi.json"})


@functools.cache
def load(relative):
    return json.loads(read_schema_text(relative))


@functools.cache
def registry(transform=None):
    """The per-object schemas, so that `$ref: "phone.json"` in a compiled schema resolves offline."""
    resources = []
    for name in schema_names():
        contents = transform(load(name)) if transform else load(name)
        resources.append((name, Resource(contents=contents, specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def validator(relative, transform=None):
    schema = transform(load(relative)) if transform else load(relative)
    return Draft202012Validator(
        schema, registry=registry(transform), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(instance, relative, transform=None, limit=None):
    """Error messages of `instance` against the schema file `relative`, ordered by where they are."""
    found = sorted(validator(relative, transform).iter_errors(instance), key=lambda e: list(e.absolute_path))
    messages = [f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}" for error in found]
    return messages[:limit] if limit else messages


def validate(instance, relative):
    """The first few error messages (empty = valid HSDS)."""
    return errors(instance, relative, limit=MAX_ERRORS)
