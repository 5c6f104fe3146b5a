import pytest

pytestmark = pytest.mark.django_db


def test_footer_links_accessibility_statement_and_privacy_policy(client, demo_site):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/accessibility/">Доступность сайта</a>' in footer
    assert '<a href="/privacy/">Персональные данные</a>' in footer
    assert "mailto:info@example.org" in footer


def test_footer_link_opens_the_accessibility_statement_not_the_mode_switch(client, demo_site):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Доступность сайта</h1>" in html
    for heading in ("Что работает на сайте", "Что пока работает не полностью", "Как сообщить о проблеме"):
        assert heading in html
    assert 'href="/low-vision/"' in html
    assert b"/accessibility/</loc>" in client.get("/sitemap.xml").content  # no longer shadowed by the switch


def test_header_switches_the_mode_on_with_one_button(client, demo_site):
    html = client.get("/about/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert '<form class="vision-switch" method="post" action="/low-vision/">' in header
    assert '<input type="hidden" name="next" value="/about/">' in header
    assert "Версия для слабовидящих</button>" in header
