"""A video's files: a page offers the same video as WebM (smaller) and MP4 (H.264 video, AAC sound), which
every phone plays, older iPhones included. Here: the order of the sources and the rules an editor's files meet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from materials import media

MP4_VIDEO_CODEC = "h264"
MP4_AUDIO_CODEC = "aac"
# Browsers take the first source they can play: WebM is smaller, MP4 plays everywhere.
SOURCE_ORDER = {"webm": 0, "mp4": 1}
DURATION_TOLERANCE = 1  # seconds two encodings of one video may differ by


def ordered_sources(*documents):
    """[(document, mime type)] of the given video documents, WebM first, without gaps."""
    videos = [doc for doc in documents if doc and media.is_video(doc)]
    videos.sort(key=lambda doc: SOURCE_ORDER.get(media.extension(doc), len(SOURCE_ORDER)))
    return [(doc, media.mime_type(doc)) for doc in videos]


def mp4_of(*documents):
    return next((doc for doc in documents if doc and media.extension(doc) == "mp4"), None)


def _codec_error(document):
    codecs = media.document_codecs(document)
    if not codecs:
        return None  # a file on remote storage, or ffmpeg is missing: nothing to check against
    if codecs.get("video") != MP4_VIDEO_CODEC:
        return gettext(
            "The MP4 file must hold H.264 video, which every phone plays; “%(name)s” holds %(codec)s. "
            "Export it again as MP4 (H.264, AAC)."
        ) % {"name": document.filename, "codec": codecs.get("video") or gettext("no video")}
    if codecs.get("audio") not in (None, MP4_AUDIO_CODEC):
        return gettext(
            "The sound of the MP4 file must be AAC; “%(name)s” has %(codec)s. Export it again as MP4 (H.264, AAC)."
        ) % {"name": document.filename, "codec": codecs["audio"]}
    return None


def source_errors(video_file, alternative_file):
    """{field name: ValidationError} for the two files of a video block (the main file is already known
    to be a video when given)."""
    errors = {}
    if alternative_file and not video_file:
        errors["alternative_file"] = ValidationError(
            gettext("Choose the main video file first; the second format is the same video in another format.")
        )
        return errors
    if not video_file:
        return errors
    if alternative_file and not media.is_video(alternative_file):
        errors["alternative_file"] = ValidationError(
            gettext("The second format must be MP4 or WebM; “%(name)s” is not.") % {"name": alternative_file.filename}
        )
        return errors
    if alternative_file and media.extension(alternative_file) == media.extension(video_file):
        errors["alternative_file"] = ValidationError(
            gettext("Both files are %(format)s: the second one must be the other format (MP4 or WebM).")
            % {"format": media.extension(video_file).upper()}
        )
        return errors
    mp4 = mp4_of(video_file, alternative_file)
    if mp4 is None:
        errors["alternative_file"] = ValidationError(
            gettext(
                "Add the same video as MP4 (H.264 video, AAC sound): iPhones and many older phones cannot play WebM."
            )
        )
        return errors
    problem = _codec_error(mp4)
    if problem:
        errors["alternative_file" if mp4 == alternative_file else "video_file"] = ValidationError(problem)
    elif alternative_file:
        first, second = media.document_duration(video_file), media.document_duration(alternative_file)
        if first and second and abs(first - second) > DURATION_TOLERANCE:
            errors["alternative_file"] = ValidationError(
                gettext("The two files differ in length (%(first)s s and %(second)s s): they must be the same video.")
                % {"first": first, "second": second}
            )
    return errors
