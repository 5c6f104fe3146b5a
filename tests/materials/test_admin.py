import pytest

from materials.models import MaterialPage
from tests.materials.factories import make_index, make_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(user)
    return client


def test_editors_can_open_the_create_and_edit_forms(editor):
    index = make_index()
    material = make_material(index)
    create = editor.get(f"/admin/pages/add/materials/materialpage/{index.pk}/")
    assert create.status_code == 200
    html = create.content.decode()
    for text in ("Вид материала", "Статус доказательности", "Разрешённые типы: PDF"):
        assert text in html
    assert editor.get(f"/admin/pages/{material.pk}/edit/").status_code == 200
    # a material cannot be created outside the library: the admin refuses (redirects with a message)
    assert editor.get(f"/admin/pages/add/materials/materialpage/{index.get_parent().pk}/").status_code in (302, 403)


def test_unknown_sort_is_reported(client):
    index = make_index()
    make_material(index)
    html = client.get(index.url + "?sort=random").content.decode()
    assert "Сортировка: «random»" in html
    assert MaterialPage.objects.count() == 1


def test_taxonomy_fields_are_checkboxes_with_the_libraries_own_hints(editor):
    index = make_index()
    html = editor.get(f"/admin/pages/add/materials/materialpage/{index.pk}/").content.decode()
    assert 'type="checkbox" name="topics"' in html and 'type="checkbox" name="concerns"' in html
    assert "Одна или несколько тем; по ним подбираются похожие материалы." in html
    assert "Оставьте пустым, если материал касается любого ребёнка." in html
    assert "Одна или несколько тем, которым посвящена страница." not in html  # the mixin's generic hint
