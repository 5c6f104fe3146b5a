"""axe-core on every public page type at 320, 768 and 1280 px, in the standard version and in each colour scheme
of the visually-impaired mode: no serious or critical violation, and no horizontal scrolling.

One browser context per mode (its cookie set as the switch sets it), one tab reused for every page; a page is
loaded once and measured at each width by resizing the window. The schemes also vary the text size, the
letter spacing and images, so every setting is covered. The totals are printed at the end of the module.
"""

from collections import defaultdict

import pytest

from core.accessibility import COOKIE_NAME, Vision
from tests.e2e import report
from tests.e2e.conftest import AXE_JS, AXE_OPTIONS

pytestmark = pytest.mark.e2e

PAGE_TYPES = {
    "home": "/",
    "guidance index": "/parents/",
    "guidance page": "/parents/what-is-early-care/",
    "library with filters": "/library/?type=video-lecture&type=webinar&audience=specialists",
    "material with video": "/library/functional-assessment-lecture/",
    "search results": "/search/?q=логопед+Бердск",
    "finder": "/providers/",
    "finder with a place": "/providers/?where=Бердск&age_years=2",
    "provider page": "/providers/tsentr-raduga/",
    "events": "/events/?region=77",
    "event series": "/events/parents-club-together/",
    "postponed event": "/events/interagency-round-table-postponed/",
    "report form": "/providers/tsentr-raduga/report/",
    "access to early care": "/coverage/?sort=population",
    "access to early care, a region": "/coverage/54/",
    "accessibility statement": "/accessibility/",
    "mode settings": "/low-vision/",
    "self-check start": "/self-check/",
    "self-check checklist": "/self-check/24-months/?months=24&where=Бердск",
    # the checklist form's answers, redirected to the answer link: a flagged area and a warning sign
    "self-check result": "/self-check/24-months/result/?months=24&q1=not_yet&q2=not_yet&q5=yes&s1=1&where=Бердск",
    "404": "/no-such-page/",
}
MODES = {
    "standard": None,
    "black on white": Vision(True, size=1, scheme="bw", spacing=0, images=True),
    "white on black": Vision(True, size=3, scheme="wb", spacing=2, images=False),
    "dark blue on light blue": Vision(True, size=2, scheme="blue", spacing=1, images=True),
    "brown on beige": Vision(True, size=1, scheme="brown", spacing=2, images=False),
}
WIDTHS = (320, 768, 1280)
BLOCKING = ("serious", "critical")

RUN_AXE = "async (options) => (await axe.run(document, options)).violations"
# The schemes promise at least 7:1 (WCAG's enhanced contrast, AAA), so the mode is held to it too.
VISION_AXE_OPTIONS = {**AXE_OPTIONS, "rules": {**AXE_OPTIONS["rules"], "color-contrast-enhanced": {"enabled": True}}}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# After a resize the finder's map (Leaflet reacts in the next frame) asks for the points of its new view and marks
# itself aria-busy meanwhile; axe reads the page once it has settled, as a visitor would see it.
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
SETTLED = "() => !document.querySelector('[aria-busy=\"true\"]')"


@pytest.fixture(scope="module")
def tabs(browser, demo_server):
    """One tab per mode, opened on first use; the totals table is printed when the module ends."""
    opened = {}
    totals = defaultdict(dict)

    def tab(mode):
        if mode not in opened:
            # bypass_csp: axe-core is injected as an inline script, which the site's CSP forbids
            context = browser.new_context(
                locale="ru-RU", viewport={"width": WIDTHS[-1], "height": 900}, bypass_csp=True
            )
            vision = MODES[mode]
            if vision is not None:
                context.add_cookies([{"name": COOKIE_NAME, "value": vision.to_cookie(), "url": demo_server.url}])
            opened[mode] = (context, context.new_page())
        return opened[mode][1]

    yield tab, totals
    for context, _page in opened.values():
        context.close()
    title = "axe: serious+critical / all violations (nodes), summed over 320, 768, 1280 px"
    report.table(title, PAGE_TYPES, MODES, corner="page type")
    for page_type, row in totals.items():
        for mode, (blocking, every) in row.items():
            report.cell(title, page_type, mode, f"{blocking} / {every}")


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_no_serious_violations_at_any_width(tabs, site_url, page_type, mode):
    tab, totals = tabs
    page = tab(mode)
    page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
    page.goto(site_url + PAGE_TYPES[page_type])
    assert page.title() and "Server Error" not in page.content()
    if MODES[mode] is not None:  # the server applied the mode: its classes are on <html> before any script
        assert MODES[mode].html_classes == page.locator("html").get_attribute("class")
    page.add_script_tag(path=str(AXE_JS))
    blocking, blocking_nodes, found, overflow = [], 0, 0, {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(FRAMES)
        page.wait_for_function(SETTLED)
        violations = page.evaluate(RUN_AXE, AXE_OPTIONS if MODES[mode] is None else VISION_AXE_OPTIONS)
        found += sum(len(v["nodes"]) for v in violations)
        blocking_nodes += sum(len(v["nodes"]) for v in violations if v["impact"] in BLOCKING)
        blocking += [
            f"{width}px {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in BLOCKING
        ]
        scroll = page.evaluate(OVERFLOW)
        if scroll > 0:
            overflow[width] = scroll
    totals[page_type][mode] = (blocking_nodes, found)
    assert blocking == []
    assert overflow == {}, f"horizontal scrolling (px) at widths {overflow}"
