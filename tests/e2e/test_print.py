"""Print: guidance and provider pages read well on paper (the saved list is checked with the finder's pages)."""

import re

import pytest

pytestmark = pytest.mark.e2e

VISIBLE = "(el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0"


def _visible(page, selector):
    return page.evaluate(f"() => ({VISIBLE})(document.querySelector({selector!r}))")


def test_guidance_page_prints_every_answer_and_no_navigation(page, site_url):
    page.goto(site_url + "/parents/what-is-early-care/")
    answers = page.locator(".questions__answer")
    assert answers.count() >= 2 and not answers.first.is_visible()  # folded on screen
    page.emulate_media(media="print")
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))
    for hidden in (".site-header", ".main-nav", ".site-footer", ".guidance-feedback", ".breadcrumbs"):
        assert not _visible(page, hidden), hidden
    header = page.locator(".print-header")
    assert header.is_visible() and site_url + "/parents/what-is-early-care/" in header.inner_text()
    colours = page.evaluate("() => [getComputedStyle(document.body).color, getComputedStyle(document.body).fontSize]")
    assert colours == ["rgb(0, 0, 0)", "14.6667px"]  # black, 11 pt


def test_provider_page_prints_contacts_and_hours_without_map_or_forms(page, site_url):
    page.goto(site_url + "/providers/tsentr-raduga/")
    page.emulate_media(media="print")
    for hidden in (".provider-map", ".provider-report", ".open-status", "form"):
        assert not _visible(page, hidden), hidden
    for shown in (".provider__header h1", ".provider-facts a[href^='tel:']", "table.hours", ".provider-services"):
        assert _visible(page, shown), shown
    website = page.locator("a[href^='http']", has_text="provider-").first
    after = website.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert after.startswith('" (https://')
    assert page.locator("a[href^='tel:']").first.evaluate("(a) => getComputedStyle(a, '::after').content") == "none"


def test_pdf_of_a_provider_page_fits_on_a_few_pages(page, site_url):
    page.goto(site_url + "/providers/tsentr-raduga/")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 1 <= pages <= 3
