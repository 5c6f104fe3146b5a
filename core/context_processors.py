from core.accessibility import IMAGES, SCHEMES, SIZES, SPACINGS, vision_for

VISION_CHOICES = {"size": SIZES, "scheme": SCHEMES, "spacing": SPACINGS, "images": IMAGES}


def accessibility(request):
    """Expose the visually-impaired mode (ГОСТ Р 52872-2019) and its choices to every template."""
    vision = vision_for(request)
    return {"vision": vision, "vision_choices": VISION_CHOICES, "low_vision_mode": vision.enabled}
