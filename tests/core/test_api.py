"""The /api/v1/ frame every app's endpoints share: JSON errors, an OpenAPI document, a JSON 404."""


def test_api_index_points_to_its_description(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["documentation"].endswith("/api/v1/docs")


def test_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/" in document["paths"]


def test_unknown_api_path_is_a_json_404(client, db):
    for path in ("/api/v1/no-such-thing", "/api/v2/", "/api/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert set(response.json()) == {"error", "details"}


def test_every_operation_names_its_own_operation_id():
    """Clients generated from the OpenAPI document call operations by their id: django-ninja derives a missing
    one from the view's module path, so moving a module would rename the operation under them."""
    from core.api import api
    from portal import urls  # noqa: F401 (mounts every app's router)

    implicit = [
        f"{prefix or '/'}{path}"
        for prefix, router in api._routers
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
        if not operation.operation_id
    ]
    assert implicit == []
