import pytest

from materials.demo_data import MATERIALS
from materials.models import AUDIENCES, EvidenceStatus, MaterialPage, MaterialType

pytestmark = pytest.mark.django_db


def test_demo_library_covers_every_facet_value(demo_site):
    from core.models import AgeGroup, DevelopmentalConcern, Topic

    pages = MaterialPage.objects.live()
    assert pages.count() == len(MATERIALS) >= 25
    assert set(pages.values_list("material_type", flat=True)) == set(MaterialType.values)
    assert set(pages.values_list("evidence_status", flat=True)) == set(EvidenceStatus.values)
    for _value, field, _label in AUDIENCES:
        assert pages.filter(**{field: True}).exists()
    assert set(Topic.objects.filter(materialpage__in=pages).values_list("slug", flat=True)) == set(
        Topic.objects.values_list("slug", flat=True)
    )
    assert set(AgeGroup.objects.filter(materialpage__in=pages).values_list("slug", flat=True)) == set(
        AgeGroup.objects.values_list("slug", flat=True)
    )
    assert set(DevelopmentalConcern.objects.filter(materialpage__in=pages).values_list("slug", flat=True)) == set(
        DevelopmentalConcern.objects.values_list("slug", flat=True)
    )
    assert pages.exclude(region=None).values("region").distinct().count() >= 8


def test_every_demo_material_renders_and_is_in_the_sitemap(client, demo_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    index = client.get("/library/")
    assert index.status_code == 200
    assert "<loc>http://testserver/library/</loc>" in sitemap or "/library/</loc>" in sitemap
    for page in MaterialPage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f"{page.url}</loc>" in sitemap, page.url
        for item in page.files.all():
            assert client.get(item.document.url, HTTP_RANGE="bytes=0-99").status_code in (200, 206)


def test_demo_videos_are_real_captioned_files(client, demo_site):
    from materials import media
    from materials.models import TranscriptCue

    videos = [p for p in MaterialPage.objects.live() if p.main_video]
    assert len(videos) >= 3
    for page in videos:
        value = page.main_video
        assert media.document_duration(value["video_file"]) == value["duration"]
        assert media.document_duration(value["alternative_file"]) == value["duration"]
        mp4 = value.download_file
        assert mp4.file_extension == "mp4" and media.document_codecs(mp4) == {"video": "h264", "audio": "aac"}
        assert {media.extension(doc) for doc, _mime in value.sources} == {"webm", "mp4"}
        assert value["poster"] is not None
        assert len(media.caption_cues(value["captions"])) >= 5
        assert TranscriptCue.stored(page).count() >= 5
        html = client.get(page.url).content.decode()
        assert html.count('class="video-transcript__time"') >= 5


def test_demo_video_bytes_are_deterministic():
    from materials.demo import video_bytes
    from materials.demo_videos import VIDEOS

    assert video_bytes(VIDEOS["routines"]) == video_bytes(VIDEOS["routines"])


def test_a_poster_whose_file_is_lost_costs_the_picture_not_the_page(client, demo_site):
    """A restored database without its media: the material page still answers, its JSON-LD without a thumbnail."""
    import json
    import re

    from wagtail.images import get_image_model

    page = next(p for p in MaterialPage.objects.live() if p.main_video)
    poster = page.main_video["poster"]
    get_image_model().objects.filter(pk=poster.pk).update(file="original_images/lost-in-a-restore.png")
    poster.renditions.all().delete()
    response = client.get(page.url)
    assert response.status_code == 200
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    videos = [video for block in blocks for video in json.loads(block).get("video", [])]
    assert videos and all("thumbnailUrl" not in video for video in videos)
