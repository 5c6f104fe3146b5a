"""The demo's self-check (the committed demo, as `make run` loads it): every checkpoint, every area, sources,
plain language, and help behind every flagged area."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from home.management.commands.load_demo import DemoContext
from selfcheck import demo
from selfcheck.adapters import readability_thresholds
from selfcheck.areas import AREAS, CHECKPOINTS
from selfcheck.models import MilestoneChecklist, Source, WarningSignList
from selfcheck.presentation import live_checkpoints
from tests.selfcheck.test_flow import answer

DEMO_REGION = "Новосибирская область"


@pytest.fixture
def checklists(demo_site):
    return {checklist.months: checklist for checklist in MilestoneChecklist.objects.filter(live=True)}


def test_every_checkpoint_has_milestones_in_all_four_areas_with_sources_and_review(checklists):
    assert sorted(checklists) == list(CHECKPOINTS) == [months for months, _label, _url in live_checkpoints()]
    for months, checklist in checklists.items():
        areas = {milestone.area for milestone in checklist.ordered_milestones}
        assert areas == {area.code for area in AREAS}, months
        assert {advice.area for advice in checklist.advice.all()} == areas, months
        assert all(m.source in Source.values for m in checklist.ordered_milestones)
        assert "Pediatrics, 2022" in checklist.sources and "WHO" in checklist.sources
        assert checklist.reviewed_by_name and checklist.reviewed_at
    who = [m for c in checklists.values() for m in c.ordered_milestones if m.source == Source.WHO_MOTOR_2006]
    assert who and all("ВОЗ" in m.source_note and m.area == "movement" for m in who)


def test_every_checklist_and_the_warning_signs_read_within_the_editorial_thresholds(checklists):
    thresholds = readability_thresholds()
    warnings = WarningSignList.current()
    for item in [*checklists.values(), warnings]:
        report = item.readability()
        assert report.word_count > 30 and report.passes(thresholds), (str(item), report.problems(thresholds))


def test_every_checklist_page_names_its_sources_and_review(client, checklists):
    html = client.get("/self-check/24-months/").content.decode()
    assert "https://doi.org/10.1542/peds.2021-052138" in html and "Наталья Игоревна Волкова" in html
    assert 'href="/library/everyday-routines-lecture/">' in html  # a captioned library video beside «Ест ложкой.»
    assert "Источник: ВОЗ, 2006; ВОЗ: дети ходят сами" in client.get("/self-check/18-months/").content.decode()


def test_loading_the_demo_again_changes_nothing(checklists):
    before = {months: checklist.revisions.count() for months, checklist in checklists.items()}
    demo.build(DemoContext(seed=2026, providers=0, home=None, log=lambda message: None))
    after = {c.months: c.revisions.count() for c in MilestoneChecklist.objects.all()}
    assert after == before and WarningSignList.objects.count() == 1


def _finder_api(url):
    """The finder link's own parameters, asked of the finder's list API (the same parameter reader)."""
    parts = urlsplit(url)
    assert parts.path == "/providers/"
    return "/api/v1/providers", dict(parse_qsl(parts.query), page_size="100")


def _flagged_links(client, checklist):
    """{area: the finder links its section of the result offers} when every milestone is answered «Пока нет»."""
    answers = ["not_yet"] * len(checklist.ordered_milestones)
    result = client.get(answer(client, checklist, answers, where=DEMO_REGION)["Location"])
    html = result.content.decode().replace("&amp;", "&")
    links = {}
    for area in AREAS:
        section = html.split(f'<section id="area-{area.code}"', 1)[1].split("</section>", 1)[0]
        hrefs = [chunk.split('"', 1)[0] for chunk in section.split('href="')[1:]]
        links[area.code] = [href for href in hrefs if href.startswith("/providers/")]
    return links


@pytest.mark.parametrize("months", CHECKPOINTS)
def test_each_flagged_area_opens_the_finder_with_at_least_three_services_for_its_concern_and_age(
    client, checklists, months
):
    links_by_area = _flagged_links(client, checklists[months])
    for area in AREAS:
        links = links_by_area[area.code]
        assert len(links) == 1, (months, area.code, links)
        path, params = _finder_api(links[0])
        assert params["concern"] == area.concern and params["age"] == str(months) and params["where"] == DEMO_REGION
        found = client.get(path, params).json()["results"]
        named = [item for item in found if item["concern_match"] == "named"]
        assert len(named) >= 3, (months, area.code, [item["name"] for item in found])
        if months == 24:  # each of them really serves this concern at this age
            for item in named[:3]:
                services = client.get(f"/api/v1/providers/{item['id']}").json()["services"]
                assert any(
                    area.concern in s["concerns"] and s["age_min_months"] <= months < s["age_max_months"]
                    for s in services
                ), item["name"]


def test_the_finder_page_behind_the_speech_link_lists_the_services(client, checklists):
    link = _flagged_links(client, checklists[24])["communication"][0]
    html = client.get(link).content.decode()
    assert html.count('class="finder-card') >= 3
    assert 'value="speech" data-label="Нарушения речи" selected' in html
