"""HTTP byte ranges for video documents.

Wagtail's document view always sends the whole file; browsers then cannot seek a `<video>` (Chrome resets
`currentTime` to 0 when the server does not accept ranges). We answer `Range` requests for local video files
ourselves, at most CHUNK bytes per response (a server may send less than asked; media players then ask for
the rest), only after the collection's view restrictions allow the request (Wagtail's own restriction hook
may run after ours because this app is listed earlier in INSTALLED_APPS).
"""

import os
import re

from django.http import HttpResponse

from materials import media

CHUNK = 2 * 1024 * 1024  # the hook must return an HttpResponse (not streaming), so bound the memory used
# At most 18 digits a side (any real file size fits): a longer number is no range we can serve, so the header is
# ignored as RFC 9110 allows, and int() never meets a number beyond its 4 300-digit limit.
RANGE = re.compile(r"^bytes=(\d{0,18})-(\d{0,18})$")


def _restricted(document, request):
    return any(not r.accept_request(request) for r in document.collection.get_view_restrictions())


def serve_media_range(document, request):
    header = request.headers.get("Range", "")
    if not header or not media.is_video(document) or _restricted(document, request):
        return None
    try:
        path = document.file.path
        size = os.path.getsize(path)
    except (NotImplementedError, ValueError, OSError):
        return None
    match = RANGE.match(header.strip())
    if not match or (not match.group(1) and not match.group(2)):
        return None  # multiple or malformed ranges: let Wagtail send the whole file
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    end = min(end, start + CHUNK - 1)
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start + 1)
    response = HttpResponse(data, status=206, content_type=media.mime_type(document))
    response["Content-Range"] = f"bytes {start}-{start + len(data) - 1}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = "inline"
    return response
