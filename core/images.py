"""Renditions for structured data and feeds, where a lost original file must cost the picture, not the page.

Wagtail's `{% image %}` tag already falls back to a placeholder when an image's original file is missing (restored
database, media not copied); code that asks for a rendition itself gets SourceImageIOError instead.
"""

import logging

from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def rendition_url(image, spec):
    """The URL of `image`'s rendition `spec`, or None when its original file is missing (logged)."""
    try:
        return image.get_rendition(spec).url
    except SourceImageIOError:
        logger.warning("The original file of image %s is missing; it is left out", image.pk)
        return None
