"""Every cookie the application sets leaves with the portal's flags (see portal/cookies.py).

Views should set cookies through `core.cookies.set_cookie`; this middleware is the safety net for the
cookies they do not (libraries, future code): Secure when PORTAL_COOKIE_SECURE (production), and a SameSite
value when none was given.
"""

from core.cookies import apply_policy


class CookiePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for morsel in response.cookies.values():
            apply_policy(morsel)
        return response
