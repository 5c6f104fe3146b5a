"""“Была ли страница полезной?”: a plain POST form, one answer per session, anonymous counters."""

from django.test import Client
from django.urls import reverse

import pytest

from home.models import PageFeedback
from tests.home.builders import make_guidance, make_hub

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return make_guidance(make_hub(), "Что такое ранняя помощь", slug="what")


def feedback_url(page):
    return page.url + page.reverse_subpage("feedback")


def test_form_is_a_plain_csrf_protected_post_form(client, page):
    html = client.get(page.url).content.decode()
    assert f'<form method="post" action="{feedback_url(page)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<button type="submit" name="helpful" value="yes">Да</button>' in html


def test_yes_is_counted_once_per_session_and_thanks_the_visitor(client, page):
    response = client.post(feedback_url(page), {"helpful": "yes"})
    assert response.status_code == 302 and response["Location"] == f"{page.url}#feedback"
    client.post(feedback_url(page), {"helpful": "yes"})
    client.post(feedback_url(page), {"helpful": "no"})
    counts = PageFeedback.objects.get(page=page)
    assert (counts.helpful, counts.not_helpful) == (1, 0)
    html = client.get(page.url).content.decode()
    assert "Спасибо! Ваш ответ помогает нам делать страницы понятнее." in html
    assert 'name="helpful"' not in html


def test_each_session_votes_for_each_page(page):
    for number, answer in enumerate(("yes", "no", "no")):  # three visitors on three networks
        Client(REMOTE_ADDR=f"192.0.2.{number + 1}").post(feedback_url(page), {"helpful": answer})
    other = make_guidance(page.get_parent().specific, "Другая", slug="other")
    visitor = Client(REMOTE_ADDR="198.51.100.7")
    visitor.post(feedback_url(page), {"helpful": "yes"})
    visitor.post(feedback_url(other), {"helpful": "yes"})
    counts = PageFeedback.objects.get(page=page)
    assert (counts.helpful, counts.not_helpful, counts.helpful_percent) == (2, 2, 50)
    assert PageFeedback.objects.get(page=other).helpful == 1


def test_missing_answer_asks_again_and_counts_nothing(client, page):
    response = client.post(feedback_url(page), {"helpful": "maybe"}, follow=True)
    assert "Пожалуйста, выберите «Да» или «Нет»." in response.content.decode()
    assert not PageFeedback.objects.exists()
    client.post(feedback_url(page), {"helpful": "no"})  # the visitor can still answer
    assert PageFeedback.objects.get(page=page).not_helpful == 1


def test_get_does_not_vote(client, page):
    response = client.get(feedback_url(page), {"helpful": "yes"})
    assert response.status_code == 302 and response["Location"] == page.url
    assert not PageFeedback.objects.exists()


def test_post_without_csrf_token_is_refused(page):
    response = Client(enforce_csrf_checks=True).post(feedback_url(page), {"helpful": "yes"})
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_nothing_personal_is_stored(client, page):
    client.post(feedback_url(page), {"helpful": "yes"})
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "helpful", "not_helpful", "updated_at"}


def test_editors_see_the_counters_in_the_page_editor(admin_client, page):
    for number, answer in enumerate(("yes", "yes", "yes", "no")):  # four visitors
        Client(REMOTE_ADDR=f"192.0.2.{number + 1}").post(feedback_url(page), {"helpful": answer})
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "«Да, полезна»: 3" in html and "«Нет»: 1" in html
    assert "«Да» — 75% из 4 ответов." in html


def test_report_lists_answers_per_page_for_editors(admin_client, page):
    other = make_guidance(page.get_parent().specific, "Другая страница", slug="other-report")
    for answer in ("no", "no", "yes"):
        Client().post(feedback_url(other), {"helpful": answer})
    response = admin_client.get(reverse("guidance_feedback_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Страницы для родителей: ответы посетителей" in html
    # the least helpful page comes first
    assert html.index("Другая страница") < html.index("Что такое ранняя помощь")
    export = admin_client.get(reverse("guidance_feedback_report") + "?export=csv")
    csv = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Другая страница,1,2," in csv
