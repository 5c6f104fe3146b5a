import re

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e

VIDEO_PAGE = "/library/functional-assessment-lecture/"


@pytest.mark.parametrize(
    "path", ["/library/?audience=specialists&type=recommendations&type=practice&sort=title", VIDEO_PAGE]
)
def test_library_pages_pass_axe(page, site_url, path):
    page.goto(site_url + path)
    assert axe_violations(page) == []


def _current_time(page):
    return page.evaluate("() => document.querySelector('[data-video-player]').currentTime")


def _media_requests(page):
    requests = []
    page.on("request", lambda request: request.url.endswith((".webm", ".mp4")) and requests.append(request.url))
    return requests


def test_nothing_downloads_before_the_reader_presses_play(page, site_url):
    requests = _media_requests(page)
    page.goto(site_url + VIDEO_PAGE)
    page.wait_for_load_state("networkidle")
    assert requests == []
    assert page.evaluate("() => document.querySelector('[data-video-player]').readyState") == 0
    page.evaluate("() => document.querySelector('[data-video-player]').play()")
    page.wait_for_function("() => document.querySelector('[data-video-player]').currentTime > 0")
    assert requests and requests[0].endswith(".webm")  # Chromium takes the first source it can play


def test_clicking_a_transcript_timestamp_seeks_the_video(page, site_url):
    page.goto(site_url + VIDEO_PAGE)
    assert _current_time(page) == 0
    page.locator("a.video-transcript__time", has_text="00:12").click()
    page.wait_for_function("() => document.querySelector('[data-video-player]').currentTime >= 12")
    assert 12 <= _current_time(page) < 20
    assert page.evaluate("() => location.hash") == "#t=00:12"
    assert page.evaluate("() => document.activeElement.matches('[data-video-player]')")


def test_deep_link_starts_the_video_at_the_moment(page, site_url):
    page.goto(site_url + VIDEO_PAGE + "#t=00:17")
    page.wait_for_function("() => document.querySelector('[data-video-player]').currentTime >= 17")
    assert 17 <= _current_time(page) < 24


def test_captions_track_loads_in_the_browser(page, site_url):
    page.goto(site_url + VIDEO_PAGE)
    cues = page.evaluate(
        """async () => {
            const video = document.querySelector('[data-video-player]');
            const track = video.textTracks[0];
            track.mode = 'hidden';
            for (let i = 0; i < 50 && !(track.cues && track.cues.length); i++) {
                await new Promise(r => setTimeout(r, 100));
            }
            return [track.kind, track.language, track.cues ? track.cues.length : 0];
        }"""
    )
    assert cues == ["captions", "ru", 6]


def test_filters_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(site_url + "/library/")
    total = page.locator("#library-results-title").inner_text()
    assert "28" in total
    page.get_by_label(re.compile(r"^Видеолекция")).check()
    page.get_by_label(re.compile(r"^Запись вебинара")).check()
    page.get_by_role("button", name="Применить").click()
    assert "type=video-lecture" in page.url and "type=webinar" in page.url
    assert "4" in page.locator("#library-results-title").inner_text()
    page.get_by_label(re.compile(r"^Родители")).check()
    page.get_by_role("button", name="Применить").click()
    assert "2" in page.locator("#library-results-title").inner_text()
    # remove one filter with its link: the others stay
    page.locator(".active-filters__item", has_text="видеолекция").click()
    assert "type=video-lecture" not in page.url and "type=webinar" in page.url and "audience=parents" in page.url
    assert "1" in page.locator("#library-results-title").inner_text()
    context.close()


def test_library_reflows_at_200_percent_zoom(page, site_url):
    page.set_viewport_size({"width": 640, "height": 900})
    for path in ("/library/", VIDEO_PAGE):
        page.goto(site_url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
