# ruff: noqa: E501  (data: full official names and texts read better unbroken)
"""Demo registry data: early-care providers of Novosibirsk region.

The organisations are those the regional report on the 2020–2021 complex of measures names (state family
centres, municipal integrated social-service centres, non-profits and a foundation), plus district КЦСОН
of the kind the report credits with mobile teams. Names follow the report; addresses, phones, identifiers
and texts are illustrative demo data (phones in the unused +7 383 000-… range, sites on example.org).

Location tuple: (branch name, locality, address, postcode, lat, lon, hours, accessibility, delivery modes).
Service tuple: (service type slug, from months, to months, concern slugs, language slugs).
"""

WEEKDAYS = "Пн-Пт 09:00-18:00"
WEEKDAYS_SAT = "Пн-Пт 08:30-17:30; Сб 10:00-14:00"
EARLY_CARE = [
    ("determining-need", 0, 36, [], []),
    ("functional-assessment", 0, 36, [], []),
    ("iprp", 0, 36, [], []),
]

# State centres (n 1–5) and non-profits (n 11–13); municipal centres are in demo_novosibirsk_municipal.
STATE_AND_NONPROFIT = [
    {
        "n": 1,
        "name": "Государственное автономное учреждение Новосибирской области «Центр социальной помощи семье и детям «Семья»",
        "short": "Центр «Семья»",
        "ownership": "state",
        "sector": "social",
        "description": (
            "Областной центр помощи семьям с детьми. Служба ранней помощи работает с малышами до трёх лет "
            "и их родителями, а служба реабилитации на дому приезжает к детям, которым трудно выходить из дома."
        ),
        "how": (
            "Позвоните в службу ранней помощи и запишитесь на первичный приём. На первой встрече специалист "
            "поговорит с вами и понаблюдает за ребёнком в игре, а потом вы вместе решите, что делать дальше."
        ),
        "referral": "no",
        "documents": "Свидетельство о рождении ребёнка\nПаспорт родителя\nСНИЛС ребёнка",
        "cost": "free",
        "verified_days": 40,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Станиславского, д. 12",
                "630054",
                55.0051,
                82.8806,
                WEEKDAYS_SAT,
                ["step_free", "accessible_toilet", "parking"],
                ["centre", "home", "remote"],
            ),
        ],
        "services": EARLY_CARE
        + [
            ("communication", 0, 36, ["speech", "autism"], []),
            ("home-visits", 0, 36, ["cerebral-palsy", "multiple"], []),
            ("family-counselling", 0, 36, [], []),
        ],
    },
    {
        "n": 2,
        "name": "Государственное автономное учреждение Новосибирской области «Областной центр социальной помощи семье и детям «Морской залив»",
        "short": "Центр «Морской залив»",
        "ownership": "state",
        "sector": "social",
        "description": (
            "Центр проводит реабилитационные семейные интенсивы: семья несколько дней занимается вместе "
            "со специалистами и учится продолжать занятия дома."
        ),
        "how": "Оставьте заявку по телефону. Специалист перезвонит, расскажет о ближайших заездах и поможет выбрать программу.",
        "referral": "depends",
        "documents": "Свидетельство о рождении ребёнка\nСправка об инвалидности или заключение ПМПК (если есть)",
        "cost": "mixed",
        "cost_note": "Семейный интенсив по программе центра бесплатный, дополнительные занятия — платные.",
        "verified_days": 120,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Русская, д. 41",
                "630058",
                54.8663,
                83.0905,
                WEEKDAYS,
                ["step_free", "lift", "accessible_toilet"],
                ["centre"],
            ),
        ],
        "services": [
            ("functional-assessment", 0, 36, [], []),
            ("mobility", 6, 36, ["cerebral-palsy", "motor"], []),
            ("self-care", 12, 36, [], []),
            ("respite", 12, 84, [], []),
        ],
    },
    {
        "n": 3,
        "name": "Государственное автономное учреждение Новосибирской области «Областной центр социальной помощи семье и детям «Радуга»",
        "short": "Центр «Радуга»",
        "ownership": "state",
        "sector": "social",
        "description": (
            "Центр помогает семьям, которые воспитывают детей с особенностями развития: занятия с ребёнком, "
            "консультации психолога и группы для родителей."
        ),
        "how": "Позвоните или напишите на почту. Вас пригласят на знакомство и оценку потребностей семьи.",
        "referral": "no",
        "documents": "Свидетельство о рождении ребёнка\nПаспорт родителя",
        "cost": "free",
        "verified_days": 400,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Танковая, д. 25",
                "630075",
                55.0799,
                82.9403,
                WEEKDAYS,
                ["step_free", "lift"],
                ["centre", "remote"],
            ),
        ],
        "services": EARLY_CARE
        + [
            ("cognitive", 6, 36, ["developmental-delay", "down-syndrome"], []),
            ("psychological-support", 0, 36, [], []),
            ("parent-groups", 0, 36, [], []),
        ],
    },
    {
        "n": 4,
        "name": "Государственное бюджетное учреждение Новосибирской области «Центр помощи детям, оставшимся без попечения родителей «Рассвет»",
        "short": "Центр «Рассвет»",
        "ownership": "state",
        "sector": "social",
        "description": (
            "Региональный ресурсный центр по технологиям помощи детям с инвалидностью в семье. Здесь работает "
            "пункт проката реабилитационного оборудования и служба поддерживающей помощи семьям."
        ),
        "how": "Позвоните в пункт проката: специалист подберёт оборудование, объяснит, как им пользоваться, и оформит договор.",
        "referral": "no",
        "documents": "Паспорт родителя\nСвидетельство о рождении ребёнка\nИПРА ребёнка (если есть)",
        "cost": "free",
        "verified_days": 75,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Зорге, д. 277",
                "630108",
                54.9612,
                82.8897,
                WEEKDAYS,
                ["step_free", "lift", "accessible_toilet", "parking"],
                ["centre", "home"],
            ),
        ],
        "services": [
            ("assistive-devices", 0, 216, [], []),
            ("family-counselling", 0, 216, [], []),
            ("respite", 24, 216, ["multiple"], []),
        ],
    },
    {
        "n": 5,
        "name": "Государственное бюджетное учреждение здравоохранения Новосибирской области «Новосибирский областной детский клинический психоневрологический диспансер»",
        "short": "Детский психоневрологический диспансер",
        "ownership": "state",
        "sector": "health",
        "description": (
            "Медицинская помощь детям с нарушениями развития нервной системы: приём невролога, психиатра, "
            "логопеда и психолога, программы комплексной помощи ребёнку и консультации для родителей."
        ),
        "how": "Запишитесь на приём через регистратуру или портал госуслуг. Для первичного приёма нужно направление от педиатра.",
        "referral": "yes",
        "documents": "Направление от педиатра\nПолис ОМС ребёнка\nСвидетельство о рождении ребёнка\nПаспорт родителя",
        "cost": "free",
        "cost_note": "Бесплатно по полису ОМС.",
        "verified_days": 20,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Ленинградская, д. 55",
                "630047",
                55.0568,
                82.9297,
                "Пн-Пт 08:00-19:00; Сб 09:00-13:00",
                ["step_free", "lift", "accessible_toilet", "tactile"],
                ["centre", "remote"],
            ),
        ],
        "services": [
            ("functional-assessment", 0, 216, ["autism", "developmental-delay", "genetic-syndromes"], []),
            ("family-counselling", 0, 216, [], []),
            ("remote", 0, 216, [], []),
        ],
    },
    {
        "n": 11,
        "name": "Благотворительный фонд поддержки семьи, материнства и детства «Солнце в ладошках»",
        "short": "Фонд «Солнце в ладошках»",
        "ownership": "nonprofit",
        "sector": "other",
        "description": (
            "Благотворительный фонд помогает семьям с детьми с особенностями развития: семейные "
            "реабилитационные интенсивы, консультации и поддержка родителей."
        ),
        "how": "Напишите или позвоните в фонд. Координатор расскажет о программах и поможет заполнить заявку.",
        "referral": "no",
        "documents": "Заявка от родителя\nДокументы о состоянии здоровья ребёнка (по желанию семьи)",
        "cost": "free",
        "verified_days": 60,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Кирова, д. 48",
                "630102",
                55.0228,
                82.9454,
                "Пн-Пт 10:00-19:00",
                ["step_free"],
                ["centre", "remote"],
            ),
        ],
        "services": [
            ("family-counselling", 0, 84, [], []),
            ("psychological-support", 0, 84, [], []),
            ("remote", 0, 84, [], []),
        ],
    },
    {
        "n": 12,
        "name": "Новосибирская организация инвалидов «Ассоциация «ИНТЕГРАЦИЯ» Общероссийской общественной организации инвалидов — Российского союза инвалидов",
        "short": "Ассоциация «ИНТЕГРАЦИЯ»",
        "ownership": "nonprofit",
        "sector": "other",
        "description": (
            "Общественная организация родителей и специалистов. Проводит семейные интенсивы, клубы для "
            "родителей и консультации, в том числе на русском жестовом языке."
        ),
        "how": "Позвоните в ассоциацию или приходите на встречу родительского клуба — расписание скажут по телефону.",
        "referral": "no",
        "documents": "",
        "cost": "free",
        "verified_days": 210,
        "locations": [
            (
                "",
                "Новосибирск",
                "ул. Немировича-Данченко, д. 14",
                "630087",
                54.9872,
                82.8744,
                "Пн-Пт 10:00-18:00",
                ["step_free", "sign_language"],
                ["centre", "remote"],
            ),
        ],
        "services": [
            ("parent-groups", 0, 216, [], ["russian-sign"]),
            ("family-counselling", 0, 216, ["hearing"], ["russian-sign"]),
            ("socialisation", 24, 216, [], []),
        ],
    },
    {
        "n": 13,
        "name": "Ассоциация по разработке и реализации социальных и культурных проектов «Агентство культурно-социальной работы»",
        "short": "Агентство культурно-социальной работы",
        "ownership": "nonprofit",
        "sector": "other",
        "description": "Некоммерческая организация: занятия для детей с особенностями здоровья и консультации для семей.",
        "how": "Позвоните координатору. Первое занятие — знакомство ребёнка с группой в присутствии родителя.",
        "referral": "no",
        "documents": "",
        "cost": "mixed",
        "cost_note": "Занятия по грантовым программам бесплатные, остальные — платные.",
        "verified_days": 500,
        "locations": [
            ("", "Новосибирск", "ул. Гоголя, д. 15", "630005", 55.0412, 82.9287, "Пн-Сб 10:00-19:00", [], ["centre"]),
        ],
        "services": [
            ("socialisation", 24, 216, [], []),
            ("parent-groups", 0, 216, [], []),
        ],
    },
]


# Reports waiting in the operators' queue: (organisation n, topic, message, status).
ERROR_REPORTS = [
    (10, "outdated", "Телефон центра не отвечает уже неделю, возможно, номер сменился.", "new"),
    (13, "wrong_address", "Занятия теперь проходят в другом здании, на улице Гоголя их больше нет.", "new"),
    (3, "other", "На сайте центра указаны другие часы работы в субботу.", "in_progress"),
]
