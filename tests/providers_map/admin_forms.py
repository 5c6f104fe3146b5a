"""Build the POST data of the organisation editor (tabs, location and service inline panels)."""

from core.models import DevelopmentalConcern, Region, ServiceType


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        data[f"{prefix}-{i}-DELETE"] = ""
        data[f"{prefix}-{i}-id"] = ""
    return data


def organisation_post(**overrides):
    region = Region.objects.get(code="54")
    data = {
        "name": "Государственное автономное учреждение «Центр ранней помощи Берёзка»",
        "short_name": "Центр «Берёзка»",
        "slug": "",
        "ownership": "state",
        "sector": "social",
        "inn": "5406011186",
        "ogrn": "",
        "status": "active",
        "in_official_registry": "on",
        "description": "Помогаем семьям с малышами до трёх лет.",
        "how_to_get_help": "Позвоните и запишитесь на первую встречу.",
        "referral_required": "no",
        "documents": "Свидетельство о рождении ребёнка",
        "cost": "free",
        "cost_note": "",
        "phones": "8 (383) 222-33-44",
        "email": "info@berezka.example.org",
        "website": "https://berezka.example.org/",
        "verified_at": "2026-10-01",
        "data_source": "оператор реестра",
        **formset(
            "locations",
            [
                {
                    "name": "",
                    "region": str(region.pk),
                    "locality": "Бердск",
                    "address": "ул. Ленина, д. 10",
                    "postcode": "633010",
                    "latitude": "54.758000",
                    "longitude": "83.107000",
                    "coordinates_source": "editor",
                    "opening_hours": "Пн-Пт 09:00-18:00",
                    "accessibility": "step_free",
                    "delivery_modes": "centre",
                }
            ],
        ),
        **formset(
            "services",
            [
                {
                    "service_type": str(ServiceType.objects.get(slug="iprp").pk),
                    "description": "",
                    "age_min_months": "0",
                    "age_max_months": "36",
                    "concerns": str(DevelopmentalConcern.objects.get(slug="autism").pk),
                }
            ],
        ),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def organisation_edit_post(org, **overrides):
    """The editor's POST for an existing entry: the first location and service keep their ids."""
    data = organisation_post(inn=org.inn, slug=org.slug, **overrides)
    for prefix, children in (("locations", org.locations.all()), ("services", org.services.all())):
        first = children.first()
        if first is not None:
            data[f"{prefix}-INITIAL_FORMS"] = "1"
            data[f"{prefix}-0-id"] = str(first.pk)
    return data
