"""Keyboard: on every page type each stop of the Tab key shows a visible focus indicator, and no sticky or
overlapping part of the page hides the focused control (WCAG 2.4.7, 2.4.11), in both versions of the site."""

import pytest

from core.accessibility import COOKIE_NAME, Vision

pytestmark = pytest.mark.e2e

PAGES = [
    "/",
    "/parents/what-is-early-care/",
    "/library/?type=video-lecture",
    "/library/functional-assessment-lecture/",
    "/providers/tsentr-raduga/",
    "/accessibility/",
]
MAX_STOPS = 60

# For the focused element: is an indicator drawn (on it, or on the card it stretches over), and is its centre
# really the element (not something on top of it)?
INSPECT = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const drawn = (node) => {
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return outline || (style.boxShadow && style.boxShadow !== 'none');
    };
    const holder = el.closest('.card, .material-card');
    const rect = el.getClientRects()[0] || el.getBoundingClientRect();  // the first line of a wrapped link
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + Math.min(rect.height, 40) / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const inView = rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
    const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' «' +
        (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40) + '»';
    return {
        label: label,
        visible: drawn(el) || (holder !== null && drawn(holder)),
        unobscured: inView && top !== null && (top === el || el.contains(top) || top.contains(el)
            || (holder !== null && holder.contains(top))),
    };
}"""


@pytest.mark.parametrize("vision", [None, Vision(True, size=2, scheme="wb", spacing=1)], ids=["standard", "mode"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_tab_stop_is_visible_and_not_hidden(browser, site_url, vision, width):
    context = browser.new_context(locale="ru-RU", viewport={"width": width, "height": 844})
    if vision is not None:
        context.add_cookies([{"name": COOKIE_NAME, "value": vision.to_cookie(), "url": site_url}])
    page = context.new_page()
    problems = []
    try:
        for path in PAGES:
            page.goto(site_url + path)
            seen = set()
            for _ in range(MAX_STOPS):
                page.keyboard.press("Tab")
                state = page.evaluate(INSPECT)
                if state is None or state["label"] in seen:
                    break
                seen.add(state["label"])
                if not state["visible"]:
                    problems.append(f"{path}: no focus indicator on {state['label']}")
                if not state["unobscured"]:
                    problems.append(f"{path}: {state['label']} is hidden when focused")
            assert len(seen) >= 5, f"{path}: only {len(seen)} tab stops"
    finally:
        context.close()
    assert problems == []


def test_reduced_motion_turns_off_transitions_and_smooth_scrolling(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + "/library/")
    durations = page.evaluate(
        """() => Array.from(document.querySelectorAll('a, button, summary, .card, .material-card')).map(el => {
            const style = getComputedStyle(el);
            return [parseFloat(style.transitionDuration) || 0, parseFloat(style.animationDuration) || 0];
        })"""
    )
    assert durations and max(max(pair) for pair in durations) <= 0.001
    assert page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == "auto"
