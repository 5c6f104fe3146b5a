"""Facts about uploaded media documents: kinds by extension, video duration (ffmpeg), caption cues."""

import logging
import re
import subprocess
from functools import lru_cache

from wagtail.documents import get_document_model

import imageio_ffmpeg

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
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        return None


STREAM_LINE = re.compile(r"Stream #\d+:\d+\S*: (Video|Audio): (\w+)")


def _ffmpeg_report(path):
    """What `ffmpeg -i` says about a file (its stderr), or "" when ffmpeg is missing or fails."""
    exe = ffmpeg_exe()
    if not exe:
        return ""
    try:
        result = subprocess.run(
            [exe, "-hide_banner", "-nostdin", "-i", str(path)], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        logger.warning("ffmpeg could not read %s: %s", path, exc)
        return ""
    return result.stderr.decode("utf-8", "replace")


def probe_duration(path):
    """Duration in whole seconds (rounded up) read by ffmpeg from the file's header, or None."""
    match = DURATION_LINE.search(_ffmpeg_report(path))
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    total = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    return max(1, int(-(-total // 1))) if total > 0 else None


def probe_codecs(path):
    """{"video": codec, "audio": codec} of the first streams ffmpeg finds (a missing stream is None);
    None when ffmpeg cannot tell."""
    report = _ffmpeg_report(path)
    streams = STREAM_LINE.findall(report)
    if not streams:
        return None
    codecs = {"video": None, "audio": None}
    for kind, codec in streams:
        codecs.setdefault(kind.lower(), None)
        if codecs[kind.lower()] is None:
            codecs[kind.lower()] = codec.lower()
    return codecs


def _local_path(document):
    try:
        return document.file.path
    except (NotImplementedError, ValueError):
        return None


def document_duration(document):
    """Duration of a video document when it is stored on the local disk, else None."""
    path = _local_path(document)
    return probe_duration(path) if path else None


def document_codecs(document):
    """Codecs of a video document stored on the local disk (see `probe_codecs`), else None."""
    path = _local_path(document)
    return probe_codecs(path) if path else None


def read_document(document):
    with document.file.open("rb") as handle:
        return handle.read()


@lru_cache(maxsize=256)
def _cues_from_file(document_id, file_hash, name):
    document = get_document_model().objects.get(pk=document_id)
    return tuple(vtt.parse(read_document(document)))


def caption_cues(document):
    """Parsed cues of a captions document (cached by its file hash); raises `vtt.VTTError` when malformed."""
    if document.file_hash:
        return list(_cues_from_file(document.pk, document.file_hash, document.file.name))
    return vtt.parse(read_document(document))
