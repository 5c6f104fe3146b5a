import json
import re

import pytest

from materials.models import MaterialFile, TranscriptCue
from materials.transcripts import cues_for
from tests.materials.builders import GOOD_VTT, make_document, video_bytes
from tests.materials.factories import make_index, make_material

pytestmark = pytest.mark.django_db


def video_stream(**overrides):
    value = {
        "title": "Лекция об оценке",
        "video_file": make_document("lecture.webm", video_bytes()),
        "alternative_file": make_document("lecture.mp4", video_bytes(extension="mp4")),
        "embed_url": "",
        "captions": make_document("lecture.vtt", GOOD_VTT),
        "transcript": "00:00 Здравствуйте! Это лекция о ранней помощи.\n\n00:01 Семья — главный участник программы.",
        "duration": 3,
        "poster": None,
    }
    value.update(overrides)
    return [("video", value)]


@pytest.fixture
def material():
    index = make_index()
    page = make_material(
        index,
        title="Оценка <функционирования>",
        material_type="video-lecture",
        topics=["assessment-iprp", "communication"],
        ages=["1-2y"],
        region="78",
        year=2023,
        evidence_status="peer-reviewed",
        authors="Ким Р. А., Лебедева А. В.",
        organisation="Институт раннего вмешательства",
        summary="Лекция </script><script>alert(1)</script> об оценке.",
        video=video_stream(),
    )
    pdf = make_document("recommendations.pdf", b"%PDF-1.4\n" + b"x" * int(1.2 * 1024 * 1024))
    MaterialFile.objects.create(page=page, document=pdf, label="Полный текст", sort_order=0)
    page.save_revision().publish()
    return page


def test_downloads_show_type_and_human_size(client, material):
    html = client.get(material.url).content.decode()
    assert re.search(r'<a href="/documents/\d+/recommendations[^"/]*\.pdf" download>Полный текст</a>\s*'
                     r'<span class="downloads__meta">\(PDF, 1,2 МБ\)</span>', html)  # fmt: skip


def test_citation_line(client, material):
    html = client.get(material.url).content.decode()
    assert (
        "Ким Р. А., Лебедева А. В. Оценка &lt;функционирования&gt; / Институт раннего вмешательства. — 2023. — "
        f"URL: http://testserver{material.url}"
    ) in html


def test_video_transcript_has_seek_links_and_captions(client, material):
    html = client.get(material.url).content.decode()
    assert '<track kind="captions" srclang="ru"' in html
    assert 'href="#t=00:00" data-seek="0"' in html and 'href="#t=00:01" data-seek="1"' in html
    assert html.count('src="/static/js/video-transcript.js"') == 1
    assert html.count('href="/static/css/video.css"') == 1


def test_video_offers_webm_then_mp4_and_loads_nothing_before_play(client, material):
    html = client.get(material.url).content.decode()
    player = html[html.index("<video") : html.index("</video>")]
    assert 'preload="none"' in player
    sources = re.findall(r'<source src="([^"]+)" type="([^"]+)">', player)
    assert [(src.rsplit(".", 1)[1], mime) for src, mime in sources] == [("webm", "video/webm"), ("mp4", "video/mp4")]
    download = re.search(r'<a href="([^"]+)">Скачать видео \(MP4\)</a>', html)
    assert download and download.group(1) == sources[1][0]


def test_json_ld_is_a_learning_resource_with_a_captioned_video_and_safe(client, material):
    html = client.get(material.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    assert "</script><script>" not in scripts[0]  # the summary cannot break out of the element
    data = json.loads(scripts[0])
    assert data["@type"] == "LearningResource"
    assert data["learningResourceType"] == "видеолекция"
    assert data["description"].startswith("Лекция </script>")
    assert [a["name"] for a in data["author"]] == ["Ким Р. А.", "Лебедева А. В."]
    assert data["associatedMedia"][0]["encodingFormat"] == "PDF"
    video = data["video"][0]
    assert video["@type"] == "VideoObject"
    assert video["duration"] == "PT3S"
    assert video["transcript"].startswith("Здравствуйте! Это лекция")
    assert video["caption"]["encodingFormat"] == "text/vtt"
    assert video["contentUrl"].endswith(".mp4") and video["encodingFormat"] == "video/mp4"


def test_related_materials_share_topics(client, material):
    index = material.get_parent()
    make_material(index, title="Про ИПРП", topics=["assessment-iprp", "communication"])
    make_material(index, title="Про общение", topics=["communication"])
    make_material(index, title="Про права", topics=["rights"])
    html = client.get(material.url).content.decode()
    related = html[html.index("Похожие материалы") :]
    assert related.index("Про ИПРП") < related.index("Про общение")
    assert "Про права" not in related


def test_transcript_cues_are_stored_on_publish_and_removed_on_unpublish(material):
    stored = list(TranscriptCue.stored(material))
    assert [(c.start, c.text, c.fragment) for c in stored] == [
        (0.0, "Здравствуйте! Это лекция о ранней помощи.", "#t=00:00"),
        (1.5, "Семья — главный участник программы.", "#t=00:01"),
    ]
    assert stored[0].video_title == "Лекция об оценке" and stored[0].block_id
    assert [c.text for c in cues_for(material)] == [c.text for c in stored]
    material.unpublish()
    assert not TranscriptCue.objects.filter(page=material).exists()


def test_material_page_query_count_is_bounded(client, material, django_assert_max_num_queries):
    client.get(material.url)
    with django_assert_max_num_queries(25):
        assert client.get(material.url).status_code == 200


def test_cues_cover_every_video_on_the_page_with_its_block_id(material):
    material.body = video_stream(title="Второе видео")
    material.save_revision().publish()
    cues = cues_for(material)
    assert [c.video_title for c in cues] == ["Лекция об оценке"] * 2 + ["Второе видео"] * 2
    assert len({c.block_id for c in cues}) == 2
    assert TranscriptCue.stored(material).count() == 4


def test_replacing_a_caption_file_refreshes_the_stored_cues(material):
    from django.core.files.base import ContentFile

    captions = material.main_video["captions"]
    captions.file.save("lecture-v2.vtt", ContentFile("WEBVTT\n\n00:00.500 --> 00:02.000\nНовая реплика\n".encode()),
                       save=False)  # fmt: skip
    captions._set_document_file_metadata()
    captions.save()
    assert [(c.start, c.text) for c in TranscriptCue.stored(material)] == [(0.5, "Новая реплика")]
