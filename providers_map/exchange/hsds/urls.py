"""/api/hsds/ (Open Referral HSDS 3.0): the paths of the official OpenAPI document, without trailing slashes."""

from .api import hsds_api

app_name = "hsds"
urlpatterns = hsds_api.urls[0]
