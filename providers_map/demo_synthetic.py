"""Synthetic providers for scale work: `load_demo --providers N` (and the benchmarks).

`build_synthetic(ctx, n)` makes sure organisations 1..n exist. Organisation i is always the same whatever
n and the run (its own seeded RNG), so the command is deterministic and idempotent, and growing N only adds.
They are spread over the gazetteer's localities (bigger places get more), flagged `is_synthetic`, named
"… (синтетические данные)" and published directly: rows of plain values written with PostgreSQL COPY
(bulk_create elsewhere), no revisions, no per-row signals, so 100 000 take minutes, not hours. Run
`search_index --rebuild` afterwards (load_demo does).
"""

import bisect
import datetime as dt
import itertools
import math
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map import gazetteer
from providers_map.demo_bulk import insert_rows
from providers_map.models import Location, Organisation, Service

SLUG_PREFIX = "synthetic-"
MARK = "(синтетические данные)"
BATCH = 2000
INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)

# The short name as people say it, and the legal name as the registry of legal entities has it (a legal form
# and the short name in quotes), like real entries; neither names the locality (a real name rarely does, and
# one that does is the place's own service: a signal search uses).
KINDS = [
    # (name pattern, legal form, ownership, sector, weight)
    ("Центр ранней помощи «{word}»", "Государственное бюджетное учреждение", "state", "social", 5),
    (
        "Комплексный центр социального обслуживания населения «{word}»",
        "Муниципальное бюджетное учреждение",
        "municipal",
        "social",
        4,
    ),
    ("Детская поликлиника № {number}", "Государственное бюджетное учреждение здравоохранения", "state", "health", 3),
    ("Реабилитационный центр для детей «{word}»", "Государственное казённое учреждение", "state", "social", 2),
    (
        "Детский сад комбинированного вида № {number} «{word}»",
        "Муниципальное бюджетное дошкольное образовательное учреждение",
        "municipal",
        "education",
        3,
    ),
    ("Психолого-педагогический центр «{word}»", "Муниципальное бюджетное учреждение", "municipal", "education", 2),
    ("Служба ранней помощи «{word}»", "Автономная некоммерческая организация", "nonprofit", "other", 2),
    ("Благотворительный фонд «{word}»", "", "nonprofit", "other", 1),
    ("Центр развития ребёнка «{word}»", "Общество с ограниченной ответственностью", "commercial", "education", 1),
]
WORDS = [
    "Росток", "Радуга", "Солнышко", "Истоки", "Надежда", "Шаг навстречу", "Ладушки", "Колокольчик", "Родничок",
    "Семья", "Вместе", "Теремок", "Доверие", "Светлячок", "Открытый мир", "Мозаика", "Ступеньки", "Кораблик",
    "Журавлик", "Лучик",
]  # fmt: skip
STREETS = ["ул. Ленина", "ул. Советская", "ул. Мира", "ул. Школьная", "ул. Садовая", "пр. Победы", "ул. Гагарина"]
HOURS = [
    {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
     "thu": [["09:00", "18:00"]], "fri": [["09:00", "17:00"]], "sat": [], "sun": []},
    {"mon": [["08:00", "20:00"]], "tue": [["08:00", "20:00"]], "wed": [["08:00", "20:00"]],
     "thu": [["08:00", "20:00"]], "fri": [["08:00", "20:00"]], "sat": [["10:00", "14:00"]], "sun": []},
    {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "tue": [["09:00", "13:00"], ["14:00", "18:00"]],
     "wed": [["09:00", "13:00"], ["14:00", "18:00"]], "thu": [["09:00", "13:00"], ["14:00", "18:00"]],
     "fri": [["09:00", "13:00"], ["14:00", "16:00"]], "sat": [], "sun": []},
]  # fmt: skip
# Descriptions as real entries write them: what the organisation is, what it does (from its own services), what
# it costs and how it reaches families, in words that vary, so no sentence is in every record (identical text in
# a registry skews every word's rarity, and so ranking). Each starts with the mark.
MARK_SENTENCE = "Синтетическая запись для проверки нагрузки: не настоящая организация."
OPENINGS = {
    "social": [
        "Отделение ранней помощи принимает семьи с детьми от рождения до трёх лет.",
        "Помогаем семьям, в которых растёт малыш с особенностями развития.",
        "Служба сопровождает семьи с детьми раннего возраста и их родителей.",
    ],
    "health": [
        "Врачи и специалисты наблюдают за развитием детей первых лет жизни.",
        "Кабинет ранней помощи при поликлинике: педиатр, невролог, психолог.",
        "Поликлиника ведёт детей с риском нарушений развития с первых месяцев.",
    ],
    "education": [
        "Педагоги, психолог и дефектолог занимаются с малышами и родителями.",
        "Группы кратковременного пребывания и индивидуальные занятия для детей до школы.",
        "Консультационный центр для родителей детей раннего возраста.",
    ],
    "other": [
        "Некоммерческая организация поддерживает семьи с детьми с инвалидностью.",
        "Родители и специалисты вместе помогают детям с особыми потребностями.",
        "Проекты поддержки семей с детьми с нарушениями развития.",
    ],
}
COST_SENTENCES = {
    "free": ["Услуги бесплатные.", "Для семей всё бесплатно.", "Помощь оказывается бесплатно."],
    "mixed": ["Основные услуги бесплатные, часть занятий платная.", "Есть бесплатные и платные услуги."],
    "paid": ["Услуги платные, стоимость на сайте.", "Занятия платные."],
}
HOME_SENTENCES = ["Специалисты приезжают на дом.", "Возможны занятия на дому."]
REMOTE_SENTENCES = ["Есть онлайн-консультации.", "Консультируем дистанционно."]
ACCESSIBILITY = [code for code, _ in Location.ACCESSIBILITY_FEATURES]
DELIVERY = [code for code, _ in Location.DELIVERY_MODES]


