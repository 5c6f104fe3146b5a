"""django-csp's middleware with one addition: Wagtail's admin gets its own policy (settings
PORTAL_ADMIN_CONTENT_SECURITY_POLICY), every other page the strict CONTENT_SECURITY_POLICY."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from csp.middleware import CSPMiddleware


def admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefix = admin_prefix()
        if not report_only and parts.config is None and prefix and request.path_info.startswith(prefix):
            parts.config = settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
