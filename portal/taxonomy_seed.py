"""Initial controlled vocabularies (slug, name[, extra]). Seeded by migration; editors may extend them."""

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
    """Create or update the seeded terms; `get_model(name)` comes from a migration's `apps` or the registry."""
    from portal.regions import FEDERAL_SUBJECTS

    for code, name, district in FEDERAL_SUBJECTS:
        get_model("Region").objects.update_or_create(code=code, defaults={"name": name, "federal_district": district})

    def terms(model_name, rows, extra=lambda row: {}):
        model = get_model(model_name)
        for order, row in enumerate(rows, start=1):
            model.objects.update_or_create(slug=row[0], defaults={"name": row[1], "sort_order": order, **extra(row)})

    terms("Topic", TOPICS)
    terms("AgeGroup", AGE_GROUPS, lambda r: {"min_months": r[2], "max_months": r[3]})
    terms("DevelopmentalConcern", CONCERNS)
    terms("ServiceType", SERVICE_TYPES)
    terms("Language", LANGUAGES, lambda r: {"code": r[2]})
