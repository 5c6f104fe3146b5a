"""Signed, expiring links bound to one organisation and one message (django.core.signing; no account).

The token carries the organisation's id and the message's id, signed with the site's SECRET_KEY and a salt of
its own and stamped with the time it was made. `read()` accepts it only unaltered, younger than
PORTAL_VERIFICATION_LINK_DAYS, for the organisation whose page it is used on, and while its message exists.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "providers_verification.link"
MAX_TOKEN_LENGTH = 300


class LinkError(Exception):
    """Why a link is refused: `reason` is one of "forged", "expired", "other_organisation", "unknown"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Link:
    organisation_id: int
    message_id: int


def link_days():
    return int(getattr(settings, "PORTAL_VERIFICATION_LINK_DAYS", 30))


def make(message):
    return signing.dumps({"o": message.organisation_id, "m": message.pk}, salt=SALT)


def read(token, organisation_id):
    """The Link in `token` if it is genuine, fresh and for this organisation; LinkError otherwise."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkError("forged")
    try:
        data = signing.loads(token, salt=SALT, max_age=link_days() * 24 * 3600)
    except signing.SignatureExpired as exc:
        raise LinkError("expired") from exc
    except signing.BadSignature as exc:
        raise LinkError("forged") from exc
    if not isinstance(data, dict) or not isinstance(data.get("o"), int) or not isinstance(data.get("m"), int):
        raise LinkError("forged")
    if data["o"] != organisation_id:
        raise LinkError("other_organisation")
    return Link(organisation_id=data["o"], message_id=data["m"])
