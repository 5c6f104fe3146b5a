from core.canonical import canonical_base_url

from . import openapi
from . import params as P
from .views import endpoint, json_response


@endpoint(P.NoParams, registry=False)
def openapi_json(request, params):
    """The OpenAPI 3.1 document of /api/hsds/."""
    return json_response(openapi.document(canonical_base_url(request)))
