import pytest


@pytest.mark.django_db
def test_wagtail_admin_speaks_russian(client):
    response = client.get("/admin/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru"' in html
    assert "Войти" in html
