"""Validation of our answers against the official Open Referral HSDS 3.0 JSON Schemas, for the tests.

The runtime validator (`providers_map.exchange.hsds.validation`, which the harvester uses on other portals'
records) with one addition: `strict=True` also rejects properties the schema does not define, so a test catches a
field name HSDS does not have. The schemas are the official files, vendored gzip-compressed in
providers_map/exchange/hsds/standard/ (see its SOURCE.md); `test_schemas.py` checks the copy against shared/.
"""

import copy

from providers_map.exchange.hsds import validation
from providers_map.exchange.hsds.validation import STANDARD as VENDORED
from providers_map.exchange.hsds.validation import load as _load
from providers_map.exchange.hsds.validation import read_schema_text

__all__ = ["VENDORED", "_load", "read_schema_text", "validate"]


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


def validate(instance, relative, strict=False):
    """Error messages (with the JSON path of each) of `instance` against the schema file `relative`."""
    return validation.errors(instance, relative, transform=_strict if strict else None)
