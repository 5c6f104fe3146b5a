"""The vendored HSDS 3.0 schemas are the official ones (shared/standards/hsds-3.0), byte for byte."""

import gzip
from pathlib import Path

import pytest

from tests.providers_map.exchange.hsds.schemas import VENDORED, validate

REPO = Path(__file__).resolve().parents[4]


def shared_copy():
    for parent in REPO.parents:
        candidate = parent / "shared" / "standards" / "hsds-3.0"
        if (candidate / "service.json").is_file():
            return candidate
    return None


def test_vendored_schemas_are_the_official_files():
    official = shared_copy()
    if official is None:
        pytest.skip("no shared/standards/hsds-3.0 beside the repository to compare with")
    vendored = sorted(VENDORED.rglob("*.json.gz"))
    assert len(vendored) >= 30
    for path in vendored:
        relative = path.relative_to(VENDORED).as_posix().removesuffix(".gz")
        assert gzip.decompress(path.read_bytes()) == (official / relative).read_bytes(), relative


def test_the_validator_rejects_what_hsds_does_not_allow():
    service = {"id": "5b0a2b7e-6f51-4e0e-9d7e-2a1c4d5e6f70", "name": "Услуга", "status": "active"}
    assert validate(service, "compiled/service.json", strict=True) == []
    assert validate({**service, "status": "open"}, "compiled/service.json") != []
    assert validate({**service, "id": "42"}, "compiled/service.json") != []
    assert validate({**service, "url": "not a uri"}, "compiled/service.json") != []
    assert validate({**service, "colour": "red"}, "compiled/service.json") == []
    assert validate({**service, "colour": "red"}, "compiled/service.json", strict=True) != []
    assert validate({"id": service["id"]}, "taxonomy_term.json") != []
