"""Addresses that bounce after the message was accepted (asynchronous bounces) are flagged like refusals.

Feed them in with `manage.py verification_bounces`: either the addresses as arguments, or delivery status
notifications (RFC 3464, what mail servers send back) on standard input, e.g. from the bounce mailbox's
pipe (Postfix: an alias `bounces: "|/srv/portal/.venv/bin/python /srv/portal/manage.py verification_bounces -"`).
Only permanent failures (Action: failed, Status 5.x.x) count; the latest message to each address is flagged.
"""

import email
from email import policy

from django.db.models import Max

from .models import Message


def failed_recipients(raw):
    """The addresses a delivery status notification reports as permanently failed."""
    report = email.message_from_bytes(raw, policy=policy.compat32)
    found = []
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload() or []:
            action = (block.get("Action") or "").strip().lower()
            status = (block.get("Status") or "").strip()
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient") or ""
            address = recipient.split(";", 1)[-1].strip().strip("<>").lower()
            if action == "failed" and status.startswith("5") and "@" in address:
                found.append(address)
    return found


def flag(addresses, reason="returned as undeliverable"):
    """Mark the latest delivered message to each address as bounced; returns how many were flagged."""
    addresses = {address.strip().lower() for address in addresses if address and "@" in address}
    if not addresses:
        return 0
    latest = (
        Message.objects.filter(email__in=addresses, status=Message.Status.SENT)
        .values("email")
        .annotate(last=Max("pk"))
        .values_list("last", flat=True)
    )
    return Message.objects.filter(pk__in=list(latest)).update(status=Message.Status.BOUNCED, error=reason[:500])
