"""The admin import: upload → background check → preview → confirm → background import → report.

The background worker is django-tasks' database worker; `run_import_tasks()` runs what it would run.
"""

from django.contrib.auth.models import Group
from django.core import mail

import pytest

from providers_map.exchange.importing import jobs
from providers_map.exchange.models import ImportJob
from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import FIXTURES, base_row, run_import_tasks, write_csv
from tests.providers_map.factories import LocationFactory, OrganisationFactory, valid_inn

pytestmark = pytest.mark.django_db

CP1251 = FIXTURES / "registry_cp1251_semicolon.csv"


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.PROVIDER_IMPORT_DIR = tmp_path / "imports"
    return settings.PROVIDER_IMPORT_DIR


def upload(client, path, name=None):
    with open(path, "rb") as handle:
        data = {"file": handle}
        if name:
            from django.core.files.uploadedfile import SimpleUploadedFile

            data = {"file": SimpleUploadedFile(name, path.read_bytes())}
        return client.post("/admin/providers-import/", data)


def test_menu_item_and_templates_for_operators(client, operator):
    response = client.get("/admin/")
    assert "/admin/providers-import/" in response.content.decode()  # the sidebar menu item
    page = client.get("/admin/providers-import/").content.decode()
    assert "Полное наименование" in page and "template.xlsx" in page and "Вид строки" in page
    template = client.get("/admin/providers-import/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    assert client.get("/admin/providers-import/template.csv").content.startswith(b"\xef\xbb\xbf")


def test_check_runs_in_the_background_then_preview_then_import(client, operator):
    response = upload(client, CP1251)
    assert response.status_code == 302
    job_url = response["Location"]
    waiting = client.get(job_url).content.decode()
    assert "Проверка файла" in waiting and 'id="import-progress"' in waiting
    assert client.get(job_url + "status.json").json()["running"] is True

    assert run_import_tasks() == 1
    assert client.get(job_url + "status.json").json() == {"status": "checked", "running": False, "label": ANY_LABEL}
    preview = client.get(job_url).content.decode()
    assert "Это только проверка" in preview
    assert "Новые организации (3)" in preview and "Областной центр ранней помощи" in preview
    assert "иппотерапия" in preview and "Повтор: в строке 2" in preview
    assert Organisation.objects.count() == 0  # the check writes nothing

    report = client.get(job_url + "report.csv")
    assert report.content.startswith(b"\xef\xbb\xbf") and "иппотерапия" in report.content.decode("utf-8-sig")

    assert client.post(job_url + "apply/").status_code == 302
    assert "Импорт файла" in client.get(job_url).content.decode()
    assert run_import_tasks() == 2  # the import, then the site's search for what it wrote
    done = client.get(job_url).content.decode()
    assert "Импорт завершён" in done and "Созданные организации (3)" in done
    assert Organisation.objects.filter(live=True).count() == 3
    assert Organisation.objects.get(ogrn="1025400000010").latest_revision.user == operator
    # the uploaded file is gone, and a second confirmation cannot import twice
    job = ImportJob.objects.get()
    assert not jobs.upload_path(job).exists()
    client.post(job_url + "apply/")
    assert run_import_tasks() == 0 and Organisation.objects.count() == 3
    # the uploader is told: an e-mail with the counts and the link, and the dashboard panel
    assert len(mail.outbox) == 1 and "создано 3" in mail.outbox[0].body and str(job.pk) in mail.outbox[0].body
    assert "Ваши импорты реестра" in client.get("/admin/").content.decode()


class _AnyLabel:
    def __eq__(self, other):
        return isinstance(other, str) and bool(other)


ANY_LABEL = _AnyLabel()


def test_the_preview_lists_field_changes_per_organisation(client, operator, tmp_path):
    organisation = OrganisationFactory(inn=valid_inn(900), name="АНО «Тестовый центр»", phones="+73832223344")
    LocationFactory(organisation=organisation, address="ул. Ленина, 1", locality="Новосибирск")
    path = write_csv(tmp_path, [base_row(**{"Телефоны": "+7 383 999-00-00", "Часы работы": "Пн-Пт 10:00-17:00"})])
    job_url = upload(client, path)["Location"]
    run_import_tasks()
    html = client.get(job_url).content.decode()
    assert "Организации, которые изменятся (1)" in html
    assert "+73832223344" in html and "+73839990000" in html  # Телефоны: old → new
    assert "Пн-Пт 09:00-18:00 → Пн-Пт 10:00-17:00" in html  # the address's hours


def test_an_unchanged_export_previews_as_nothing_to_import(client, operator, tmp_path):
    organisation = OrganisationFactory(inn=valid_inn(901))
    LocationFactory(organisation=organisation)
    from providers_map.exchange.exporting import export_csv

    path = tmp_path / "registry.csv"
    path.write_bytes(export_csv())
    job_url = upload(client, path)["Location"]
    run_import_tasks()
    html = client.get(job_url).content.decode()
    assert "Нечего импортировать" in html and "apply/" not in html
    assert ImportJob.objects.get().check_result["created"] + ImportJob.objects.get().check_result["updated"] == 0


def test_unusable_file_is_explained_and_deleted(client, operator, tmp_path):
    program = tmp_path / "registry.csv"
    program.write_bytes(b"MZ\x90\x00\x03" + bytes(range(256)) * 40)
    job_url = upload(client, program)["Location"]
    run_import_tasks()
    html = client.get(job_url).content.decode()
    assert "Файл нельзя импортировать" in html and "apply/" not in html
    assert not jobs.upload_path(ImportJob.objects.get()).exists()  # not kept for a day


def test_too_large_file_is_a_form_error(client, operator, tmp_path, monkeypatch):
    from providers_map.exchange.importing import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    path = write_csv(tmp_path, [base_row()])
    response = upload(client, path)
    assert response.status_code == 200 and "больше 20 МБ" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_another_operators_job_is_not_shown(client, operator, django_user_model):
    job_url = upload(client, CP1251)["Location"]
    other = django_user_model.objects.create_user("other-operator")
    other.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(other)
    assert client.get(job_url).status_code == 404
    assert client.post(job_url + "apply/").status_code == 404
    assert client.get(job_url + "status.json").status_code == 404


def test_users_without_registry_rights_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/providers-import/").status_code in (302, 403)
    assert "/admin/providers-import/" not in client.get("/admin/").content.decode()


def test_database_failure_during_import_changes_nothing_and_keeps_the_file(client, operator, monkeypatch):
    from django.db import OperationalError

    from providers_map.exchange.importing import upsert

    job_url = upload(client, CP1251)["Location"]
    run_import_tasks()
    original = upsert.Writer.write_batch

    def failing_write(self, plans):
        raise OperationalError("connection lost")

    monkeypatch.setattr(upsert.Writer, "write_batch", failing_write)
    client.post(job_url + "apply/")
    run_import_tasks()
    assert "ничего не изменено" in client.get(job_url).content.decode()
    assert Organisation.objects.count() == 0
    job = ImportJob.objects.get()
    # The check still holds and the file is kept: the operator can confirm the import again.
    assert job.status == "checked" and "ошибки базы данных" in str(job.error) and jobs.upload_path(job).exists()
    monkeypatch.setattr(upsert.Writer, "write_batch", original)
    client.post(job_url + "apply/")
    run_import_tasks()
    assert ImportJob.objects.get().status == "done" and Organisation.objects.count() > 0


def test_uploads_expire_after_a_day(client, operator):
    from django.utils import timezone

    job_url = upload(client, CP1251)["Location"]
    run_import_tasks()
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timezone.timedelta(hours=25))
    jobs.prune()
    job.refresh_from_db()
    assert job.status == "expired" and not jobs.upload_path(job).exists()
    assert "больше недоступен" in client.get(job_url).content.decode()
