"""Facets of /search/ and /api/v1/search: which filters a kind offers and how their values are labelled.

A kind lists `FacetSpec`s; each knows how to label its values (taxonomy terms from portal's shared core,
or the kind's own choices). Values are slugs or codes, checked against VALUE_RE before any query.
"""

import re
from dataclasses import dataclass, field

from core import models

VALUE_RE = re.compile(r"[-a-z0-9_.]{1,100}")
MAX_VALUES = 20


def _taxonomy(model_name, key="slug"):
    def labels(values):
        model = getattr(models, model_name)
        return dict(model.objects.filter(**{f"{key}__in": values}).values_list(key, "name"))

    return labels


def choices(pairs):
    """Labels from (value, label) pairs, e.g. a TextChoices' .choices, or a callable returning them."""

    def labels(values):
        known = {str(value): str(label) for value, label in (pairs() if callable(pairs) else pairs)}
        return {value: known[value] for value in values if value in known}

    return labels


def _identity(values):
    return {value: value for value in values}


LABELS = {
    "topic": _taxonomy("Topic"),
    "age": _taxonomy("AgeGroup"),
    "concern": _taxonomy("DevelopmentalConcern"),
    "service": _taxonomy("ServiceType"),
    "region": _taxonomy("Region", key="code"),
    "year": _identity,
}


@dataclass(frozen=True)
class FacetSpec:
    key: str  # one of search.documents.FACET_KEYS, and the GET parameter
    label: str
    labels: object = field(default=None, compare=False)  # callable(values) -> {value: label}

    def label_values(self, values):
        values = list(values)
        if not values:
            return {}
        labeller = self.labels or LABELS.get(self.key, _identity)
        return labeller(values)

    def order(self, options):
        """Taxonomy terms in their editorial order is nice, but counts first is what people scan: by count."""
        return sorted(options, key=lambda option: (-option.count, option.label))
