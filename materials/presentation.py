"""What a material page shows besides its fields: downloads, citation, related materials, JSON-LD.

It works on the page it is given (and its class for related materials), so it needs no import of the models."""

from django.db.models import Count

from core.images import rendition_url
from materials import files, media
from materials.transcripts import video_values

RELATED_LIMIT = 4


def downloads(page):
    return [
        {"title": item.title, "url": item.document.url, "description": files.describe(item.document), "item": item}
        for item in page.files.select_related("document").all()
    ]


def citation(page, url):
    """“Authors. Title / Organisation. — Year. — URL: …” (the usual Russian bibliographic order)."""
    parts = []
    head = f"{page.authors.strip().rstrip('.')}. " if page.authors.strip() else ""
    head += page.title
    if page.organisation:
        head += f" / {page.organisation}"
    parts.append(head.rstrip("."))
    parts.append(str(page.year))
    parts.append(f"URL: {url}")
    return ". — ".join(parts)


def related_materials(page):
    topic_ids = list(page.topics.values_list("pk", flat=True))
    if not topic_ids:
        return []
    return list(
        type(page)
        .objects.live()
        .public()
        .exclude(pk=page.pk)
        .filter(topics__in=topic_ids)
        .annotate(shared=Count("topics"))
        .select_related("region")
        .order_by("-shared", "-year", "title")[:RELATED_LIMIT]
    )


def _video_object(value, page, request, description):
    data = {
        "@type": "VideoObject",
        "name": value.get("title") or page.title,
        "description": description,
        "inLanguage": "ru",
        "transcript": value.transcript_plain,
    }
    if page.first_published_at:
        data["uploadDate"] = page.first_published_at.isoformat()
    if value.get("duration"):
        data["duration"] = value.duration_iso
    if value.get("video_file"):
        download = value.download_file
        data["contentUrl"] = request.build_absolute_uri(download.url)
        data["encodingFormat"] = media.mime_type(download)
    elif value.get("embed_url"):
        data["embedUrl"] = value["embed_url"]
    if value.get("captions"):
        data["caption"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(value["captions"].url),
            "encodingFormat": "text/vtt",
            "inLanguage": "ru",
        }
    poster_url = rendition_url(value["poster"], "width-960") if value.get("poster") else None
    if poster_url:
        data["thumbnailUrl"] = request.build_absolute_uri(poster_url)
    return data


def json_ld(page, request, url, items):
    authors = [name.strip() for name in page.authors.split(",") if name.strip()]
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": "ru",
        "learningResourceType": page.get_material_type_display(),
        "datePublished": str(page.year),
        "audience": [{"@type": "EducationalAudience", "educationalRole": str(label)} for label in page.audiences],
        "about": [topic.name for topic in page.topics.all()],
        "keywords": ", ".join(
            [age.name for age in page.age_groups.all()] + [concern.name for concern in page.concerns.all()]
        ),
        "creativeWorkStatus": page.get_evidence_status_display(),
    }
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    if page.organisation:
        data["publisher"] = {"@type": "Organization", "name": page.organisation}
    if page.region_id:
        data["spatialCoverage"] = {"@type": "Place", "name": page.region.name}
    if items:
        data["associatedMedia"] = [
            {
                "@type": "MediaObject",
                "name": item["title"],
                "contentUrl": request.build_absolute_uri(item["url"]),
                "encodingFormat": files.type_label(item["item"].document),
                **(
                    {"contentSize": files.human_size(item["item"].document.file_size)}
                    if item["item"].document.file_size
                    else {}
                ),
            }
            for item in items
        ]
    videos = [_video_object(value, page, request, page.summary) for _id, value in video_values(page)]
    if videos:
        data["video"] = videos
    return data


def material_context(page, request):
    url = request.build_absolute_uri(page.get_url(request))
    items = downloads(page)
    return {
        "downloads": items,
        "citation": citation(page, url),
        "related_materials": related_materials(page),
        "json_ld": json_ld(page, request, url, items),
        "audience_labels": [str(label) for label in page.audiences],
        "library_index": page.get_parent(),
    }
