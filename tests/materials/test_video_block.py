from django.template.loader import render_to_string

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest

from materials.blocks import VideoBlock, transcript_paragraphs
from materials.transcripts import cues_for
from tests.materials.builders import make_document, video_bytes, video_value

pytestmark = pytest.mark.django_db


def clean(**overrides):
    block = VideoBlock()
    return block.clean(block.to_python(video_value(**overrides)))


def errors_of(**overrides):
    with pytest.raises(StructBlockValidationError) as info:
        clean(**overrides)
    error = info.value
    return {name: " ".join(e.messages) for name, e in error.block_errors.items()}, " ".join(
        e.message for e in error.non_block_errors.as_data()
    )


def test_valid_video_gets_its_duration_from_the_file():
    value = clean()
    assert value["duration"] == 3  # the generated clip lasts three seconds (ffmpeg reads it)
    assert value.duration_iso == "PT3S"


def test_duration_falls_back_to_the_last_cue_for_embedded_video():
    value = clean(video_file=None, alternative_file=None, embed_url="https://rutube.ru/play/embed/abc")
    assert value["duration"] == 3


def test_editor_duration_is_kept():
    assert clean(duration=5)["duration"] == 5


def test_video_without_captions_is_rejected():
    errors, _ = errors_of(captions=None)
    assert "Добавьте субтитры" in errors["captions"]


def test_video_without_transcript_is_rejected():
    errors, _ = errors_of(transcript="   ")
    assert "Добавьте расшифровку" in errors["transcript"]


def test_file_and_embed_together_are_rejected():
    _, non_block = errors_of(embed_url="https://rutube.ru/play/embed/abc")
    assert "что-то одно" in non_block


def test_neither_file_nor_embed_is_rejected():
    _, non_block = errors_of(video_file=None, alternative_file=None)
    assert "что-то одно" in non_block


def test_malformed_captions_are_rejected_with_the_line():
    broken = make_document("broken.vtt", "WEBVTT\n\n00:01 --> 00:02.000\nТекст\n")
    errors, _ = errors_of(captions=broken.pk)
    assert "не в формате WebVTT" in errors["captions"] and "Строка 3" in errors["captions"]


def test_captions_must_be_a_vtt_document_and_video_mp4_or_webm():
    pdf = make_document("notes.pdf", b"%PDF-1.4\n")
    errors, _ = errors_of(captions=pdf.pk, video_file=pdf.pk)
    assert ".vtt" in errors["captions"]
    assert "MP4 или WebM" in errors["video_file"]


def test_a_webm_alone_is_rejected_because_phones_need_mp4():
    errors, _ = errors_of(alternative_file=None)
    assert "Добавьте это же видео в формате MP4 (видео H.264, звук AAC)" in errors["alternative_file"]


def test_an_mp4_alone_is_enough():
    mp4 = make_document("only.mp4", video_bytes(extension="mp4"))
    value = clean(video_file=mp4.pk, alternative_file=None)
    assert [mime for _doc, mime in value.sources] == ["video/mp4"]
    assert value.download_file == mp4


def test_both_files_in_one_format_are_rejected():
    second = make_document("second.webm", video_bytes())
    errors, _ = errors_of(alternative_file=second.pk)
    assert "Оба файла — WEBM" in errors["alternative_file"]


@pytest.mark.parametrize(
    ("kind", "message"),
    [("mp4-vp9", "должен содержать видео H.264"), ("mp4-opus", "Звук в файле MP4 должен быть в формате AAC")],
)
def test_an_mp4_with_codecs_phones_cannot_play_is_rejected(kind, message):
    odd = make_document("odd.mp4", video_bytes(extension=kind))
    errors, _ = errors_of(alternative_file=odd.pk)
    assert message in errors["alternative_file"]


def test_files_of_different_length_are_rejected():
    longer = make_document("longer.mp4", video_bytes(seconds=6, extension="mp4"))
    errors, _ = errors_of(alternative_file=longer.pk, duration=6)
    assert "разной длины (3 с и 6 с)" in errors["alternative_file"]


def test_a_second_format_needs_a_main_file():
    errors, non_block = errors_of(video_file=None, embed_url="https://rutube.ru/play/embed/abc")
    assert "Сначала выберите основной видеофайл" in errors["alternative_file"]


def test_embed_link_must_be_https():
    errors, _ = errors_of(video_file=None, alternative_file=None, embed_url="http://example.org/embed")
    assert "https://" in errors["embed_url"]


def test_captions_longer_than_the_video_are_rejected():
    errors, _ = errors_of(duration=1)
    assert "субтитры идут до 00:03" in errors["captions"].lower()


def test_transcript_paragraphs_read_leading_timestamps():
    paragraphs = transcript_paragraphs("00:05 Первый.\n\n[1:02:03] — Второй\nабзац.\n\nБез времени.")
    assert [(p.start, p.text) for p in paragraphs] == [(5, "Первый."), (3723, "Второй абзац."), (None, "Без времени.")]


def test_rendered_transcript_has_seek_links_and_captions_track():
    value = clean()
    html = render_to_string("blocks/video_block.html", {"value": value, "self": value})
    assert '<video controls preload="none"' in html
    assert html.index('type="video/webm"') < html.index('type="video/mp4"')
    assert 'kind="captions" srclang="ru"' in html and "default" in html
    assert 'href="#t=00:00" data-seek="0"' in html
    assert 'href="#t=00:01" data-seek="1"' in html
    assert "Семья — главный участник программы." in html
    assert "<script" not in html and "<link" not in html  # the page links the player's assets once


def test_cues_for_a_value_come_from_the_captions():
    cues = cues_for(clean())
    assert [(c.start, c.text, c.fragment) for c in cues] == [
        (0.0, "Здравствуйте! Это лекция о ранней помощи.", "#t=00:00"),
        (1.5, "Семья — главный участник программы.", "#t=00:01"),
    ]


def test_video_range_requests_are_answered_for_seeking(client):
    document = make_document("clip.webm", b"0123456789")
    response = client.get(document.url, HTTP_RANGE="bytes=2-5")
    assert response.status_code == 206
    assert response.content == b"2345"
    assert response["Content-Range"] == "bytes 2-5/10"
    assert response["Content-Type"] == "video/webm"
    assert client.get(document.url, HTTP_RANGE="bytes=20-").status_code == 416


def test_embedded_video_shows_a_titled_iframe_and_plain_timestamps():
    value = clean(video_file=None, alternative_file=None, embed_url="https://rutube.ru/play/embed/abc")
    html = render_to_string("blocks/video_block.html", {"value": value, "self": value})
    assert '<iframe src="https://rutube.ru/play/embed/abc" title="Лекция о ранней помощи"' in html
    assert "<video" not in html
    assert 'href="#t=' not in html  # an external player cannot be driven from the page
    assert '<span class="video-transcript__time">00:01</span>' in html
