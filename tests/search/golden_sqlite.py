"""Run as `python -m tests.search.golden_sqlite` with DATABASE_URL unset, on the embedded SQLite database with the
demo loaded (the `embedded_site` fixture), and print the golden-set score of the database fallback as one JSON
line (test_golden.py)."""

import json
import os
import sys


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from django.db import connection

    from search.results import SearchRequest
    from search.service import run
    from tests.search.golden_set import evaluate

    backends = set()

    def urls(query):
        found = run(SearchRequest(q=query))
        backends.add(found.backend)
        return [result.url for result in found.promoted + found.results]

    score, misses = evaluate(urls)
    print(
        json.dumps(
            {"vendor": connection.vendor, "backend": ",".join(sorted(backends)), "score": score, "misses": misses}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