def synthetic_inn(region_code, i):
    body = f"{region_code}8{i:06d}"
    return body + str(sum(int(d) * w for d, w in zip(body, INN_WEIGHTS, strict=True)) % 11 % 10)


def synthetic_ogrn(region_code, i):
    body = f"126{region_code}{i:07d}"
    return body + str(int(body) % 11 % 10)


class Places:
    """Weighted choice of a locality: weight grows with the square root of the population."""

    def __init__(self):
        self.localities = [loc for loc in gazetteer.all_localities()]
        weights = [math.sqrt(max(loc["population"], 500)) for loc in self.localities]
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng):
        return self.localities[bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])]


def coordinate(value, rng):
    return Decimal(str(round(value + rng.uniform(-0.015, 0.015), 6))).quantize(Decimal("0.000001"))


class SyntheticBuilder:
    def __init__(self, seed):
        self.seed = seed
        self.places = Places()
        self.regions = dict(Region.objects.values_list("code", "pk"))
        self.service_names = dict(ServiceType.objects.values_list("pk", "name"))
        self.service_types = list(self.service_names)
        self.concerns = list(DevelopmentalConcern.objects.values_list("pk", flat=True))
        self.languages = list(Language.objects.values_list("pk", flat=True))
        self.kind_weights = list(itertools.accumulate(k[4] for k in KINDS))
        self.today = timezone.localdate()
        self.now = timezone.now()

    def organisation(self, i):
        """(organisation row, location rows, [(service row, concern ids, language ids)]) for number i."""
        rng = random.Random(f"synthetic-{self.seed}-{i}")
        place = self.places.pick(rng)
        pattern, legal_form, ownership, sector, _ = KINDS[
            bisect.bisect_left(self.kind_weights, rng.random() * self.kind_weights[-1])
        ]
        name = pattern.format(word=rng.choice(WORDS), number=rng.randint(1, 250))
        legal_name = f"{legal_form} «{name}»" if legal_form else name
        code = place["region_code"]
        organisation = {
            "name": f"{legal_name} {MARK}",
            "short_name": f"{name} {MARK}"[:200],
            "slug": f"{SLUG_PREFIX}{i:06d}",
            "ownership": ownership,
            "sector": sector,
            "inn": synthetic_inn(code, i),
            "ogrn": synthetic_ogrn(code, i),
            "import_key": synthetic_ogrn(code, i),
            "website": f"https://example.org/synthetic/{i}",
            "email": f"centre{i}@example.org",
            "phones": f"+7{rng.choice('3489')}{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}",
            "description": "",  # written from its services by `describe`
            "how_to_get_help": "Это синтетическая запись: обращаться по ней не нужно.",
            "referral_required": rng.choice(["no", "no", "yes", "depends"]),
            "documents": "Свидетельство о рождении ребёнка\nПаспорт родителя",
            "cost": rng.choice(["free", "free", "free", "mixed", "paid"]),
            "in_official_registry": rng.random() < 0.6,
            "verified_at": self.today - dt.timedelta(days=rng.randint(0, 720)),
            "data_source": "синтетические данные",
            "status": rng.choice(["active"] * 18 + ["temporarily_closed", "closed"]),
            "is_synthetic": True,
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": self.now,
            "last_published_at": self.now,
        }
        locations = []
        for order in range(rng.choice([1, 1, 1, 1, 2, 2, 3])):
            locations.append(
                {
                    "sort_order": order,
                    "name": "" if order == 0 else f"Филиал № {order}",
                    "address": f"{rng.choice(STREETS)}, д. {rng.randint(1, 120)}",
                    "region_id": self.regions[code],
                    "locality": place["name"],
                    "postcode": f"{rng.randint(100000, 699999)}",
                    "latitude": coordinate(place["lat"], rng),
                    "longitude": coordinate(place["lon"], rng),
                    "coordinates_source": Location.CoordinatesSource.IMPORT.value,
                    "coordinates_approximate": False,
                    "opening_hours": rng.choice(HOURS),
                    "accessibility": sorted(rng.sample(ACCESSIBILITY, rng.randint(0, 4))),
                    "delivery_modes": sorted(rng.sample(DELIVERY, rng.randint(1, 3))),
                }
            )
        services = []
        for order, type_pk in enumerate(rng.sample(self.service_types, rng.randint(2, 6))):
            age_max = rng.choice([36, 36, 36, 48, 84])
            services.append(
                (
                    {"sort_order": order, "service_type_id": type_pk, "age_min_months": 0, "age_max_months": age_max},
                    rng.sample(self.concerns, rng.choice([0, 1, 1, 2, 2, 3])),
                    rng.sample(self.languages, 1) if rng.random() < 0.1 else [],
                )
            )
        organisation["description"] = self.describe(i, sector, organisation["cost"], locations, services)
        return organisation, locations, services

    def describe(self, i, sector, cost, locations, services):
        """The description of organisation i (its own RNG, so the other fields stay as they were)."""
        rng = random.Random(f"synthetic-text-{self.seed}-{i}")
        offered = [self.service_names[service["service_type_id"]].lower() for service, _, _ in services]
        modes = {mode for location in locations for mode in location["delivery_modes"]}
        sentences = [MARK_SENTENCE, rng.choice(OPENINGS[sector])]
        sentences.append(rng.choice(["Что мы делаем: ", "Услуги: ", "Здесь есть: "]) + "; ".join(offered) + ".")
        sentences.append(rng.choice(COST_SENTENCES[cost]))
        if "home" in modes:
            sentences.append(rng.choice(HOME_SENTENCES))
        if "remote" in modes:
            sentences.append(rng.choice(REMOTE_SENTENCES))
        return " ".join(sentences)

    @transaction.atomic
    def create(self, numbers):
        built = [self.organisation(i) for i in numbers]
        insert_rows(Organisation, [organisation for organisation, _, _ in built], with_ids=True)
        all_locations, all_services = [], []
        for organisation, locations, services in built:
            for location in locations:
                location["organisation_id"] = organisation["id"]
                all_locations.append(location)
            for service, _, _ in services:
                service["organisation_id"] = organisation["id"]
                all_services.append(service)
        insert_rows(Location, all_locations)
        insert_rows(Service, all_services, with_ids=True)
        self._links("concerns", [(s, c) for _, _, services in built for s, concerns, _ in services for c in concerns])
        self._links("languages", [(s, lang) for _, _, services in built for s, _, langs in services for lang in langs])

    @staticmethod
    def _links(name, pairs):
        field = Service._meta.get_field(name)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [{f"{source}_id": service["id"], f"{target}_id": pk} for service, pk in pairs]
        insert_rows(field.remote_field.through, rows)


