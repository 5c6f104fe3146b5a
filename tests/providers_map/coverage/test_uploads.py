"""An uploaded table of children per locality: bad rows reported with row and reason, good rows kept, nothing else
changed; an unusable file changes nothing; the next recompute uses the numbers."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from providers_map.coverage import compute, tasks
from providers_map.coverage.models import ChildCount, LocalityCoverage
from providers_map.models import Organisation

from .builders import small_registry

pytestmark = pytest.mark.django_db

TABLE = """Код региона;Населённый пункт;Дети 0–3
54;Бердск;2500
54;Нигдеград;10
xx;Искитим;5
54;г. Искитим;много
Новосибирская область;городской округ Обь;900
54;Бердск;100
54;Татарск;99999999

77;Москва;-3
"""


@pytest.fixture
def operator(client):
    user = get_user_model().objects.create_user("coordinator", "c@example.org", "pass-word-1")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(user)
    return user


def upload(client, text, name="children.csv"):
    handle = io.BytesIO(text.encode("utf-8"))
    handle.name = name
    return client.post("/admin/coverage/children/", {"file": handle})


def test_bad_rows_are_reported_good_rows_kept_nothing_else_changed(
    client, operator, django_capture_on_commit_callbacks
):
    small_registry()
    compute.recompute()
    ChildCount.objects.create(region_code="77", locality="Зеленоград", children=5000, source="earlier.xlsx")
    localities_before = list(LocalityCoverage.objects.order_by("pk").values_list("name", "children"))
    registry_before = list(Organisation.objects.order_by("pk").values_list("pk", "live", "updated_at"))

    response = upload(client, TABLE)
    assert response.status_code == 200
    page = response.content.decode()
    problems = page.split("data-children-problems", 1)[1].split("</table>", 1)[0]
    rows = [
        ("3", "Нигдеград", "Такого населённого пункта нет в справочнике"),
        ("4", "xx", "Неизвестный регион"),
        ("5", "много", "целым числом"),
        ("7", "Бердск", "уже есть в строке 2"),
        ("8", "99999999", "больше детей, чем жителей"),
        ("10", "-3", "целым числом"),
    ]
    for row, value, reason in rows:
        assert f"<td>{row}</td><td>{value}</td><td>" in problems, row
        assert reason.lower() in problems.lower(), reason
    assert problems.count("<tr>") == len(rows) + 1  # and the blank row 9 is no problem

    kept = dict(((c.region_code, c.locality), c.children) for c in ChildCount.objects.all())
    assert kept == {("54", "Бердск"): 2500, ("54", "Обь"): 900, ("77", "Зеленоград"): 5000}
    assert list(LocalityCoverage.objects.order_by("pk").values_list("name", "children")) == localities_before
    assert list(Organisation.objects.order_by("pk").values_list("pk", "live", "updated_at")) == registry_before

    compute.recompute()  # what the background task does next
    berdsk = LocalityCoverage.objects.get(name="Бердск")
    assert berdsk.children == 2500 and berdsk.children_from_table


def test_an_unusable_file_changes_nothing(client, operator):
    ChildCount.objects.create(region_code="54", locality="Бердск", children=10)
    for text, name in (("Город;Число\nБердск;5\n", "no-columns.csv"), ("%PDF-1.4 binary", "report.pdf")):
        response = upload(client, text, name)
        assert response.status_code == 400
        assert "nothing was changed" in response.content.decode() or "ничего не изменено" in response.content.decode()
    assert list(ChildCount.objects.values_list("children", flat=True)) == [10]
    assert tasks.waiting() is None


def test_only_registry_operators_may_upload(client, db):
    user = get_user_model().objects.create_user("visitor", "v@example.org", "pass-word-1")
    client.force_login(user)
    assert upload(client, TABLE).status_code in (302, 403)
    assert not ChildCount.objects.exists()
