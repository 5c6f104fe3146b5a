"""The database fallback: the same analysis as Elasticsearch, over search.models.SearchRecord."""
