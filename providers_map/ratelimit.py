"""Limits of the "report an error" form, on the portal's shared rate limiter (portal/ratelimit.py)."""

from core.ratelimit import RateLimit, anonymised, client_ip

__all__ = ["REPORTS_PER_ORGANISATION", "REPORT_ATTEMPTS", "RateLimit", "anonymised", "client_ip"]

# Saved reports per client and organisation, and all report submissions per client (stops floods of
# invalid or hostile posts while a person correcting a typo still has room).
REPORTS_PER_ORGANISATION = RateLimit("report-org", limit=5, window=600)
REPORT_ATTEMPTS = RateLimit("report-attempts", limit=30, window=600)
