"""Small published checklists and warning signs for the self-check's tests (no demo needed)."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage

from core.models import DevelopmentalConcern
from selfcheck.models import AreaAdvice, Milestone, MilestoneChecklist, WarningSign, WarningSignList

SOURCES = "Zubler J. M. et al. Evidence-Informed Milestones. Pediatrics, 2022."
REVIEW = {"sources": SOURCES, "reviewed_by_name": "Анна Петрова", "reviewed_at": datetime.date(2026, 11, 1)}
# (area, text): one or two milestones per area, in plain words
MILESTONES = [
    ("communication", "Говорит два слова вместе."),
    ("communication", "Показывает две части тела."),
    ("social", "Замечает, когда кому-то грустно."),
    ("thinking", "Играет сразу с двумя игрушками."),
    ("movement", "Бегает."),
]


def publish(obj):
    obj.save()
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


def make_checklist(months=24, milestones=MILESTONES, activities="Читайте вместе.\nИграйте в мяч.", **fields):
    checklist = MilestoneChecklist(months=months, **{"intro": "Малыш бегает и говорит.", **REVIEW, **fields})
    checklist.milestones = [Milestone(area=area, text=text) for area, text in milestones]
    areas = dict.fromkeys(area for area, _text in milestones)
    checklist.advice = [AreaAdvice(area=area, activities=activities) for area in areas]
    return publish(checklist)


def make_warning_signs(signs=None):
    hearing = DevelopmentalConcern.objects.get(slug="hearing")
    signs = signs or [
        ("Перестал делать то, что уже умел.", "", None, 0),
        ("Не вздрагивает от громкого звука.", "communication", hearing, 0),
        ("Не откликается на своё имя.", "social", None, 12),
    ]
    warning = WarningSignList(title="Тревожные признаки", **REVIEW)
    warning.signs = [
        WarningSign(text=text, area=area, concern=concern, from_months=months) for text, area, concern, months in signs
    ]
    return publish(warning)


def make_image(title="Бег"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b4f9c").save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file.save("picture.png", ImageFile(buffer, name="picture.png"), save=False)
    image.save()
    return image
