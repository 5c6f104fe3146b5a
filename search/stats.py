"""The search report's counts for other apps: folded query text and numbers of searches, nothing about who searched."""

from django.db.models import Sum

from search.models import QueryStat


def zero_result_queries(since):
    """[(query, searches that found nothing)] from `since` (a date) on, most frequent first."""
    rows = QueryStat.objects.filter(day__gte=since, zero_results__gt=0).values("query")
    rows = rows.annotate(searches=Sum("zero_results")).order_by("-searches", "query")
    return [(row["query"], row["searches"]) for row in rows]
