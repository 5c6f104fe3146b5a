"""Admin login throttling (django-axes): the Russian lockout answer and the audit entry.

django-axes records every failed attempt (AccessAttempt, AccessFailureLog) and refuses further attempts for
one account, or from one address, after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME.
"""

import logging

from django.conf import settings
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from axes.signals import user_locked_out

from core.errors import problem
from core.ratelimit import anonymised

audit = logging.getLogger("core.security")


def cooloff_minutes():
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429 with what happened and when the reader may try again."""
    minutes = cooloff_minutes()
    message = ngettext(
        "Too many wrong passwords were entered for this account or from this network. Signing in is closed "
        "for %(minutes)d minute. If you have forgotten the password, ask the site administrator to reset it.",
        "Too many wrong passwords were entered for this account or from this network. Signing in is closed "
        "for %(minutes)d minutes. If you have forgotten the password, ask the site administrator to reset it.",
        minutes,
    ) % {"minutes": minutes}
    return problem(request, 429, _("Signing in is temporarily locked"), message, retry_after=minutes * 60)


@receiver(user_locked_out)
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.warning(
        "Admin login locked: account %r, client %s, after %d failures",
        (username or "")[:150],
        anonymised(ip_address or "unknown"),
        settings.AXES_FAILURE_LIMIT,
    )
