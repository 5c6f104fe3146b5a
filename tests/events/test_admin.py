"""Editors: the event form (the eleven zones, the series and its exceptions), the rules with Russian messages,
and the moderation workflow that every page of the site goes through."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from events.models import EventPage
from tests.events.builders import make_event, make_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pass"))
    return client


def test_editors_open_the_forms_and_events_go_through_the_workflow(editor):
    index = make_index()
    event = make_event(
        index,
        repeat="weekly",
        repeat_until=dt.date.today() + dt.timedelta(days=40),
        changes=[{"original_date": dt.date.today() + dt.timedelta(days=17), "change": "cancelled"}],
    )
    html = editor.get(f"/admin/pages/add/events/eventpage/{index.pk}/").content.decode()
    assert html.count('<option value="Europe/') + html.count('<option value="Asia/') == 11
    assert "Калининград (МСК−1, UTC+2)" in html and "Петропавловск-Камчатский (МСК+9, UTC+12)" in html
    assert "Портал не хранит данных зарегистрировавшихся." in html
    assert editor.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    assert event.get_workflow() is not None  # submitted for moderation like every page


RULES = [
    ({"format": "in-person"}, "venue_address", "Для очного события нужен адрес"),
    ({"online_url": ""}, "online_url", "Для онлайн-события нужна ссылка"),
    ({"repeat": "weekly"}, "repeat_until", "Для серии нужна последняя возможная дата."),
    ({"status": "postponed"}, "previous_start_date", "Укажите дату, на которую событие объявляли"),
    ({"end_time": dt.time(9, 0)}, "end_time", "Окончание раньше начала."),
    ({"is_free": False}, "price", "Укажите стоимость платного события."),
    ({"for_parents": False}, "for_parents", "Выберите хотя бы одну аудиторию"),
]


def test_the_rules_an_editor_meets():
    event = make_event(make_index())
    for fields, field, message in RULES:
        page = EventPage.objects.get(pk=event.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert message in " ".join(error.value.message_dict[field]), fields


def test_an_exception_must_name_a_date_of_the_series():
    index = make_index()
    first = dt.date.today() + dt.timedelta(days=7)
    with pytest.raises(ValidationError) as error:
        make_event(
            index,
            start_date=first,
            repeat="biweekly",
            repeat_until=first + dt.timedelta(days=30),
            changes=[{"original_date": first + dt.timedelta(days=7), "change": "cancelled"}],
        )
    assert "В серии нет встречи" in error.value.message_dict["repeat"][0]
