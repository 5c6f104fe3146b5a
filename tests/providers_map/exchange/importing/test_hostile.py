"""Hostile files: each gets a Russian message and exit code 2, nothing is stored, and bombs stop early.

Bounds: a 45 KB workbook whose sheet unpacks to 5 million rows, and one whose text table unpacks to 100 MB,
are refused after reading at most the limits (`limits.py`); the test checks the memory the import used
(tracemalloc) and, with a wide margin for a loaded machine, its CPU time. `bench/bench_import.py --hostile`
prints the exact figures.
"""

import io
import time
import tracemalloc

from wagtail.models import Revision

import pytest

from providers_map.exchange.importing.pipeline import run_import
from providers_map.models import Organisation
from tests.providers_map.exchange.importing import hostile_files as hostile
from tests.providers_map.exchange.importing.helpers import base_row, run_command

pytestmark = pytest.mark.django_db

CPU_BOUND_SECONDS = 20  # the limit is 30 s for any file under the upload limit
MEMORY_BOUND_MB = 120


def assert_refused(tmp_path, name, data, *words):
    path = tmp_path / name
    path.write_bytes(data)
    code, output = run_command("import_providers", str(path))
    assert code == 2, output
    assert "Файл нельзя импортировать" in output, output
    for word in words:
        assert word in output, output
    assert Organisation.objects.count() == 0 and Revision.objects.count() == 0
    return output


@pytest.mark.parametrize(
    "name, build, words",
    [
        ("bomb.xlsx", lambda: hostile.row_bomb(5_000_000), ["больше 60000 строк"]),
        ("bomb.xlsx", lambda: hostile.text_bomb(100), ["распаковывается больше чем в 48 МБ"]),
    ],
    ids=["5-million-rows", "100-MB-of-text"],
)
def test_zip_bombs_stop_at_the_limits_within_time_and_memory(tmp_path, name, build, words):
    data = build()
    assert len(data) < 200_000  # small on disk
    tracemalloc.start()
    started = time.process_time()
    result = run_import(data, name)
    cpu = time.process_time() - started
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    assert result.exit_code == 2 and all(word in result.unusable for word in words), result.unusable
    assert peak_mb < MEMORY_BOUND_MB, peak_mb
    assert cpu < CPU_BOUND_SECONDS, cpu
    assert_refused(tmp_path, name, data, *words)


def test_truncated_xlsx(tmp_path):
    from providers_map.exchange.exporting import export_xlsx

    assert_refused(tmp_path, "registry.xlsx", hostile.truncated(export_xlsx()), "повреждён")


def test_number_cell_holding_text(tmp_path):
    assert_refused(tmp_path, "registry.xlsx", hostile.number_cell_with_text(), "B2", "пятьдесят пять")


def test_xml_entities_are_refused(tmp_path):
    assert_refused(tmp_path, "registry.xlsx", hostile.doctype_bomb(), "DTD")


@pytest.mark.parametrize(
    "name, data, word",
    [
        ("registry.csv", hostile.PNG, "изображение"),
        ("registry.csv", hostile.ELF, "программа"),
        ("registry.xlsx", hostile.PDF, "документ PDF"),
        ("registry.xlsx", hostile.word_document(), "документ Word"),
    ],
    ids=["png-as-csv", "program-as-csv", "pdf-as-xlsx", "docx-as-xlsx"],
)
def test_renamed_binaries_are_recognised_by_content(tmp_path, name, data, word):
    assert_refused(tmp_path, name, data, word, "не электронная таблица")


def csv_text():
    row = base_row()
    return ";".join(row) + "\r\n" + ";".join(row.values()) + "\r\n"


def test_utf16_without_byte_order_mark(tmp_path):
    assert_refused(tmp_path, "registry.csv", hostile.utf16_without_bom(csv_text()), "UTF-16")


def test_utf8_mixed_with_windows_1251(tmp_path):
    data = hostile.mixed_encodings(csv_text(), ";".join(base_row(**{"Адрес": "ул. Мира, 2"}).values()) + "\r\n")
    assert_refused(tmp_path, "registry.csv", data, "часть — в другой")


def test_the_same_rows_in_utf16_with_bom_and_in_windows_1251_are_fine(tmp_path):
    for encoding in ("utf-16", "cp1251"):
        result = run_import(csv_text().encode(encoding), "registry.csv", dry_run=True)
        assert (result.exit_code, result.created) == (0, 1), (encoding, result.unusable)


def test_a_refused_upload_is_not_kept(client, django_user_model, settings, tmp_path):
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile

    from providers_map.exchange.importing import jobs
    from providers_map.exchange.models import ImportJob
    from tests.providers_map.exchange.importing.helpers import run_import_tasks

    settings.PROVIDER_IMPORT_DIR = tmp_path / "imports"
    user = django_user_model.objects.create_user("operator")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(user)
    response = client.post("/admin/providers-import/", {"file": SimpleUploadedFile("registry.csv", hostile.ELF)})
    run_import_tasks()
    page = client.get(response["Location"])
    assert page.status_code == 200 and "программа" in page.content.decode()
    assert not jobs.upload_path(ImportJob.objects.get()).exists()
    assert Organisation.objects.count() == 0


def test_cells_longer_than_excel_allows(tmp_path):
    text = csv_text().replace("Помогаем семьям.", "а" * 40_000)
    result = run_import(text.encode("utf-8"), "registry.csv")
    assert result.exit_code == 2 and result.unusable


def test_streams_are_never_read_whole(monkeypatch):
    """The reader never asks for the whole file at once (a stream of chunks, not read())."""
    data = csv_text().encode("utf-8")
    reads = []

    class Tracking(io.BytesIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    from providers_map.exchange.importing.pipeline import run_import_file

    result = run_import_file(Tracking(data), "registry.csv", dry_run=True)
    assert result.exit_code == 0
    assert reads and all(size is not None and size > 0 for size in reads), reads
