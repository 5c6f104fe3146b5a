"""Import benchmark: a generated 10 000-row CSV with about 5% bad rows, imported twice.

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_import.py [--rows 10000] [--keep-file PATH]

Runs in its own fresh database (`bench_<name>`, created, migrated and dropped again), so it never touches
the registry behind DATABASE_URL. Prints rows accepted, rows rejected, rows changed by the second run
(must be 0) and the time of each run.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # as in production: no query log

from django.db import connection  # noqa: E402

from portal.models import ServiceType  # noqa: E402
from portal.regions import FEDERAL_SUBJECTS  # noqa: E402
from providers_map import gazetteer  # noqa: E402
from providers_map.demo_synthetic import synthetic_inn, synthetic_ogrn  # noqa: E402
from providers_map.importing import run_import  # noqa: E402
from providers_map.importing.columns import HEADERS  # noqa: E402

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


def timed_import(data):
    start = time.perf_counter()
    result = run_import(data, "bench.csv")
    return result, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep-file", help="Also save the generated CSV here.")
    args = parser.parse_args()

    settings_db = connection.settings_dict
    settings_db.setdefault("TEST", {})["NAME"] = f"bench_{settings_db['NAME']}".replace("/", "_")[:60]
    print(f"database: {connection.vendor}, fresh benchmark database {settings_db['TEST']['NAME']}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        data = generate(args.rows)
        if args.keep_file:
            Path(args.keep_file).write_bytes(data)
        first, first_seconds = timed_import(data)
        second, second_seconds = timed_import(data)
        from providers_map.models import Location, Organisation

        print(f"rows in file:               {first.rows_total} (Windows-1251, ';')")
        print(f"rows accepted:              {first.rows_accepted}")
        print(f"rows rejected:              {first.rows_rejected}")
        print(f"warnings:                   {len(first.warnings)}")
        print(f"organisations created:      {first.created} ({Organisation.objects.count()} in the registry, "
              f"{Location.objects.count()} locations)")  # fmt: skip
        print(f"first run:                  {first_seconds:.1f} s ({first.rows_total / first_seconds:.0f} rows/s)")
        print(f"rows changed by second run: {second.rows_changed} (created {second.created}, updated {second.updated})")
        print(f"second run:                 {second_seconds:.1f} s ({second.rows_total / second_seconds:.0f} rows/s)")
        ok = second.rows_changed == 0 and first.rows_rejected == second.rows_rejected
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
