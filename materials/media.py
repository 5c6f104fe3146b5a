"""Facts about uploaded media documents: kinds by extension, video duration (ffmpeg), caption cues."""

import logging
import re
import subprocess
from functools import lru_cache

from materials import vtt

logger = logging.getLogger(__name__)

VIDEO_EXTENSIONS = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTION_EXTENSIONS = {"vtt": "text/vtt"}
DURATION_LINE = re.compile(r"Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)")


def extension(document):
    return (document.file_extension or "").lower() if document else ""


def is_video(document):
    return extension(document) in VIDEO_EXTENSIONS


def is_captions(document):
    return extension(document) in CAPTION_EXTENSIONS


def mime_type(document):
    return VIDEO_EXTENSIONS.get(extension(document)) or CAPTION_EXTENSIONS.get(extension(document), "")


def ffmpeg_exe():
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        return None


def probe_duration(path):
    """Duration in whole seconds (rounded up) read by ffmpeg from the file's header, or None."""
    exe = ffmpeg_exe()
    if not exe:
        return None
    try:
        result = subprocess.run(
            [exe, "-hide_banner", "-nostdin", "-i", str(path)], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        logger.warning("ffmpeg could not read %s: %s", path, exc)
        return None
    match = DURATION_LINE.search(result.stderr.decode("utf-8", "replace"))
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    total = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    return max(1, int(-(-total // 1))) if total > 0 else None


def document_duration(document):
    """Duration of a video document when it is stored on the local disk, else None."""
    try:
        path = document.file.path
    except (NotImplementedError, ValueError):
        return None
    return probe_duration(path)


def read_document(document):
    with document.file.open("rb") as handle:
        return handle.read()


@lru_cache(maxsize=256)
def _cues_from_file(document_id, file_hash, name):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(pk=document_id)
    return tuple(vtt.parse(read_document(document)))


def caption_cues(document):
    """Parsed cues of a captions document (cached by its file hash); raises `vtt.VTTError` when malformed."""
    if document.file_hash:
        return list(_cues_from_file(document.pk, document.file_hash, document.file.name))
    return vtt.parse(read_document(document))
