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


CODECS = {
    "webm": ["-c:v", "libvpx", "-b:v", "50k"],
    "mp4": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "mp4-vp9": ["-c:v", "libvpx-vp9", "-b:v", "50k", "-f", "mp4"],
    "mp4-opus": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "libopus", "-f", "mp4"],
}


@functools.cache
def video_bytes(seconds=3, extension="webm"):
    """A tiny real video made with the ffmpeg binary imageio-ffmpeg ships (cached per test session).

    "mp4" is H.264 with AAC sound; "mp4-vp9" and "mp4-opus" are MP4 files with codecs phones may not play."""
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"clip.{extension.split('-')[0]}"
        sound = ["-f", "lavfi", "-i", f"anullsrc=r=48000:cl=mono:d={seconds}"] if "mp4" in extension else []
        subprocess.run(
            [
                imageio_ffmpeg.get_ffmpeg_exe(),
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"color=c=0x0b4f9c:s=160x90:d={seconds}:r=10",
                *sound,
                *CODECS[extension],
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
        "alternative_file": make_document("lecture.mp4", video_bytes(extension="mp4")).pk,
        "embed_url": "",
        "captions": make_document("lecture.vtt", GOOD_VTT).pk,
        "transcript": "00:00 Здравствуйте! Это лекция о ранней помощи.\n\n00:01 Семья — главный участник программы.",
        "duration": None,
        "poster": None,
    }
    data.update(overrides)
    return data
