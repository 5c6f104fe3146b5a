"""providers_map.search.match_organisations: the finder's text box on the portal's search layer."""

import pytest

from providers_map.models import Organisation
from providers_map.search import match_organisations


def slugs(ids):
    by_id = dict(Organisation.objects.values_list("pk", "slug"))
    return [by_id[pk] for pk, _distance in ids]


@pytest.mark.parametrize("force_database", [False, True], ids=["elasticsearch", "database"])
def test_case_yo_and_word_forms_do_not_matter(demo_site, es_client, force_database):
    lower = slugs(match_organisations("новосибирск", force_database=force_database))
    assert len(lower) >= 10 and lower == slugs(match_organisations("НОВОСИБИРСК", force_database=force_database))
    assert "tsentr-semya" in slugs(match_organisations("семья", force_database=force_database))[:3]
    assert slugs(match_organisations("в Линево", force_database=force_database))[0] == "ktsson-vera-iskitimskogo-rayona"
    assert slugs(match_organisations("Морского залива", force_database=force_database))[0] == "tsentr-morskoy-zaliv"


@pytest.mark.parametrize("force_database", [False, True], ids=["elasticsearch", "database"])
def test_place_and_nearness_order_the_matches(demo_site, es_client, force_database):
    assert slugs(match_organisations("логопед Бердск", force_database=force_database))[0] == "ktsson-goroda-berdska"
    ranked = match_organisations("прокат средств реабилитации", near=(53.73, 78.04), force_database=force_database)
    distances = [distance for _pk, distance in ranked]
    assert len(ranked) >= 2 and all(d is not None for d in distances)
    assert distances[0] == min(distances)


def test_only_stop_words_mean_no_text_condition(demo_site, es_client):
    assert match_organisations("и в на") is None
    assert match_organisations("зюзюзюзя") == []
