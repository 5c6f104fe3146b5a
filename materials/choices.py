"""The library's choices: material types, evidence statuses and audiences (models, facets and search share them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialType(models.TextChoices):
    RECOMMENDATIONS = "recommendations", _("methodological recommendations")
    PROGRAMME = "programme", _("programme")
    PRACTICE = "practice", _("description of an effective practice")
    COLLECTION = "collection", _("collection")
    PRESENTATION = "presentation", _("presentation")
    VIDEO_LECTURE = "video-lecture", _("video lecture")
    WEBINAR = "webinar", _("webinar recording")
    ARTICLE = "article", _("article")


VIDEO_TYPES = {MaterialType.VIDEO_LECTURE, MaterialType.WEBINAR}


class EvidenceStatus(models.TextChoices):
    APPROVED = "approved", _("approved by a ministry or a federal centre")
    PEER_REVIEWED = "peer-reviewed", _("peer-reviewed")
    PRACTICE = "practice", _("description of practice")


# (URL value, model field, label) — audiences are three flags so that a material can serve several.
AUDIENCES = [
    ("specialists", "for_specialists", _("specialists")),
    ("managers", "for_managers", _("managers")),
    ("parents", "for_parents", _("parents")),
]
