"""Images off in the visually-impaired mode: the server leaves content images and video posters out."""

import io

from django.core.files.images import ImageFile
from django.template.loader import render_to_string

import pytest
from PIL import Image as PILImage

from core.accessibility import Vision

pytestmark = pytest.mark.django_db

IMAGES_OFF = Vision(enabled=True, images=False)


@pytest.fixture
def picture():
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b4f9c").save(buffer, "PNG")
    image = get_image_model()(title="Мама и малыш")
    image.file.save("picture.png", ImageFile(buffer, name="picture.png"), save=False)
    image.save()
    return image


def render_image_block(picture, vision):
    value = {"image": picture, "alt": "Мама играет с сыном на полу", "caption": "Игра на полу"}
    return render_to_string("blocks/image_block.html", {"value": value, "vision": vision})


def test_content_image_is_shown_in_the_standard_version_and_with_images_on(picture):
    for vision in (Vision(), Vision(enabled=True)):
        html = render_image_block(picture, vision)
        assert '<img alt="Мама играет с сыном на полу"' in html
        assert "Игра на полу" in html


def test_with_images_off_the_reader_gets_the_description_instead(picture):
    html = render_image_block(picture, IMAGES_OFF)
    assert "<img" not in html
    assert '<p class="image-off">Изображение: Мама играет с сыном на полу</p>' in html
    assert "<figcaption>Игра на полу</figcaption>" in html


def test_video_poster_is_left_out_with_images_off(picture):
    from materials.blocks import VideoBlock
    from tests.materials.builders import video_value

    block = VideoBlock()
    value = block.clean(block.to_python(video_value(poster=picture.pk)))
    shown = render_to_string("blocks/video_block.html", {"value": value, "vision": Vision()})
    hidden = render_to_string("blocks/video_block.html", {"value": value, "vision": IMAGES_OFF})
    assert 'poster="' in shown
    assert "poster=" not in hidden
    assert "<video controls" in hidden
