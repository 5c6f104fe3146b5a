"""The portal's cookie policy in one place: Secure in production, SameSite always.

    from core.cookies import set_cookie
    set_cookie(response, "low_vision", "1", max_age=365 * 24 * 3600)

Settings: PORTAL_COOKIE_SECURE (True in production), PORTAL_COOKIE_SAMESITE ("Lax"). `httponly` defaults to
True: pass httponly=False only for a cookie that JavaScript must read.
"""

from django.conf import settings


def cookie_flags(httponly=True):
    return {
        "secure": bool(settings.PORTAL_COOKIE_SECURE),
        "samesite": settings.PORTAL_COOKIE_SAMESITE,
        "httponly": httponly,
    }


def set_cookie(response, key, value, max_age=None, path="/", httponly=True):
    response.set_cookie(key, value, max_age=max_age, path=path, **cookie_flags(httponly=httponly))
    return response


def delete_cookie(response, key, path="/"):
    flags = cookie_flags()
    response.delete_cookie(key, path=path, samesite=flags["samesite"])
    return response


def apply_policy(morsel):
    """Force the policy on an outgoing cookie (http.cookies.Morsel) that was set without it."""
    if settings.PORTAL_COOKIE_SECURE:
        morsel["secure"] = True
    if not morsel["samesite"]:
        morsel["samesite"] = settings.PORTAL_COOKIE_SAMESITE
