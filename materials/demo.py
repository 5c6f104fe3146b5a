"""Demo methods library: «Библиотека для специалистов» with 28 materials, real files and captioned videos.

Every file is generated here (PDF with fpdf2, XLSX with openpyxl, DOCX and ODT as minimal packages of our own;
video with the ffmpeg binary that imageio-ffmpeg ships; the Cyrillic font is committed in demo_fonts/); nothing is
downloaded. Running it again changes nothing: pages are found by slug and
documents by title in the demo collection.
"""

import io
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import imageio_ffmpeg

from core.demo_core import child_page
from core.models import AgeGroup, DevelopmentalConcern, Region, Topic
from materials import demo_office, demo_pdf
from materials.demo_data import MATERIALS, XLSX_ROWS
from materials.demo_videos import VIDEOS, duration, transcript_text, vtt_text
from materials.models import MaterialFile, MaterialPage, MaterialsIndexPage, TranscriptCue

ORDER = 20
INDEX_SLUG = "library"
COLLECTION_NAME = "Библиотека для специалистов"


def _collection():
    # a test that flushes the database also removes the root collection the migrations created
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _document(collection, title, filename, make_bytes):
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None:
        return document
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(make_bytes()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _file_text(item):
    return [item["summary"], *item["body"], f"Организация: {item['organisation']}. Год: {item['year']}."]


def _file_bytes(kind, label, item):
    title = f"{item['title']}. {label}"
    if kind == "pdf":
        return demo_pdf.build_pdf(title, _file_text(item))
    if kind == "docx":
        return demo_office.build_docx(title, _file_text(item))
    if kind == "odt":
        return demo_office.build_odt(title, _file_text(item))
    if kind == "xlsx":
        return demo_office.build_xlsx(label, XLSX_ROWS[item["slug"]])
    raise ValueError(f"unknown demo file format {kind}")


# ffmpeg settings per container: WebM (VP8 + Opus) and MP4 (H.264 + AAC, the moov atom first for streaming).
ENCODERS = {
    "webm": ["-c:v", "libvpx", "-deadline", "good", "-cpu-used", "5", "-b:v", "80k", "-c:a", "libopus", "-b:a", "16k"],
    "mp4": [
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "24k",
        "-movflags", "+faststart",
    ],
    "png": ["-frames:v", "1"],
}  # fmt: skip


def _title_filter(video):
    font = demo_pdf.FONT_PATH
    text = video["title"].replace("\\", "").replace(":", "\\:").replace("'", "’")
    return [
        "-vf",
        f"drawtext=fontfile={font}:text='{text}':fontcolor=white:fontsize={min(24, 700 // len(text))}:"
        "x=(w-text_w)/2:y=(h-text_h)/2",
    ]


def video_bytes(video, fmt=None):
    """A colour card with the title, as long as the captions, with a silent sound track: WebM (VP8/Opus) or
    MP4 (H.264/AAC); "png" gives the card as a still image for the poster."""
    fmt = fmt or video["format"]
    seconds = duration(video)
    inputs = ["-f", "lavfi", "-i", f"color=c={video['colour']}:s=480x270:d={seconds}:r=5"]
    if fmt != "png":
        # the sound ends 40 ms early: Opus pads its last frame, and the file must not outlast the captions
        inputs += ["-f", "lavfi", "-i", f"anullsrc=r=48000:cl=mono:d={seconds - 0.04}"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"video.{fmt}"
        subprocess.run(
            [
                imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-loglevel", "error", *inputs, *_title_filter(video),
                *ENCODERS[fmt], "-t", str(seconds), "-threads", "1", "-map_metadata", "-1", "-fflags", "+bitexact",
                "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-y", str(path),
            ],
            check=True,
            timeout=120,
        )  # fmt: skip
        return path.read_bytes()


def _poster(collection, video):
    Image = get_image_model()
    title = f"Заставка: {video['title']}"
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is None:
        image = Image(title=title, collection=collection)
        name = f"poster-{video['colour'][2:]}.png"
        image.file.save(name, ImageFile(io.BytesIO(video_bytes(video, "png")), name=name), save=False)
        image.save()
    return image


def _video_value(collection, key, slug):
    """The block value of a demo video: its main file, the same video in the other format, captions, poster."""
    video = VIDEOS[key]
    main_format = video["format"]
    other_format = "mp4" if main_format == "webm" else "webm"
    files = {
        fmt: _document(
            collection,
            f"Видео ({fmt.upper()}): {video['title']}",
            f"{slug}.{fmt}",
            lambda fmt=fmt: video_bytes(video, fmt),
        )
        for fmt in (main_format, other_format)
    }
    captions = _document(
        collection, f"Субтитры: {video['title']}", f"{slug}.vtt", lambda: vtt_text(video).encode("utf-8")
    )
    value = {
        "title": video["title"],
        "video_file": files[main_format],
        "alternative_file": files[other_format],
        "embed_url": "",
        "captions": captions,
        "transcript": transcript_text(video),
        "duration": duration(video),
        "poster": _poster(collection, video),
    }
    return value, files, captions


def _body(item):
    body = [("paragraph", f"<p>{escape(paragraph)}</p>") for paragraph in item["body"]]
    if item.get("quote"):
        text, source = item["quote"]
        body.insert(1, ("quote", {"text": text, "source": source}))
    return body


def ensure_index(home):
    return child_page(
        home,
        MaterialsIndexPage,
        INDEX_SLUG,
        title="Библиотека для специалистов",
        intro=(
            "Методические рекомендации, программы, описания эффективных практик, сборники и видеолекции "
            "с субтитрами для специалистов ранней помощи, руководителей и родителей."
        ),
        show_in_menus=True,
    )


def build_material(index, collection, item, terms):
    page = MaterialPage(
        title=item["title"],
        slug=item["slug"],
        material_type=item["type"],
        for_specialists="specialists" in item["audiences"],
        for_managers="managers" in item["audiences"],
        for_parents="parents" in item["audiences"],
        authors=item["authors"],
        organisation=item["organisation"],
        region=Region.objects.get(code=item["region"]) if item["region"] else None,
        year=item["year"],
        evidence_status=item["evidence"],
        summary=item["summary"],
        body=_body(item),
    )
    page.topics = [terms["topic"][slug] for slug in item["topics"]]
    page.age_groups = [terms["age"][slug] for slug in item["ages"]]
    page.concerns = [terms["concern"][slug] for slug in item["concerns"]]
    files = []
    for number, (kind, label, _content) in enumerate(item["files"], start=1):
        document = _document(
            collection,
            f"{item['title']} — {label}",
            f"{item['slug']}-{number}.{kind}",
            lambda kind=kind, label=label: _file_bytes(kind, label, item),
        )
        files.append((document, label))
    if item["video"]:
        value, videos, captions = _video_value(collection, item["video"], item["slug"])
        page.video = [("video", value)]
        files += [(videos["mp4"], "Видеофайл лекции (MP4)"), (videos["webm"], "Видеофайл лекции (WebM)")]
        files += [(captions, "Субтитры (WebVTT)")]
    page.files = [MaterialFile(document=document, label=label) for document, label in files]
    # Created live without a revision history (publishing 28 revisions triples the time of every demo load);
    # what publishing would add for us, the stored transcript cues, is done explicitly.
    page.first_published_at = page.last_published_at = timezone.now()
    index.add_child(instance=page)
    TranscriptCue.refresh(page)
    return page


def build(ctx):
    index = ensure_index(ctx.home)
    collection = _collection()
    terms = {
        "topic": {t.slug: t for t in Topic.objects.all()},
        "age": {a.slug: a for a in AgeGroup.objects.all()},
        "concern": {c.slug: c for c in DevelopmentalConcern.objects.all()},
    }
    existing = set(MaterialPage.objects.child_of(index).values_list("slug", flat=True))
    created = 0
    for item in MATERIALS:
        if item["slug"] in existing:
            continue
        build_material(index, collection, item, terms)
        created += 1
    ctx.log(f"materials: library ready ({len(MATERIALS)} materials, {created} new)")
