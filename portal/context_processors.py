from portal.accessibility import is_low_vision_mode


def accessibility(request):
    """Expose the visually-impaired mode (ГОСТ Р 52872-2019) to every template."""
    return {"low_vision_mode": is_low_vision_mode(request)}
