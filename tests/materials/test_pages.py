from django.core.exceptions import ValidationError

import pytest

from materials.models import MaterialFile, MaterialPage, MaterialsIndexPage
from tests.materials.builders import make_document
from tests.materials.factories import make_index, make_material

pytestmark = pytest.mark.django_db


def test_page_type_rules():
    from home.models import HomePage

    assert MaterialPage.allowed_parent_page_models() == [MaterialsIndexPage]
    assert MaterialsIndexPage.allowed_parent_page_models() == [HomePage]
    assert MaterialsIndexPage.allowed_subpage_models() == [MaterialPage]
    assert MaterialPage.allowed_subpage_models() == []
    index = make_index()
    assert MaterialPage.can_create_at(index)
    assert not MaterialPage.can_create_at(index.get_parent())
    assert not MaterialsIndexPage.can_create_at(index)


def test_material_needs_an_audience():
    page = make_material(make_index())
    page.for_specialists = False
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    assert "хотя бы одну аудиторию" in str(info.value)


def test_video_lecture_needs_a_video():
    page = make_material(make_index())
    page.material_type = "video-lecture"
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    assert "видео с субтитрами" in str(info.value)


@pytest.mark.parametrize("name", ["notes.pdf", "plan.docx", "slides.pptx", "table.xlsx", "text.odt", "a.mp4",
                                  "a.webm", "a.vtt"])  # fmt: skip
def test_allowed_file_types_are_accepted(name):
    page = make_material(make_index())
    MaterialFile(page=page, document=make_document(name, b"data")).full_clean(exclude=["page"])


@pytest.mark.parametrize("name", ["virus.exe", "photo.jpg", "old.doc", "archive.zip"])
def test_other_file_types_are_rejected(name):
    page = make_material(make_index())
    with pytest.raises(ValidationError) as info:
        MaterialFile(page=page, document=make_document(name, b"data")).full_clean(exclude=["page"])
    assert "прикреплять нельзя" in str(info.value)


def test_wagtail_document_uploads_are_limited_to_the_same_types():
    from django.conf import settings

    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == sorted(["pdf", "docx", "pptx", "xlsx", "odt", "mp4", "webm",
                                                               "vtt"])  # fmt: skip
