"""Identifiers of the HSDS objects: stable, deterministic, never reused.

Organisations, locations and services carry their own permanent `uuid` (a model field the importer keeps).
Everything else is derived from them, so the same registry always yields the same identifiers:

- a part of an object (address, phone, schedule, language, cost option, document, attribute, identifier) is
  `uuid5(owner uuid, "<table>/<what distinguishes it>")`;
- a taxonomy is `uuid5(NAMESPACE, "taxonomy/<key>")` and a term `uuid5(NAMESPACE, "taxonomy/<key>/<code>")`,
  so every portal that uses the same vocabulary publishes the same term identifiers;
- a service at a location keeps the first 64 bits of the service's uuid and takes the last 64 bits from
  `uuid5(service uuid, "service_at_location/<location uuid>")`: unique like any uuid5, and the pair can be
  found again from the identifier alone with one indexed range query on the service (`service_uuid_range`).
"""

import uuid

# The portal's own namespace for derived identifiers (a fixed random uuid; never change it).
NAMESPACE = uuid.UUID("b6155b45-39ab-4e7a-9be2-f20aee68de57")

_HIGH = ((1 << 64) - 1) << 64
_LOW = (1 << 64) - 1


def as_uuid(value):
    """`value` as a UUID, or None when it is not one (so a malformed id is simply "not found")."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def part_id(owner, table, discriminator=""):
    """The id of a part of `owner` (a uuid): e.g. part_id(location.uuid, "address")."""
    return str(uuid.uuid5(as_uuid(owner), f"{table}/{discriminator}"))


def taxonomy_id(key):
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{key}"))


def term_id(key, code):
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{key}/{code}"))


def service_at_location_id(service_uuid, location_uuid):
    service_uuid = as_uuid(service_uuid)
    tail = uuid.uuid5(service_uuid, f"service_at_location/{as_uuid(location_uuid)}")
    return str(uuid.UUID(int=(service_uuid.int & _HIGH) | (tail.int & _LOW)))


def service_uuid_range(service_at_location):
    """(lowest, highest) service uuid that can have produced this service-at-location id, or None."""
    value = as_uuid(service_at_location)
    if value is None:
        return None
    high = value.int & _HIGH
    return uuid.UUID(int=high), uuid.UUID(int=high | _LOW)
