""" "Сообщить об ошибке": validation, consent, honeypot, rate limit and hostile input."""

import logging

from django.core.cache import cache
from django.test import Client

import pytest

from core.forms import strip_control_characters
from providers_map.forms import ErrorReportForm
from providers_map.models import ErrorReport
from providers_map.ratelimit import REPORT_ATTEMPTS, REPORTS_PER_ORGANISATION, RateLimit, client_ip
from tests.providers_map.factories import OrganisationFactory

VALID = {"topic": "outdated", "message": "Телефон изменился: теперь +7 383 000-00-00."}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


def report_url(organisation):
    return f"/providers/{organisation.slug}/report/"


def html(response):
    return response.content.decode()


# The form on its own (no database).


def test_form_accepts_a_plain_report_without_email():
    form = ErrorReportForm(VALID)
    assert form.is_valid(), form.errors
    assert not form.is_bot()


def test_consent_is_required_only_when_an_email_is_given():
    with_email = ErrorReportForm({**VALID, "email": "mama@example.org"})
    assert not with_email.is_valid()
    assert "согласие" in with_email.errors["consent"][0]
    assert ErrorReportForm({**VALID, "email": "mama@example.org", "consent": "on"}).is_valid()
    assert ErrorReportForm({**VALID, "consent": "on"}).is_valid()


def test_form_never_asks_about_health():
    form = ErrorReportForm()
    assert set(form.fields) == {"topic", "message", "email", "consent", "homepage"}
    assert "здоровье ребёнка" in str(form.fields["message"].help_text)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"topic": "outdated", "message": ""}, "message"),
        ({"topic": "outdated", "message": "   \n\t "}, "message"),
        ({"topic": "outdated", "message": "\x00\x00\x01"}, "message"),
        ({"topic": "outdated", "message": "а" * 2001}, "message"),
        ({"topic": "hack", "message": "текст"}, "topic"),
        ({"message": "текст"}, "topic"),
        ({**VALID, "email": "not-an-email", "consent": "on"}, "email"),
        ({**VALID, "email": "a@b.ru\x00", "consent": "on"}, "email"),
    ],
)
def test_form_rejects_bad_input_with_russian_messages(data, field):
    form = ErrorReportForm(data)
    assert not form.is_valid()
    assert field in form.errors
    assert any("а" <= ch.lower() <= "я" for ch in " ".join(form.errors[field]))


def test_control_characters_are_stripped_and_line_breaks_kept():
    assert strip_control_characters("a\x00b\x07c\r\nd\te\u202ef\x9b") == "abc\nd\tef"
    form = ErrorReportForm({**VALID, "message": "Адрес\x00 неверный\r\nНовый: ул. Мира, 1"})
    assert form.is_valid()
    assert form.cleaned_data["message"] == "Адрес неверный\nНовый: ул. Мира, 1"


def test_honeypot_marks_a_bot():
    assert ErrorReportForm({**VALID, "homepage": "http://spam.example"}).is_bot()


def test_rate_limit_counts_per_key_and_window():
    limit = RateLimit("test", limit=2, window=600)
    assert not limit.exceeded("1.2.3.4", now=1000)
    limit.hit("1.2.3.4", now=1000)
    limit.hit("1.2.3.4", now=1000)
    assert limit.exceeded("1.2.3.4", now=1000)
    assert not limit.exceeded("5.6.7.8", now=1000)
    assert not limit.exceeded("1.2.3.4", now=1200)  # the next window


def test_client_ip_ignores_forwarded_header_unless_a_proxy_is_trusted(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.1"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"


# Through HTTP.


def test_report_page_has_the_form_and_the_health_note(client, organisation):
    response = client.get(report_url(organisation))
    assert response.status_code == 200
    page = html(response)
    assert "<h1>Сообщить об ошибке</h1>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "Мы никогда не спрашиваем о здоровье ребёнка" in page
    assert "Я согласен(на) на обработку моего адреса электронной почты" in page
    assert '<div class="report-form__hp" aria-hidden="true">' in page


def test_provider_page_embeds_the_form(client, organisation):
    page = html(client.get(organisation.get_absolute_url()))
    assert f'action="/providers/{organisation.slug}/report/"' in page
    assert "<summary>Сообщить об ошибке</summary>" in page


def test_valid_report_is_saved_as_new_and_redirects_to_thanks(client, organisation):
    response = client.post(report_url(organisation), VALID)
    assert response.status_code == 303
    assert response["Location"] == f"/providers/{organisation.slug}/report/thanks/"
    report = ErrorReport.objects.get()
    assert (report.organisation, report.topic, report.status) == (organisation, "outdated", "new")
    assert report.message == VALID["message"]
    assert (report.email, report.consent_given, report.consent_at) == ("", False, None)
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Спасибо за сообщение" in html(thanks)


def test_email_with_consent_is_stored_with_the_consent_time(client, organisation):
    client.post(report_url(organisation), {**VALID, "email": "mama@example.org", "consent": "on"})
    report = ErrorReport.objects.get()
    assert report.email == "mama@example.org"
    assert report.consent_given is True
    assert report.consent_at is not None


def test_consent_without_email_stores_no_consent(client, organisation):
    client.post(report_url(organisation), {**VALID, "consent": "on"})
    assert ErrorReport.objects.get().consent_given is False


def test_email_without_consent_is_refused_and_input_kept(client, organisation):
    response = client.post(report_url(organisation), {**VALID, "email": "mama@example.org"})
    assert response.status_code == 400
    page = html(response)
    assert "Чтобы ответить вам по e-mail, нужно ваше согласие" in page
    assert 'value="mama@example.org"' in page
    assert "Телефон изменился" in page
    assert ErrorReport.objects.count() == 0


def test_xss_payload_is_stored_as_text_and_rendered_escaped(client, organisation):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.post(report_url(organisation), {**VALID, "message": payload, "email": "x@example.org"})
    assert response.status_code == 400
    page = html(response)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    client.post(report_url(organisation), {**VALID, "message": payload})
    assert ErrorReport.objects.get().message == payload  # kept verbatim; templates escape it


def test_sql_like_text_is_just_text(client, organisation):
    text = "'; DROP TABLE providers_map_errorreport; -- \" OR 1=1"
    assert client.post(report_url(organisation), {**VALID, "message": text}).status_code == 303
    assert ErrorReport.objects.get().message == text


def test_null_bytes_and_control_characters_never_reach_the_database(client, organisation):
    response = client.post(report_url(organisation), {**VALID, "message": "Новый\x00 адрес\x1b[31m"})
    assert response.status_code == 303
    assert ErrorReport.objects.get().message == "Новый адрес[31m"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"topic": "outdated", "message": "а" * 2001}, "не более 2000"),
        ({"topic": "<b>hack</b>", "message": "текст"}, "Выберите корректный вариант"),
        ({**VALID, "email": "not-an-email@", "consent": "on"}, "адрес электронной почты"),
        ({"topic": "outdated"}, "заполнить это поле"),
    ],
)
def test_invalid_reports_get_400_and_a_russian_message(client, organisation, data, expected):
    response = client.post(report_url(organisation), data)
    assert response.status_code == 400
    assert expected in html(response)
    assert "Пожалуйста, исправьте форму" in html(response)
    assert ErrorReport.objects.count() == 0


