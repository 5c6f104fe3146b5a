"""gzip for text responses the application renders (HTML, JSON, XML, CSV, plain text); WhiteNoise serves static
files precompressed before this runs.

Django's GZipMiddleware (with its BREACH mitigation: random bytes in the gzip header) restricted to textual
content types, so video, images, documents and partial (206) responses are never recompressed.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = ("text/", "application/json", "application/geo+json", "application/xml", "application/javascript")
TEXT_SUFFIXES = ("+json", "+xml")


def is_text(content_type):
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type.startswith(TEXT_TYPES) or media_type.endswith(TEXT_SUFFIXES)


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.status_code != 200 or response.has_header("Content-Range"):
            return response
        if not is_text(response.get("Content-Type")):
            return response
        return super().process_response(request, response)
