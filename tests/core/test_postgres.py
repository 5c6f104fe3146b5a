from django.db import connection

import pytest

from core.models import Region, ServiceType

pytestmark = pytest.mark.usefixtures("require_postgres")


def test_suite_runs_on_real_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_setting('server_encoding')")
        version, encoding = cursor.fetchone()
    print(f"\nPostgreSQL under test: {version}")
    assert version.startswith("PostgreSQL ")
    assert encoding == "UTF8"


def test_seeded_taxonomies_query_on_postgresql():
    # All 89 federal subjects exist and Cyrillic lookups work case-insensitively in PostgreSQL.
    assert Region.objects.count() == 89
    assert Region.objects.get(name__icontains="новосибирская").code == "54"
    assert ServiceType.objects.filter(slug="iprp").exists()
