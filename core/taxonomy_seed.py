"""Initial controlled vocabularies (slug, name[, extra]). Seeded by migration; editors may extend them."""

from core.regions import FEDERAL_SUBJECTS

TOPICS = [
    ("about-early-care", "Что такое ранняя помощь"),
    ("first-signs", "Первые признаки и развитие ребёнка"),
    ("getting-help", "Как получить помощь"),
    ("rights", "Права и льготы семьи"),
    ("home-activities", "Занятия дома и в быту"),
    ("family-support", "Поддержка семьи"),
    ("communication", "Общение и речь"),
    ("movement", "Движение и мобильность"),
    ("self-care", "Самообслуживание"),
    ("assessment-iprp", "Оценка и программа ранней помощи (ИПРП)"),
    ("organisation-of-services", "Организация услуг и межведомственное взаимодействие"),
    ("assistive-devices", "Технические средства реабилитации"),
]

# (slug, name, min_months, max_months)
AGE_GROUPS = [
    ("0-6m", "от рождения до 6 месяцев", 0, 6),
    ("6-12m", "от 6 месяцев до 1 года", 6, 12),
    ("1-2y", "от 1 года до 2 лет", 12, 24),
    ("2-3y", "от 2 до 3 лет", 24, 36),
    ("3-7y", "от 3 до 7 лет", 36, 84),
]

CONCERNS = [
    ("developmental-delay", "Задержка развития"),
    ("risk", "Риск нарушений развития"),
    ("prematurity", "Недоношенность"),
    ("autism", "Расстройства аутистического спектра (РАС)"),
    ("cerebral-palsy", "Детский церебральный паралич (ДЦП)"),
    ("down-syndrome", "Синдром Дауна"),
    ("genetic-syndromes", "Генетические синдромы"),
    ("hearing", "Нарушения слуха"),
    ("vision", "Нарушения зрения"),
    ("speech", "Нарушения речи"),
    ("motor", "Двигательные нарушения"),
    ("multiple", "Тяжёлые множественные нарушения"),
]

SERVICE_TYPES = [
    ("determining-need", "Определение нуждаемости в услугах ранней помощи"),
    ("functional-assessment", "Оценка функционирования ребёнка"),
    ("iprp", "Разработка индивидуальной программы ранней помощи (ИПРП)"),
    ("communication", "Содействие развитию общения и речи"),
    ("mobility", "Содействие развитию мобильности"),
    ("self-care", "Содействие развитию самообслуживания"),
    ("cognitive", "Содействие познавательному развитию"),
    ("socialisation", "Содействие социализации"),
    ("family-counselling", "Консультирование семьи"),
    ("psychological-support", "Психологическая поддержка семьи"),
    ("parent-groups", "Родительские группы и клубы"),
    ("assistive-devices", "Прокат технических средств реабилитации"),
    ("respite", "Кратковременное пребывание ребёнка (социальная передышка)"),
    ("remote", "Дистанционное консультирование"),
    ("home-visits", "Услуги на дому"),
]

# (slug, name, ISO code)
LANGUAGES = [
    ("russian", "Русский", "ru"),
    ("russian-sign", "Русский жестовый язык", "rsl"),
    ("tatar", "Татарский", "tt"),
    ("bashkir", "Башкирский", "ba"),
    ("english", "Английский", "en"),
]


def seed_taxonomies(get_model):
    """Create or update the seeded terms; `get_model(name)` comes from a migration's `apps` or the registry.

    Only missing or changed terms are written: each write also updates the site's search index, and tests and
    `load_demo` call this on vocabularies that are almost always complete already.
    """
    _upsert(
        get_model("Region"),
        "code",
        {code: {"name": name, "federal_district": district} for code, name, district in FEDERAL_SUBJECTS},
    )

    def terms(model_name, rows, extra=lambda row: {}):
        values = {row[0]: {"name": row[1], "sort_order": order, **extra(row)} for order, row in enumerate(rows, 1)}
        _upsert(get_model(model_name), "slug", values)

    terms("Topic", TOPICS)
    terms("AgeGroup", AGE_GROUPS, lambda r: {"min_months": r[2], "max_months": r[3]})
    terms("DevelopmentalConcern", CONCERNS)
    terms("ServiceType", SERVICE_TYPES)
    terms("Language", LANGUAGES, lambda r: {"code": r[2]})


def _upsert(model, key, rows):
    """Make `model`'s row for each key hold these values: one read, then a write only where something differs."""
    existing = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": list(rows)})}
    for value, fields in rows.items():
        obj = existing.get(value)
        if obj is None:
            model.objects.create(**{key: value}, **fields)
            continue
        changed = [name for name, wanted in fields.items() if getattr(obj, name) != wanted]
        if changed:
            for name in changed:
                setattr(obj, name, fields[name])
            obj.save(update_fields=changed)
