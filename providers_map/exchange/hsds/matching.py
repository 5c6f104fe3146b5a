"""Text matching for the HSDS `search` parameter: the portal's own provider search.

The same Russian analysis as the site's search and the finder (word forms, case, ё/е, synonyms, typos, places)
over names, services, concerns, localities and descriptions, on Elasticsearch or its database fallback. A query
of stop words or punctuation alone sets no condition; a query that matches nothing matches nothing.
"""

from django.db.models import Q

from providers_map.search import match_organisations

# Elasticsearch's default result window: more matches than this for one query are not a search any more.
MAX_MATCHES = 10_000


def matching_organisation_ids(text):
    """Ids of the published organisations `text` finds, or None when it has no searchable words."""
    found = match_organisations(str(text), limit=MAX_MATCHES)
    if found is None:
        return None
    return [organisation_id for organisation_id, _distance in found]


def service_text_filter(text):
    """A Q on Service for `text`."""
    ids = matching_organisation_ids(text)
    return Q() if ids is None else Q(organisation_id__in=ids)


def organisation_text_filter(text):
    """A Q on Organisation for `text`."""
    ids = matching_organisation_ids(text)
    return Q() if ids is None else Q(pk__in=ids)
