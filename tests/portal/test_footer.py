import pytest

pytestmark = pytest.mark.django_db


def test_footer_links_accessibility_statement_and_privacy_policy(client, demo_site):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/accessibility/">Доступность сайта</a>' in footer
    assert '<a href="/privacy/">Персональные данные</a>' in footer
    assert "mailto:info@example.org" in footer
