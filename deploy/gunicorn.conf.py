"""gunicorn's settings for the portal: `gunicorn --config deploy/gunicorn.conf.py portal.wsgi:application`.

deploy/Procfile starts it so; `make serve` runs that file. Everything a deployment changes comes from the
environment: PORT (the Procfile convention) or GUNICORN_BIND, WEB_CONCURRENCY (worker processes),
GUNICORN_TIMEOUT, GUNICORN_ACCESS_LOG (a path, or "-" for standard output; off by default: the TLS proxy
in front logs every request already).
"""

import os

from django.core.cache import caches
from django.db import connections

bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Sync workers: page views are CPU-bound Python, so about two per core keep the cores busy while some wait on
# PostgreSQL or Elasticsearch. Requests beyond that wait in the listen queue instead of failing.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
worker_class = "sync"
# Django and Wagtail are imported once in the master and the workers fork from it: faster start-up and memory
# shared between the workers.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# A worker is replaced after so many requests (with jitter, so they are not replaced all at once).
max_requests = 2000
max_requests_jitter = 200
# The portal answers over-long addresses itself (414 with its own page, PORTAL_MAX_URL_LENGTH = 4 096), so
# gunicorn must let them through: its own default (4 094 bytes) would answer a bare 400 first.
limit_request_line = 8190
# Heartbeat files in memory rather than on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn's control socket (gunicornc) defaults to one path per user, which a second instance on the machine
# would take over: off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Paths without query strings (%(U)s, not the request line %(r)s): the self-check's answers travel in its result
# URLs' query strings and must reach no log line (docs/self-check.md).
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "early-care-portal"


def post_fork(server, worker):
    """Nothing opened in the master before the fork (database, cache sockets) is shared by the workers."""
    connections.close_all()
    caches.close_all()
