"""One readable phone format on every page: +7 383 222-33-44, and a tel: link that dials from anywhere."""

from django.template import Context, Template

import pytest

from core import phones


@pytest.mark.parametrize(
    ("stored", "shown", "href"),
    [
        ("+73832223344", "+7 383 222-33-44", "tel:+73832223344"),
        ("+79131234567", "+7 913 123-45-67", "tel:+79131234567"),
        ("8 800 000-00-00", "+7 800 000-00-00", "tel:+78000000000"),  # the hotline as an editor types it
        ("8 (495) 1234567", "+7 495 123-45-67", "tel:+74951234567"),
    ],
)
def test_numbers_are_shown_in_one_format(stored, shown, href):
    assert phones.display(stored) == shown
    assert phones.tel_href(stored) == href


@pytest.mark.parametrize("stored", ["по записи", "12-34", "+7 383 222-33-44 доб. 5", ""])
def test_what_is_not_a_number_is_shown_as_stored(stored):
    assert phones.display(stored) == stored.strip()


def test_template_filters_render_an_escaped_link():
    html = Template("{% load phones %}{{ a|phone_link }} {{ b|phone_display }} {{ c|phone_link }}").render(
        Context({"a": "+73832223344", "b": "+78001000000", "c": "<b>звоните</b>"})
    )
    assert '<a href="tel:+73832223344">+7 383 222-33-44</a>' in html
    assert "+7 800 100-00-00" in html
    assert "<b>" not in html and "&lt;b&gt;звоните&lt;/b&gt;" in html
