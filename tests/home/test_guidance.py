"""Guidance pages for parents: page-type rules, block validation, the hub's filters, the editor's panels."""

from django.urls import reverse

from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from core.models import AgeGroup, DevelopmentalConcern, ServiceType, Topic
from home.blocks import AudienceCardBlock, FindHelpBlock, ImageBlock, SummaryBlock, providers_list_url
from home.models import GuidanceIndexPage, GuidancePage, HomePage, StandardPage
from tests.home.builders import make_guidance, make_hub, paragraph

pytestmark = pytest.mark.django_db


def test_page_types_keep_guidance_under_its_hub():
    assert GuidanceIndexPage.allowed_parent_page_models() == [HomePage]
    assert GuidancePage.allowed_parent_page_models() == [GuidanceIndexPage]
    assert GuidanceIndexPage.allowed_subpage_models() == [GuidancePage]
    assert GuidancePage.allowed_subpage_models() == []
    assert GuidancePage not in StandardPage.allowed_subpage_models()


def _summary(points):
    block = SummaryBlock()
    return block.clean(block.to_python([{"type": "point", "value": point} for point in points]))


def test_summary_needs_one_to_five_key_points():
    assert len(_summary(["Один."])) == 1
    assert len(_summary([f"Пункт {n}." for n in range(5)])) == 5
    for points in ([], [f"Пункт {n}." for n in range(6)]):
        with pytest.raises(StreamBlockValidationError) as error:
            _summary(points)
        message = error.value.non_block_errors.as_data()[0].messages[0]
        assert "от 1 до 5" in message and f"сейчас {len(points)}" in message


def test_image_without_alt_text_is_rejected_with_a_clear_message():
    image = Image.objects.create(title="Игра", file=get_test_image_file())
    block = ImageBlock()
    for alt in ("", "   ", "IMG_2041.jpg", "фото"):
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"image": image.pk, "alt": alt, "caption": ""}))
        assert "alt" in error.value.block_errors
    value = block.clean(block.to_python({"image": image.pk, "alt": "  Мама играет  с сыном ", "caption": ""}))
    assert value["alt"] == "Мама играет с сыном"
    html = block.render(value)
    assert 'alt="Мама играет с сыном"' in html and "<figure" in html


def test_audience_card_needs_exactly_one_destination():
    block = AudienceCardBlock()
    base = {"heading": "Родителям", "text": "Советы.", "link_text": "Открыть"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**base, "page": None, "url": "providers"}))
    assert "url" in error.value.block_errors
    assert block.clean(block.to_python({**base, "page": None, "url": "/providers/"}))["url"] == "/providers/"


def test_find_help_links_to_the_provider_list_with_preset_filters():
    block = FindHelpBlock()
    value = block.to_python(
        {
            "heading": "Где получить помощь",
            "text": "",
            "service": ServiceType.objects.get(slug="communication").pk,
            "concern": DevelopmentalConcern.objects.get(slug="speech").pk,
            "age_group": AgeGroup.objects.get(slug="1-2y").pk,
            "link_text": "Найти",
        }
    )
    url = reverse("providers:list") + "?service=communication&concern=speech&age=12"
    assert block.url(value) == url
    html = block.render(value)
    assert f'href="{url.replace("&", "&amp;")}"' in html
    assert "Содействие развитию общения и речи" in html


def test_find_help_url_falls_back_to_the_literal_path_without_the_registry(monkeypatch):
    from django.urls import NoReverseMatch

    import home.blocks.guidance as guidance_blocks

    def missing(name):
        raise NoReverseMatch(name)

    monkeypatch.setattr(guidance_blocks, "reverse", missing)
    assert providers_list_url(service="iprp") == "/providers/?service=iprp"
    assert providers_list_url() == "/providers/"


@pytest.fixture
def hub_with_pages():
    hub = make_hub()
    signs, rights = Topic.objects.get(slug="first-signs"), Topic.objects.get(slug="rights")
    baby, toddler = AgeGroup.objects.get(slug="0-6m"), AgeGroup.objects.get(slug="2-3y")
    pages = {
        "baby": make_guidance(hub, "Признаки до полугода", slug="baby", topics=[signs], age_groups=[baby]),
        "toddler": make_guidance(hub, "Признаки в три года", slug="toddler", topics=[signs], age_groups=[toddler]),
        "rights": make_guidance(hub, "Права семьи", slug="rights", topics=[rights, signs]),
    }
    return hub, pages


