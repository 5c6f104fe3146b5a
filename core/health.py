"""What /healthz reports besides the database: each app registers a small check from its `AppConfig.ready()`.

    from core import health
    health.register("search", search_status)   # a callable returning a JSON-able dict

A check reports, it never fails the probe: only the database decides the status code (a load balancer must
keep serving pages on the database fallback while search is down).
"""

_CHECKS = {}


def register(name, check):
    _CHECKS[name] = check


def reports():
    """{name: what its check says}, in registration order; a check that raises reports its error's class."""
    result = {}
    for name, check in _CHECKS.items():
        try:
            result[name] = check()
        except Exception as exc:  # a check is advisory: its failure is reported, never raised
            result[name] = {"status": "error", "error": exc.__class__.__name__}
    return result
