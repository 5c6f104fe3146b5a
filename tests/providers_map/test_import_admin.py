"""The admin import: upload → dry-run preview → apply, for registry operators only."""

from django.contrib.auth.models import Group

import pytest

from providers_map.models import Organisation
from tests.providers_map.import_helpers import FIXTURES

pytestmark = pytest.mark.django_db

CP1251 = FIXTURES / "registry_cp1251_semicolon.csv"


@pytest.fixture
def operator(client, django_user_model):
    user = django_user_model.objects.create_user("operator", password="x")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(user)
    return user


def upload(client, path):
    with open(path, "rb") as handle:
        return client.post("/admin/providers-import/", {"file": handle})


def test_menu_item_and_templates_for_operators(client, operator):
    response = client.get("/admin/")
    assert "/admin/providers-import/" in response.content.decode()  # the sidebar menu item
    page = client.get("/admin/providers-import/").content.decode()
    assert "Полное наименование" in page and "template.xlsx" in page
    template = client.get("/admin/providers-import/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    assert client.get("/admin/providers-import/template.csv").content.startswith(b"\xef\xbb\xbf")


def test_preview_then_apply(client, operator):
    response = upload(client, CP1251)
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Это только проверка" in html
    assert "будет создана" in html and "Областной центр ранней помощи" in html
    assert "иппотерапия" in html and "Повтор: в строке 2" in html
    assert Organisation.objects.count() == 0  # the preview writes nothing

    report = client.get(preview_url + "report.csv")
    assert report.content.startswith(b"\xef\xbb\xbf") and "иппотерапия" in report.content.decode("utf-8-sig")

    applied = client.post(preview_url + "apply/")
    assert applied.status_code == 200
    assert "Импорт завершён" in applied.content.decode()
    assert Organisation.objects.filter(live=True).count() == 3
    revision = Organisation.objects.get(ogrn="1025400000010").latest_revision
    assert revision.user == operator
    # the stored file is gone: a second apply cannot import twice
    assert client.post(preview_url + "apply/").status_code == 404
    assert Organisation.objects.count() == 3


def test_unusable_file_is_explained(client, operator):
    response = client.get(upload(client, FIXTURES / "broken_header.csv")["Location"])
    html = response.content.decode()
    assert "Файл нельзя импортировать" in html and "не заголовок шаблона" in html
    assert "apply/" not in html


def test_wrong_file_type_is_a_form_error(client, operator, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff")
    response = upload(client, path)
    assert response.status_code == 200
    assert "Выберите файл CSV или XLSX." in response.content.decode()


def test_token_of_another_session_is_refused(client, operator, django_user_model):
    preview_url = upload(client, CP1251)["Location"]
    other = django_user_model.objects.create_user("other-operator")
    other.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(other)
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url + "apply/").status_code == 404
    assert Organisation.objects.count() == 0


def test_users_without_registry_rights_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/providers-import/").status_code in (302, 403)
    assert "/admin/providers-import/" not in client.get("/admin/").content.decode()


def test_database_failure_during_apply_changes_nothing_and_keeps_the_file(client, operator, monkeypatch):
    from django.db import OperationalError

    from providers_map.importing import upsert

    preview_url = upload(client, CP1251)["Location"]
    original = upsert.Writer.write_batch
    calls = []

    def failing_write(self, plans):
        calls.append(plans)
        if len(calls) == 2:
            raise OperationalError("connection lost")
        return original(self, plans)

    monkeypatch.setattr(upsert, "BATCH", 1)
    monkeypatch.setattr(upsert.Writer, "write_batch", failing_write)
    response = client.post(preview_url + "apply/", follow=True)
    assert "ничего не изменено" in response.content.decode()
    assert Organisation.objects.count() == 0
    monkeypatch.setattr(upsert.Writer, "write_batch", original)
    client.post(preview_url + "apply/")
    assert Organisation.objects.count() == 3
