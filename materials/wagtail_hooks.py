from wagtail import hooks

from materials.range_serve import serve_media_range


@hooks.register("before_serve_document")
def serve_video_ranges(document, request):
    """Byte-range responses for video and caption documents so players can seek (Wagtail serves whole files)."""
    return serve_media_range(document, request)
