"""Journey 3. A specialist: the library → filters «видеолекция» and a topic → a material → the video plays with
captions → a timestamp in the transcript moves the player there."""

import pytest

from tests.e2e.journeys import timed

pytestmark = pytest.mark.e2e

MATERIAL = "Оценка функционирования ребёнка в повседневных ситуациях"


def video_state(page):
    return page.evaluate(
        """() => {
            const video = document.querySelector('[data-video-player]');
            const track = video.textTracks[0];
            const cues = track.activeCues ? Array.from(track.activeCues).map(cue => cue.text) : [];
            return {time: video.currentTime, paused: video.paused, mode: track.mode, cues: cues};
        }"""
    )


def test_specialist_finds_a_video_lecture_and_watches_it_with_captions(page, site_url):
    with timed("3. Specialist: library → video and topic → material → video"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(site_url + "/")
        page.get_by_role("navigation", name="Основные разделы").get_by_role(
            "link", name="Библиотека для специалистов"
        ).click()
        page.wait_for_url("**/library/")

        filters = page.get_by_role("form", name="Фильтры")
        filters.get_by_role("group", name="Вид материала").get_by_label("Видеолекция").check()
        filters.get_by_role("group", name="Тема").get_by_label("Оценка и программа ранней помощи (ИПРП)").check()
        filters.get_by_role("button", name="Применить").click()
        page.wait_for_url("**/library/?*")
        assert "type=video-lecture" in page.url and "topic=assessment-iprp" in page.url
        results = page.locator(".material-list .material-card__title")
        assert results.count() >= 1
        assert page.locator(".active-filters__item").count() == 2

        page.get_by_role("link", name=MATERIAL).click()
        page.wait_for_url("**/library/functional-assessment-lecture/")
        assert page.get_by_role("heading", level=1).inner_text() == MATERIAL

        video = page.locator("video[data-video-player]")
        video.scroll_into_view_if_needed()
        assert video_state(page)["mode"] == "showing"  # the Russian captions are on by default
        video.focus()
        page.keyboard.press("Space")  # the reader presses play (the player's own control)
        page.wait_for_function(
            "() => { const v = document.querySelector('[data-video-player]'); return v.currentTime > 1; }"
        )
        state = video_state(page)
        assert not state["paused"]
        assert state["cues"] == ["Здравствуйте! Сегодня поговорим об оценке функционирования ребёнка."]

        page.get_by_role("link", name="Смотреть с 00:12").click()
        page.wait_for_function("() => document.querySelector('[data-video-player]').currentTime >= 12.5")
        state = video_state(page)
        assert 12 <= state["time"] < 20 and not state["paused"]
        assert state["cues"] == ["Родители — главные эксперты: они видят ребёнка каждый день."]
        assert page.evaluate("() => location.hash") == "#t=00:12"
