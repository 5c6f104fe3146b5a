"""A generated registry file like an operator's: N rows of the template layout, about 5 % of them bad.

Used by `bench/bench_import.py` and the browser test of the admin import. Windows-1251, ";"-separated, one
row per address (1–3 per organisation), services shared per row as operators fill the template.
"""

import csv
import io
import random

from core.models import ServiceType
from core.regions import FEDERAL_SUBJECTS
from providers_map import gazetteer
from providers_map.demo_synthetic import synthetic_inn, synthetic_ogrn
from providers_map.exchange.importing.columns import HEADERS

DEFECTS = ["inn", "coordinates", "service", "phone", "description", "date", "duplicate", "hours", "region"]


def generate(rows, seed=7, bad_share=0.05):
    rng = random.Random(seed)
    region_names = {code: name for code, name, _ in FEDERAL_SUBJECTS}
    localities = gazetteer.all_localities()
    services = list(ServiceType.objects.values_list("name", flat=True))
    good, i = [], 0
    bad_total = round(rows * bad_share)
    while len(good) < rows - bad_total:
        i += 1
        place = rng.choice(localities)
        code = place["region_code"]
        organisation = {
            "Полное наименование": f"Центр ранней помощи № {i}",
            "ИНН": synthetic_inn(code, i),
            "ОГРН": synthetic_ogrn(code, i),
            "Форма собственности": rng.choice(["государственная", "муниципальная", "некоммерческая"]),
            "Ведомство": rng.choice(["социальная защита", "здравоохранение", "образование"]),
            "Телефоны": f"+7 383 {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            "Описание": "Помогаем семьям с детьми до трёх лет.",
            "Как получить помощь": "Позвоните и запишитесь.",
            "Дата проверки": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2025",
            "Услуги": "; ".join(rng.sample(services, 3)),
        }
        for n in range(rng.choice([1, 1, 2, 3])):
            row = dict(organisation)
            row.update(
                {
                    "Регион": region_names[code],
                    "Населённый пункт": place["name"],
                    "Адрес": f"ул. Ленина, д. {n + 1}",
                    "Часы работы": "Пн-Пт 09:00-18:00",
                }
            )
            if rng.random() < 0.5:
                row["Широта"] = f"{place['lat'] + 0.001 * n:.6f}"
                row["Долгота"] = f"{place['lon']:.6f}"
            good.append(row)
    good = good[: rows - bad_total]
    bad = []
    for k in range(bad_total):
        row = dict(rng.choice(good))
        defect = DEFECTS[k % len(DEFECTS)]
        if defect == "duplicate":
            bad.append(row)  # an exact copy of a good row
            continue
        row["ИНН"] = row["ОГРН"] = ""
        row["ИНН"] = synthetic_inn("77", 900000 + k)  # its own organisation, so it conflicts with nobody
        row["Полное наименование"] = f"Ошибочная строка {k}"
        if defect == "inn":
            row["ИНН"] = row["ИНН"][:-1] + str((int(row["ИНН"][-1]) + 1) % 10)
        elif defect == "coordinates":
            row["Широта"], row["Долгота"] = "10.0", "10.0"
        elif defect == "service":
            row["Услуги"] = "иппотерапия"
        elif defect == "phone":
            row["Телефоны"] = "12-34"
        elif defect == "description":
            row["Описание"] = ""
        elif defect == "date":
            row["Дата проверки"] = "31.02.2025"
        elif defect == "hours":
            row["Часы работы"] = "по будням"
        elif defect == "region":
            row["Регион"] = "Атлантида"
        bad.append(row)
    all_rows = good + bad
    rng.shuffle(all_rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([row.get(h, "") for h in HEADERS] for row in all_rows)
    return buffer.getvalue().encode("cp1251")