def test_ten_megabyte_body_gets_a_friendly_answer(client, organisation):
    response = client.post(report_url(organisation), {**VALID, "message": "x" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    assert "Сообщение слишком длинное" in html(response)
    assert ErrorReport.objects.count() == 0


def test_non_utf8_body_does_not_break_the_form(client, organisation):
    body = b"topic=other&message=%FF%FE%FA+\xff\xfe+text"
    response = client.post(report_url(organisation), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert "text" in ErrorReport.objects.get().message


def test_missing_csrf_token_gets_a_friendly_russian_page(organisation):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(report_url(organisation), VALID)
    assert response.status_code == 403
    assert "Форма устарела" in html(response)  # CSRF_FAILURE_VIEW: the portal's page, not Django's
    assert ErrorReport.objects.count() == 0


def test_csrf_protected_form_works_with_the_token_from_the_page(organisation):
    browser = Client(enforce_csrf_checks=True)
    browser.get(report_url(organisation))
    token = browser.cookies["csrftoken"].value
    response = browser.post(report_url(organisation), {**VALID, "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert ErrorReport.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_are_refused_politely(client, organisation, method):
    response = getattr(client, method)(report_url(organisation))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert "Это действие недоступно" in html(response)


def test_post_to_the_provider_page_itself_is_not_an_error_500(client, organisation):
    assert client.post(organisation.get_absolute_url(), VALID).status_code == 405


def test_reports_for_unpublished_organisations_are_not_accepted(client, db):
    draft = OrganisationFactory(live=False)
    assert client.post(report_url(draft), VALID).status_code == 404
    assert ErrorReport.objects.count() == 0


def test_honeypot_gets_the_thank_you_page_stores_nothing_and_logs(client, organisation, caplog):
    with caplog.at_level(logging.WARNING, logger="providers_map.reports"):
        response = client.post(report_url(organisation), {**VALID, "homepage": "http://spam.example"})
    assert response.status_code == 303
    assert response["Location"].endswith("/report/thanks/")
    assert ErrorReport.objects.count() == 0
    assert any("Honeypot" in record.getMessage() for record in caplog.records)
    assert not any("127.0.0.1" in record.getMessage() for record in caplog.records)  # addresses are hashed


def test_sixth_report_in_ten_minutes_is_refused_with_429_and_input_kept(client, organisation):
    for number in range(REPORTS_PER_ORGANISATION.limit):
        response = client.post(report_url(organisation), {**VALID, "message": f"Сообщение {number}"})
        assert response.status_code == 303
    response = client.post(report_url(organisation), {**VALID, "message": "Ещё одно сообщение"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = html(response)
    assert "Вы отправили несколько сообщений за короткое время" in page
    assert "Ещё одно сообщение" in page
    assert ErrorReport.objects.count() == REPORTS_PER_ORGANISATION.limit
    # Another organisation's page still takes a report from the same person.
    other = OrganisationFactory()
    assert client.post(report_url(other), VALID).status_code == 303


def test_other_clients_are_not_affected_by_one_clients_limit(organisation):
    noisy, quiet = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="198.51.100.2")
    for _ in range(REPORTS_PER_ORGANISATION.limit):
        noisy.post(report_url(organisation), VALID)
    assert noisy.post(report_url(organisation), VALID).status_code == 429
    assert quiet.post(report_url(organisation), VALID).status_code == 303


def test_floods_of_invalid_posts_are_limited_too(client, organisation):
    for _ in range(REPORT_ATTEMPTS.limit):
        assert client.post(report_url(organisation), {"topic": "bad"}).status_code == 400
    assert client.post(report_url(organisation), VALID).status_code == 429
    assert ErrorReport.objects.count() == 0
