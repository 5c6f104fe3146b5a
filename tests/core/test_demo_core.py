"""The demo's «find the page by slug under its parent, or create it» step shared by every demo module."""

import pytest

from core.demo_core import child_page
from home.models import StandardPage
from tests.home.builders import home_page

pytestmark = pytest.mark.django_db


def test_child_page_is_created_published_once_and_never_overwritten():
    home = home_page()
    page = child_page(home, StandardPage, "demo-about", title="О портале", intro="Первый текст.", body=[])
    assert page.live and page.get_parent().pk == home.pk and page.revisions.count() == 1

    page.intro = "Текст редактора."
    page.save_revision().publish()
    again = child_page(home, StandardPage, "demo-about", title="Другое", intro="Второй текст.", body=[])
    assert again.pk == page.pk and again.intro == "Текст редактора."
    assert StandardPage.objects.child_of(home).filter(slug="demo-about").count() == 1


def test_child_page_can_be_created_as_a_draft_under_another_parent():
    home = home_page()
    other = child_page(home, StandardPage, "demo-section", title="Раздел", body=[])
    draft = child_page(other, StandardPage, "demo-about", publish=False, title="Черновик", body=[], live=False)
    assert not draft.live and draft.get_parent().pk == other.pk
    assert child_page(home, StandardPage, "demo-about", title="Наверху", body=[]).pk != draft.pk
