"""Controlled values a spreadsheet may name: regions, taxonomy terms and the fixed choice lists.

Built once per run from the database (`Vocabulary.from_db()`); cleaning then resolves cells against it
without queries. Every value is accepted by its Russian label, its code and (for taxonomies) its slug,
in any letter case and with ё written as е.
"""

import re
from functools import lru_cache

from django.utils import timezone, translation

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.models import Location, Organisation
from search.text import fold

from .columns import KIND_LOCATION, KIND_ORGANISATION, KIND_SERVICE

ROW_KINDS = [
    (KIND_ORGANISATION, translation.gettext_lazy("organisation")),
    (KIND_LOCATION, translation.gettext_lazy("address")),
    (KIND_SERVICE, translation.gettext_lazy("service")),
]
TRUE_WORDS = {"да", "yes", "true", "истина", "1", "+", "есть", "д", "y"}
FALSE_WORDS = {"нет", "no", "false", "ложь", "0", "-", "н", "n"}


@lru_cache(maxsize=65536)
def _norm(text):
    text = fold(text)  # case, ё→е, one kind of dash
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"[«»\"“”„]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def norm(text):
    return _norm(str(text or ""))


def russian(label):
    with translation.override("ru"):
        return str(label)


class Choices:
    """A fixed list of (code, label): resolve() accepts either; label() gives the Russian label."""

    def __init__(self, pairs, aliases=None):
        self.labels = {code: russian(label) for code, label in pairs}
        self.lookup = {}
        for code, label in pairs:
            if code:
                self.lookup[norm(code)] = code
            self.lookup.setdefault(norm(russian(label)), code)
            self.lookup.setdefault(norm(str(label)), code)
        for alias, code in (aliases or {}).items():
            self.lookup.setdefault(norm(alias), code)

    def resolve(self, value):
        return self.lookup.get(norm(value))

    def label(self, code):
        return self.labels.get(code, code)

    def all_labels(self):
        return list(self.labels.values())


class Terms:
    """A taxonomy: resolve(value) -> primary key by slug, name or extra code; display(pk) -> name."""

    def __init__(self, rows, model=None):
        # rows: (pk, name, slug, extra codes...); `model` also gives the terms' descriptions
        self.names, self.slugs, self.lookup = {}, {}, {}
        self.descriptions = dict(model.objects.values_list("pk", "description")) if model else {}
        for pk, name, slug, *extra in rows:
            self.names[pk], self.slugs[pk] = name, slug
            for key in (slug, name, *extra):
                if key:
                    self.lookup.setdefault(norm(key), pk)

    def resolve(self, value):
        return self.lookup.get(norm(value))

    def display(self, pk):
        return self.names.get(pk, "")

    def all_names(self):
        return list(self.names.values())


class Vocabulary:
    def __init__(self, regions, service_types, concerns, languages):
        self.regions = regions
        self.service_types = service_types
        self.concerns = concerns
        self.languages = languages
        self.ownership = Choices(Organisation.Ownership.choices)
        self.sector = Choices(Organisation.Sector.choices)
        self.referral_required = Choices(Organisation.Referral.choices)
        self.cost = Choices(Organisation.Cost.choices)
        self.status = Choices(Organisation.Status.choices)
        self.accessibility = Choices(Location.ACCESSIBILITY_FEATURES)
        self.delivery_modes = Choices(Location.DELIVERY_MODES)
        self.coordinates_source = Choices(
            Location.CoordinatesSource.choices,
            aliases={"не указаны": "", "нет": "", "редактор": "editor", "справочник": "gazetteer", "импорт": "import"},
        )
        self.row_kind = Choices(
            ROW_KINDS, aliases={"филиал": KIND_LOCATION, "место": KIND_LOCATION, "сервис": KIND_SERVICE}
        )
        self.region_codes = {pk: code for pk, _, code, *_ in regions.rows}
        self.cache = {}  # per run: cleaned values of repeated cells
        self.today = timezone.localdate()

    @classmethod
    def from_db(cls):
        region_rows = [
            (pk, name, code, code.lstrip("0")) for pk, name, code in Region.objects.values_list("pk", "name", "code")
        ]
        regions = Terms(region_rows)
        regions.rows = region_rows
        return cls(
            regions=regions,
            service_types=Terms(ServiceType.objects.values_list("pk", "name", "slug"), ServiceType),
            concerns=Terms(DevelopmentalConcern.objects.values_list("pk", "name", "slug")),
            languages=Terms(Language.objects.values_list("pk", "name", "slug", "code")),
        )


def parse_bool(value):
    """True/False for a yes/no cell, None when the text is neither."""
    if isinstance(value, bool):
        return value
    text = norm(value)
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None