def test_hub_groups_pages_by_their_main_topic(client, hub_with_pages):
    hub, _pages = hub_with_pages
    html = client.get(hub.url).content.decode()
    # «Первые признаки» comes before «Права» in the vocabulary, so «Права семьи» is listed there
    signs_at = html.index('id="topic-first-signs"')
    assert signs_at < html.index("Признаки до полугода") and signs_at < html.index("Права семьи")
    assert 'id="topic-rights"' not in html
    assert "Найдено 3 страницы" in html


def test_hub_filters_by_topic_and_age_without_javascript(client, hub_with_pages):
    hub, _pages = hub_with_pages
    html = client.get(hub.url, {"topic": "first-signs", "age": "0-6m"}).content.decode()
    # pages without an age are useful at any age and stay in the list
    assert "Признаки до полугода" in html and "Права семьи" in html
    assert "Признаки в три года" not in html
    assert '<option value="0-6m" selected>' in html
    assert "Показать все страницы" in html
    html = client.get(hub.url, {"topic": "rights"}).content.decode()
    assert "Права семьи" in html and "Признаки до полугода" not in html


def test_hub_reports_unknown_filters_instead_of_failing(client, hub_with_pages):
    hub, _pages = hub_with_pages
    response = client.get(hub.url, {"topic": "no-such-topic", "age": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Такой темы в этом разделе нет." in html and "Такого возраста нет в списке." in html
    assert "Найдено 3 страницы" in html and "<script>" not in html


def test_hub_query_count_does_not_grow_with_pages(client, hub_with_pages, django_assert_max_num_queries):
    hub, _pages = hub_with_pages
    client.get(hub.url)
    with django_assert_max_num_queries(20) as few:
        client.get(hub.url)
    allowed = len(few.captured_queries)  # read now: the next request resets the connection's query log
    for n in range(6):
        make_guidance(hub, f"Ещё страница {n}", slug=f"more-{n}", topics=[Topic.objects.get(slug="rights")])
    client.get(hub.url)  # new pages reset the cached menu: compare warm with warm
    with django_assert_max_num_queries(allowed):
        client.get(hub.url)


def test_guidance_page_shows_summary_reading_time_reviewer_and_related(client, hub_with_pages):
    hub, pages = hub_with_pages
    page = make_guidance(
        hub,
        "Что такое ранняя помощь",
        slug="about-care",
        points=("Помощь бесплатная.", "Инвалидность не нужна."),
        body=[
            ("heading", {"text": "Кто помогает"}),
            paragraph("<p>В службе работает команда.</p>"),
            ("callout", {"kind": "important", "text": "<p>Не ждите диагноза.</p>"}),
            (
                "steps",
                {
                    "heading": "Как записаться",
                    "steps": [{"title": "Позвоните", "text": ""}, {"title": "Придите", "text": "С документами."}],
                },
            ),
            ("questions", {"heading": "Вопросы", "items": [{"question": "Это платно?", "answer": "<p>Нет.</p>"}]}),
        ],
        reviewed_by_name="Анна Петрова",
        reviewed_by_role="психолог",
        reviewed_at="2026-10-05",
        related=[("page", pages["rights"])],
    )
    html = client.get(page.url).content.decode()
    assert '<h2 id="guidance-summary-title">Коротко</h2>' in html
    assert "<li>Инвалидность не нужна.</li>" in html
    assert "Время чтения: 1 минута" in html
    assert "Проверено специалистом:" in html and "Анна Петрова" in html and "5 октября 2026" in html
    assert '<p class="callout__label"><strong>Важно</strong></p>' in html
    assert '<summary class="questions__question">Это платно?</summary>' in html
    assert '<ol class="steps__list">' in html
    assert "Читайте также" in html and f'href="{pages["rights"].url}"' in html


def test_unpublished_related_pages_are_not_linked(client, hub_with_pages):
    hub, pages = hub_with_pages
    page = make_guidance(hub, "Страница", slug="with-related", related=[("page", pages["baby"])])
    pages["baby"].unpublish()
    assert "Читайте также" not in client.get(page.url).content.decode()


def test_readable_text_leaves_headings_out():
    hub = make_hub()
    page = make_guidance(
        hub,
        points=("Коротко.",),
        body=[("heading", {"text": "Заголовок из пяти слов тут"}), paragraph("<p>Текст абзаца.</p>")],
    )
    assert page.readable_chunks() == ["Коротко.", "Текст абзаца."]
    assert page.readability().word_count == 3


def _edit_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": streamfield([("point", "Мы рядом.")]),
        "body": streamfield([("paragraph", rich_text("<p>Мама читает книгу. Папа моет посуду.</p>"))]),
        "related": streamfield([]),
        "audience": "parents",
        "reviewed_by_name": "",
        "reviewed_by_role": "",
        "reviewed_at": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


HARD = (
    "<p>Организация предоставляет комплексную реабилитационную помощь детям-инвалидам и семьям, "
    "воспитывающим детей с ограниченными возможностями здоровья, в соответствии с индивидуальной программой.</p>"
)


def test_publishing_hard_text_warns_the_editor_but_publishes(admin_client):
    hub = make_hub()
    page = make_guidance(hub, "Сложная страница", slug="hard")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(
        edit_url, _edit_form(page, body=streamfield([("paragraph", rich_text(HARD))])), follow=True
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    warnings = [m for m in messages if "труднее" in m]
    assert len(warnings) == 1 and "Сложная страница" in warnings[0]
    page.refresh_from_db()
    assert page.live and "комплексную" in str(page.body[0].value)


def test_publishing_plain_text_gives_no_warning(admin_client):
    hub = make_hub()
    page = make_guidance(hub, "Простая страница", slug="plain")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _edit_form(page), follow=True)
    assert not [m for m in response.context["messages"] if "труднее" in str(m)]


def test_editor_shows_readability_and_feedback_panels(admin_client):
    hub = make_hub()
    page = make_guidance(hub, "Страница", slug="panels", body=[paragraph(HARD)])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Проверка ясного языка" in html
    assert "Самые длинные предложения" in html
    assert "<mark>Организация предоставляет комплексную" in html
    assert "Текст сложнее, чем требуют правила ясного языка" in html
    assert "Пока никто не ответил" in html


def test_new_guidance_page_form_opens_in_the_editor(admin_client):
    hub = make_hub()
    url = reverse("wagtailadmin_pages:add", args=["home", "guidancepage", hub.pk])
    html = admin_client.get(url).content.decode()
    assert "Коротко" in html and "Текста для проверки пока нет" in html


def test_editors_can_preview_a_new_guidance_page(admin_client):
    hub = make_hub()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["home", "guidancepage", hub.pk])
    data = _edit_form(GuidancePage(title="Новая страница", slug="new-page"))
    assert admin_client.post(url, data).json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "Новая страница" in html and "Коротко" in html and "Мама читает книгу." in html


def test_editors_can_preview_changes_of_a_published_page(admin_client):
    page = make_guidance(make_hub(), "Опубликованная", slug="published")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(url, _edit_form(page)).json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "Мама читает книгу." in html and 'name="helpful"' in html


def test_guidance_page_queries_do_not_grow_with_blocks_and_related_pages(
    client, hub_with_pages, django_assert_max_num_queries
):
    hub, pages = hub_with_pages
    find_help = (
        "find_help",
        {
            "heading": "Где получить помощь",
            "text": "",
            "service": ServiceType.objects.get(slug="iprp"),
            "concern": DevelopmentalConcern.objects.get(slug="speech"),
            "age_group": AgeGroup.objects.get(slug="1-2y"),
            "link_text": "Найти",
        },
    )
    related = [("page", item) for item in pages.values()]
    small = make_guidance(hub, "Мало блоков", slug="few", body=[find_help], related=related[:1])
    large = make_guidance(hub, "Много блоков", slug="many", body=[find_help] * 4, related=related)
    client.get(small.url)
    with django_assert_max_num_queries(20) as baseline:
        client.get(small.url)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get(large.url)
    assert response.content.decode().count("service=iprp&amp;concern=speech&amp;age=12") == 4
