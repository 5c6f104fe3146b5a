"""/self-check/ by GET alone: age → checklist → answers → result with help, on a small published checklist."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from selfcheck.models import Milestone
from tests.selfcheck.builders import make_checklist, make_image, make_warning_signs

pytestmark = pytest.mark.django_db


@pytest.fixture
def checklist():
    make_warning_signs()
    return make_checklist(24)


def answer(client, checklist, answers, signs=(), **context):
    """Submit the checklist form as a browser would; returns the redirect to the answer link."""
    page = client.get(f"/self-check/{checklist.months}-months/", context)
    version = re.search(r'name="v" value="(\w+)"', page.content.decode())[1]
    data = {"v": version, **context, **{f"q{n}": value for n, value in enumerate(answers, 1) if value}}
    data.update({f"s{n}": "1" for n in signs})
    return client.get(f"/self-check/{checklist.months}-months/result/", data)


def test_the_age_opens_the_checklist_for_it_with_the_place_carried(client, checklist):
    response = client.get("/self-check/", {"months": "25", "weeks": "", "where": "Бердск"})
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == "/self-check/24-months/"
    assert parse_qs(url.query) == {"months": ["25"], "where": ["Бердск"]}
    page = client.get(response["Location"]).content.decode()
    assert "Говорит два слова вместе." in page and 'name="where" value="Бердск"' in page
    assert "не диагноз" in page and "без направления и без диагноза" in page
    assert "Тревожные признаки" in page and "Не откликается на своё имя." in page  # from 12 months: asked at 24


def test_a_not_yet_flags_the_area_and_links_the_finder_with_concern_age_and_place(client, checklist):
    response = answer(client, checklist, ["not_yet", "yes", "yes", "yes", "unsure"], months="25", where="Бердск")
    assert response.status_code == 302
    link = urlsplit(response["Location"])
    assert link.path == "/self-check/24-months/result/" and set(parse_qs(link.query)) == {"a", "where"}
    result = client.get(response["Location"])
    html = result.content.decode()
    assert 'Общение и речь: <span class="selfcheck-verdict selfcheck-verdict--talk">стоит поговорить' in html
    assert "пока всё идёт как у большинства детей" in html and "пока не хватает ответов" in html
    assert "Говорит два слова вместе." in html.split("Вы ответили «Пока нет»")[1].split("</ul>")[0]
    assert "/providers/?concern=speech&amp;age=25&amp;where=%D0%91%D0%B5%D1%80%D0%B4%D1%81%D0%BA" in html
    assert "Читайте вместе." in html  # activity ideas of the area
    assert "/self-check/reminder.ics?checkpoint=30&amp;on=" in html


def test_the_same_link_reopens_the_same_answers_elsewhere(client, checklist):
    location = answer(client, checklist, ["not_yet", "not_yet", "yes", "yes", "yes"], signs=[2])["Location"]
    first = client.get(location).content.decode()
    client.cookies.clear()
    again = client.get(location).content.decode()
    assert first == again and "Не вздрагивает от громкого звука." in again
    assert "/providers/?concern=hearing&amp;age=24" in again  # the sign names its concern: more precise than speech
    token = parse_qs(urlsplit(location).query)["a"][0]
    change = client.get("/self-check/24-months/", {"a": token}).content.decode()
    # the form comes back filled in, ready to be changed: two «Пока нет», three «Да», the second warning sign
    assert change.count('value="not_yet" checked') == 2 and change.count('value="yes" checked') == 3
    assert re.findall(r'name="(s\d)" value="1" checked', change) == ["s2"]


def test_no_answer_at_all_asks_for_one(client, checklist):
    response = answer(client, checklist, [])
    assert response.status_code == 302 and "error=empty" in response["Location"]
    assert "Ответьте хотя бы на один вопрос" in client.get(response["Location"]).content.decode()


def test_a_link_made_before_the_checklist_changed_asks_to_answer_again(client, checklist):
    location = answer(client, checklist, ["yes"] * 5)["Location"]
    Milestone.objects.create(checklist=checklist, area="movement", text="Ест ложкой.", sort_order=9)
    response = client.get(location)
    assert response.status_code == 400 and "Список изменился" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "params", "status", "message"),
    [
        ("/self-check/", {"months": "48"}, 200, "для детей до четырёх лет"),
        ("/self-check/", {"months": "-3"}, 200, "не может быть меньше нуля"),
        ("/self-check/", {"months": "1,5"}, 200, "целым числом месяцев"),
        ("/self-check/", {"months": "9" * 3000}, 200, "для детей до четырёх лет"),
        ("/self-check/", {"birth": "2999-01-01"}, 200, "ещё не наступила"),
        ("/self-check/", {"birth": "31.02.2025"}, 200, "день.месяц.год"),
        ("/self-check/", {"months": "6", "weeks": "12"}, 200, "Выберите неделю"),
        ("/self-check/", {"months": "1"}, 200, "Первый список — для двух месяцев"),
        ("/self-check/24-months/", {"months": "x", "where": "Бердск"}, 200, "не смогли прочитать возраст"),
        ("/self-check/24-months/", {"a": "forged:link"}, 200, "повреждена или изменена"),
        ("/self-check/24-months/result/", {"a": "AQID:xyz"}, 400, "повреждена или изменена"),
        ("/self-check/24-months/result/", {"a": "A" * 3000}, 400, "Ссылка слишком длинная"),
        ("/self-check/24-months/result/", {"q1": "maybe"}, 400, "Ответы не удалось прочитать"),
        ("/self-check/24-months/result/", {"q1": "yes", "v": "00000000"}, 400, "Список изменился"),
        ("/self-check/25-months/", {}, 404, ""),
        ("/self-check/30-months/result/", {"q1": "yes"}, 404, ""),
        ("/self-check/reminder.ics", {"checkpoint": "7", "on": "2027-01-01"}, 400, "Напоминание не удалось"),
        ("/self-check/reminder.ics", {"checkpoint": "30", "on": "2100-01-01"}, 400, "Напоминание не удалось"),
        ("/self-check/reminder.ics", {"checkpoint": "30", "on": "\x00"}, 400, "Напоминание не удалось"),
    ],
)
def test_hostile_input_gets_a_clear_message_never_a_500(client, checklist, url, params, status, message):
    response = client.get(url, params)
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_link_from_another_checkpoint_is_refused(client, checklist):
    make_checklist(30)
    location = answer(client, checklist, ["yes"] * 5)["Location"]
    response = client.get(location.replace("/24-months/", "/30-months/"))
    assert response.status_code == 400 and "повреждена" in response.content.decode()


def test_no_page_of_the_flow_sets_a_cookie_and_results_are_kept_by_no_cache(client, checklist):
    responses = [
        client.get("/self-check/"),
        client.get("/self-check/", {"months": "25"}),
        client.get("/self-check/24-months/"),
        answer(client, checklist, ["not_yet"] * 5),
    ]
    responses.append(client.get(responses[-1]["Location"]))
    assert all(not response.cookies for response in responses)
    assert "no-store" in responses[-1]["Cache-Control"] and responses[-1]["Referrer-Policy"] == "no-referrer"


def test_home_and_guidance_pages_link_to_the_self_check(client, demo_site):
    assert 'href="/self-check/"' in client.get("/").content.decode()
    assert 'href="/self-check/"' in client.get("/parents/what-is-early-care/").content.decode()


def test_a_milestone_may_carry_an_illustration_shown_with_its_words(client, checklist):
    image = make_image()
    checklist.milestones.filter(text="Бегает.").update(image=image, image_alt="Малыш бежит по дорожке")
    html = client.get("/self-check/24-months/").content.decode()
    assert 'alt="Малыш бежит по дорожке"' in html
    client.cookies["vision"] = "s1.cbw.l0.i0"  # the visually-impaired mode with images off: the words only
    html = client.get("/self-check/24-months/").content.decode()
    assert "Малыш бежит по дорожке" in html and 'alt="Малыш бежит по дорожке"' not in html
