"""Helpers for the /api/hsds/ tests: fetch every page of a list and validate it against the official schemas."""

import functools
import json

from tests.providers_map.exchange.hsds.schemas import read_schema_text, validate

LIST_SCHEMAS = {
    "services": ("compiled/service_list.json", "compiled/service.json"),
    "service_at_locations": ("compiled/service_at_location_list.json", "compiled/service_at_location.json"),
    "organizations": ("compiled/organization_list.json", "compiled/organization.json"),
    "taxonomies": ("taxonomy.json", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term.json", "taxonomy_term.json"),
}
DETAIL_SCHEMAS = {
    "services": "compiled/service.json",
    "service_at_locations": "compiled/service_at_location.json",
    "organizations": "compiled/organization.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


@functools.cache
def page_schema():
    """The official Page object (components.schemas.Page of the HSDS OpenAPI document), every field required."""
    document = json.loads(read_schema_text("openapi.json"))
    schema = dict(document["components"]["schemas"]["Page"])
    schema["required"] = list(schema["properties"])
    return schema


class Checker:
    """Counts validated objects and collects every error message."""

    def __init__(self, client):
        self.client = client
        self.errors = []
        self.validated = 0
        self.requests = 0

    def get(self, url, status=200):
        response = self.client.get(url)
        self.requests += 1
        assert response.status_code == status, (url, response.status_code, response.content[:500])
        return response

    def check(self, instance, schema, where):
        self.validated += 1
        self.errors += [f"{where}: {error}" for error in validate(instance, schema, strict=True)]

    def check_page(self, body, where):
        from jsonschema import Draft202012Validator

        page_fields = {key: value for key, value in body.items() if key != "contents"}
        self.validated += 1
        self.errors += [f"{where}: {e.message}" for e in Draft202012Validator(page_schema()).iter_errors(page_fields)]

    def walk(self, endpoint, query="", per_page=3, full=False):
        """Every page of /api/hsds/<endpoint>?<query>: validated; returns the items in order."""
        item_schema = LIST_SCHEMAS[endpoint][1 if full else 0]
        items, page = [], 1
        while True:
            separator = "&" if query else ""
            url = f"/api/hsds/{endpoint}?{query}{separator}page={page}&per_page={per_page}"
            body = self.get(url).json()
            self.check_page(body, url)
            assert body["page_number"] == page and body["size"] == len(body["contents"]) <= per_page
            for index, item in enumerate(body["contents"]):
                self.check(item, item_schema, f"{url} #{index}")
            items += body["contents"]
            assert body["last_page"] == (page >= body["total_pages"])
            if body["last_page"]:
                assert len(items) == body["total_items"], url
                return items
            page += 1

    def ndjson(self, endpoint, query=""):
        response = self.get(f"/api/hsds/{endpoint}?format=ndjson&{query}")
        assert response["Content-Type"].startswith("application/x-ndjson")
        lines = b"".join(response.streaming_content).decode().splitlines()
        items = [json.loads(line) for line in lines]
        schema = LIST_SCHEMAS[endpoint][1 if "full=true" in query else 0]
        for index, item in enumerate(items):
            self.check(item, schema, f"{endpoint} ndjson #{index}")
        return items
