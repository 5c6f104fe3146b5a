"""One pagination include for every list, on Django's elided page range."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

TEMPLATE = Template('{% load pagination %}{% pagination page_obj drop="fragment" link_attribute="data-x" %}')


def render(number, query="", pages=30):
    request = RequestFactory().get(f"/list/{query}")
    page_obj = Paginator(range(pages * 10), 10).get_page(number)
    return TEMPLATE.render(Context({"request": request, "page_obj": page_obj}))


def test_a_long_list_elides_the_middle_and_marks_the_current_page():
    html = render(15, "?q=речь&page=15&fragment=results")
    assert html.count("…") == 2  # 1 … 13 14 [15] 16 17 … 30
    assert '<span class="visually-hidden">Страница </span>15</span>' in html and 'aria-current="page"' in html
    assert 'href="?q=%D1%80%D0%B5%D1%87%D1%8C&amp;page=14" rel="prev" data-x' in html
    assert "fragment" not in html  # the finder's fragment request never leaks into the links


def test_the_first_page_has_one_address_and_a_single_page_shows_nothing():
    html = render(2, "?q=a&page=2")
    assert 'href="?q=a" rel="prev"' in html
    assert render(1, pages=1).strip() == ""


def test_a_list_can_build_its_own_canonical_links():
    class Canonical:
        def page_url(self, number):
            return f"/library/p{number}/"

    template = Template("{% load pagination %}{% pagination page_obj url_for=canonical %}")
    request = RequestFactory().get("/list/?junk=1")
    html = template.render(
        Context({"request": request, "page_obj": Paginator(range(30), 10).get_page(1), "canonical": Canonical()})
    )
    assert 'href="/library/p2/" rel="next"' in html and "junk" not in html