def existing_numbers():
    slugs = Organisation.objects.filter(is_synthetic=True, slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
    return {int(slug[len(SLUG_PREFIX) :]) for slug in slugs if slug[len(SLUG_PREFIX) :].isdigit()}


TEXT_FIELDS = ("name", "short_name", "description")


def refresh_texts(builder, numbers):
    """Rewrite the names and descriptions of existing organisations where this generator writes them otherwise
    (a set loaded by an older version catches up without being loaded again); returns how many changed."""
    changed = 0
    for start in range(0, len(numbers), BATCH):
        part = numbers[start : start + BATCH]
        wanted = {f"{SLUG_PREFIX}{i:06d}": builder.organisation(i)[0] for i in part}
        stale = [
            org
            for org in Organisation.objects.filter(slug__in=wanted).only("pk", "slug", *TEXT_FIELDS)
            if any(getattr(org, field) != wanted[org.slug][field] for field in TEXT_FIELDS)
        ]
        for org in stale:
            for field in TEXT_FIELDS:
                setattr(org, field, wanted[org.slug][field])
        Organisation.objects.bulk_update(stale, TEXT_FIELDS, batch_size=500)
        changed += len(stale)
    return changed


def build_synthetic(ctx, n):
    """Ensure synthetic organisations 1..n exist, written as this generator writes them; returns how many were
    added."""
    builder = SyntheticBuilder(getattr(ctx, "seed", 0))
    existing = sorted(existing_numbers() & set(range(1, n + 1)))
    sample = existing[:: max(1, len(existing) // 20)]
    if existing and refresh_texts(builder, sample):
        ctx.log(f"Synthetic providers: {refresh_texts(builder, existing)} rewritten as this version writes them.")
    missing = sorted(set(range(1, n + 1)) - set(existing))
    if not missing:
        ctx.log(f"Synthetic providers: all {n} already present.")
        return 0
    for start in range(0, len(missing), BATCH):
        builder.create(missing[start : start + BATCH])
        ctx.log(f"Synthetic providers: {min(start + BATCH, len(missing))} of {len(missing)} added.")
    return len(missing)
