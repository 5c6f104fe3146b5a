import pytest

from tests.providers_map.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_provider_pages_but_not_drafts_or_synthetic(client):
    public = OrganisationFactory()
    synthetic = OrganisationFactory(is_synthetic=True)
    draft = OrganisationFactory(live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/providers/{public.slug}/</loc>" in xml
    assert f"/providers/{synthetic.slug}/" not in xml
    assert f"/providers/{draft.slug}/" not in xml
