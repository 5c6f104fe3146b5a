"""The one captioned video block used everywhere (library materials, guidance pages) and library body blocks."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import HeadingBlock, ParagraphBlock
from materials import media, video_sources, vtt

TRANSCRIPT_TIMESTAMP = re.compile(r"^\[?((?:\d{1,2}:)?\d{1,2}:[0-5]\d)\]?(?:\s+[—–-])?\s+(.*)$", re.S)


class TranscriptParagraph:
    """A paragraph of the transcript; `start` (seconds) when the paragraph begins with a timestamp."""

    def __init__(self, text, start=None):
        self.text = text
        self.start = start

    @property
    def timestamp(self):
        return vtt.format_timestamp(self.start) if self.start is not None else ""


def transcript_paragraphs(text):
    """Split a transcript into paragraphs (blank-line separated); read a leading "MM:SS" timestamp of each."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        match = TRANSCRIPT_TIMESTAMP.match(chunk)
        start = vtt.parse_timestamp(match.group(1)) if match else None
        if start is not None:
            paragraphs.append(TranscriptParagraph(" ".join(match.group(2).split()), start))
        else:
            paragraphs.append(TranscriptParagraph(" ".join(chunk.split())))
    return paragraphs


class VideoValue(blocks.StructValue):
    """Helpers the template and JSON-LD use."""

    @property
    def is_file(self):
        return bool(self.get("video_file"))

    @property
    def mime_type(self):
        return media.mime_type(self.get("video_file"))

    @property
    def sources(self):
        """[(document, mime type)]: the video's files in the order the player should try them."""
        return video_sources.ordered_sources(self.get("video_file"), self.get("alternative_file"))

    @property
    def download_file(self):
        """The file to offer for download: the MP4, which plays everywhere, else the main file."""
        return video_sources.mp4_of(self.get("video_file"), self.get("alternative_file")) or self.get("video_file")

    @property
    def duration_display(self):
        return vtt.format_timestamp(self["duration"]) if self.get("duration") else ""

    @property
    def duration_iso(self):
        """ISO 8601 duration, e.g. PT4M05S, for schema.org."""
        seconds = int(self.get("duration") or 0)
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or hours else "") + f"{secs}S"

    def transcript_paragraphs(self):
        return transcript_paragraphs(self.get("transcript"))

    @property
    def transcript_plain(self):
        return "\n\n".join(p.text for p in self.transcript_paragraphs())


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Video title"), max_length=200, help_text=_("What the video is about, in a few words.")
    )
    video_file = DocumentChooserBlock(
        required=False,
        label=_("Video file"),
        help_text=_("An MP4 or WebM file from the documents library. Fill in either the file or the embed link."),
    )
    alternative_file = DocumentChooserBlock(
        required=False,
        label=_("The same video in the second format"),
        help_text=_(
            "Every video needs an MP4 file (H.264 video, AAC sound) that every phone plays. If the main file "
            "is WebM, add the MP4 here; if it is MP4, you may add a WebM."
        ),
    )
    embed_url = blocks.URLBlock(
        required=False,
        label=_("Embed link"),
        help_text=_(
            "The https address of the player of a video hosting service (its embed link), if there is no file."
        ),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Captions (WebVTT)"),
        help_text=_("Required. A .vtt file with captions in Russian; it is checked when you save the page."),
    )
    transcript = blocks.TextBlock(
        required=False,
        label=_("Transcript"),
        help_text=_(
            "Required. Everything that is said and shown, one paragraph per fragment, paragraphs separated by a "
            "blank line. Start a paragraph with its time, e.g. “01:15 Text”, to make the time a link that "
            "plays the video from that moment."
        ),
    )
    duration = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label=_("Duration, seconds"),
        help_text=_("Filled in automatically from the file or from the captions when left empty; you can correct it."),
    )
    poster = ImageChooserBlock(
        required=False, label=_("Poster"), help_text=_("An image shown before the video starts (optional).")
    )

    class Meta:
        icon = "media"
        label = _("Video with captions")
        template = "blocks/video_block.html"
        value_class = VideoValue
        help_text = _(
            "A video file or an embed link, always with captions and a transcript so that everyone can use it."
        )
        form_classname = "video-block"
        preview_value = {
            "title": "Что такое ранняя помощь",
            "transcript": (
                "00:00 Ранняя помощь — это поддержка малыша и его семьи.\n\n"
                "00:06 Она бесплатна в государственных организациях."
            ),
            "duration": 12,
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        non_block = []
        video_file, embed_url = value.get("video_file"), (value.get("embed_url") or "").strip()
        if bool(video_file) == bool(embed_url):
            non_block.append(
                ValidationError(gettext("Add either a video file or an embed link — exactly one of the two."))
            )
        if video_file and not media.is_video(video_file):
            errors["video_file"] = ValidationError(
                gettext("The video file must be MP4 or WebM; “%(name)s” is not.") % {"name": video_file.filename}
            )
        if "video_file" not in errors:
            errors.update(video_sources.source_errors(video_file, value.get("alternative_file")))
        if embed_url and urlsplit(embed_url).scheme != "https":
            errors["embed_url"] = ValidationError(gettext("The embed link must start with https://."))

        cues = []
        captions = value.get("captions")
        if not captions:
            errors["captions"] = ValidationError(
                gettext(
                    "Add captions: a WebVTT (.vtt) file. Without captions people who do not hear cannot use the video."
                )
            )
        elif not media.is_captions(captions):
            errors["captions"] = ValidationError(
                gettext("Captions must be a WebVTT file with the .vtt extension; “%(name)s” is not.")
                % {"name": captions.filename}
            )
        else:
            try:
                cues = media.caption_cues(captions)
            except vtt.VTTError as exc:
                errors["captions"] = ValidationError(
                    gettext("The captions file is not valid WebVTT. %(error)s") % {"error": exc}
                )
            except OSError:
                errors["captions"] = ValidationError(gettext("The captions file cannot be read; upload it again."))

        paragraphs = transcript_paragraphs(value.get("transcript"))
        if not paragraphs:
            errors["transcript"] = ValidationError(
                gettext("Add a transcript: the text of everything that is said and shown in the video.")
            )

        if not value.get("duration") and not errors.get("video_file"):
            duration = media.document_duration(video_file) if video_file else None
            if duration is None and cues:
                duration = int(-(-cues[-1].end // 1))
            value["duration"] = duration
        duration = value.get("duration")
        if duration and cues and cues[-1].end > duration + 1:
            errors["captions"] = ValidationError(
                gettext("The captions run to %(end)s but the video lasts %(duration)s: check the file or the duration.")
                % {"end": vtt.format_timestamp(cues[-1].end), "duration": vtt.format_timestamp(duration)}
            )
        late = [p for p in paragraphs if duration and p.start is not None and p.start > duration]
        if late and "transcript" not in errors:
            errors["transcript"] = ValidationError(
                gettext("The transcript time %(time)s is beyond the end of the video (%(duration)s).")
                % {"time": late[0].timestamp, "duration": vtt.format_timestamp(duration)}
            )

        if errors or non_block:
            raise StructBlockValidationError(block_errors=errors, non_block_errors=non_block)
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=1000, help_text=_("The quoted words."))
    source = blocks.CharBlock(
        required=False, label=_("Source"), max_length=200, help_text=_("Who said or wrote it (optional).")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        help_text = _("A quotation from a document, a specialist or a parent.")
        preview_value = {
            "text": "Семья — главный участник программы ранней помощи.",
            "source": "Из методических рекомендаций",
        }


class MaterialBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(help_text=_("A section heading of the material (level h2)."))
    paragraph = ParagraphBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ol", "ul"],
        help_text=_("Text with subheadings, lists and links."),
    )
    video = VideoBlock()
    quote = QuoteBlock()

    class Meta:
        template = "blocks/stream.html"
