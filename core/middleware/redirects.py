"""Editors' redirects (Wagtail's: an old page address to its new one), for pages only.

An address under /api/ is the API's: an unknown one stays its JSON 404 for the client that asked, and such
answers (frequent: clients probe ids) no longer cost the site and redirect lookups.
"""

from wagtail.contrib.redirects.middleware import RedirectMiddleware

from core import errors


class PageRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        if errors.is_api(request):
            return response
        return super().process_response(request, response)
