"""Small builders for library tests: documents with real content, captions, a generated video."""

import functools
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile

GOOD_VTT = """WEBVTT

1
00:00.000 --> 00:01.500
<v Ведущая>Здравствуйте! Это лекция о ранней помощи.

2
00:01.500 --> 00:03.000
Семья — главный участник программы.
"""


def make_document(filename, content, title=None):
    from wagtail.documents import get_document_model

    if isinstance(content, str):
        content = content.encode("utf-8")
    document = get_document_model()(title=title or filename)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


@functools.cache
def video_bytes(seconds=3, extension="webm"):
    """A tiny real video made with the ffmpeg binary imageio-ffmpeg ships (cached per test session)."""
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"clip.{extension}"
        codec = ["-c:v", "libvpx", "-b:v", "50k"] if extension == "webm" else ["-c:v", "libx264", "-pix_fmt", "yuv420p"]
        subprocess.run(
            [
                imageio_ffmpeg.get_ffmpeg_exe(),
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"color=c=0x0b4f9c:s=160x90:d={seconds}:r=10",
                *codec,
                "-y",
                str(path),
            ],
            check=True,
            timeout=60,
        )
        return path.read_bytes()


def video_value(**overrides):
    """Raw (JSON-like) data of a valid VideoBlock with an uploaded file."""
    data = {
        "title": "Лекция о ранней помощи",
        "video_file": make_document("lecture.webm", video_bytes()).pk,
        "embed_url": "",
        "captions": make_document("lecture.vtt", GOOD_VTT).pk,
        "transcript": "00:00 Здравствуйте! Это лекция о ранней помощи.\n\n00:01 Семья — главный участник программы.",
        "duration": None,
        "poster": None,
    }
    data.update(overrides)
    return data
