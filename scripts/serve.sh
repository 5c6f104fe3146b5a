#!/usr/bin/env bash
# make serve: the production process on this machine. Production settings on the local services (`make services`
# writes their addresses to .services/env), the release steps a deployment runs (migrate, collectstatic), then
# deploy/Procfile's processes under honcho: gunicorn with deploy/gunicorn.conf.py and the import worker.
# Ctrl+C stops both. PORT (default 8000) and anything README's Configuration lists may be set beforehand.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The local services' addresses; what the environment already sets wins (`ELASTICSEARCH_URL= make serve` serves
# search from the database).
if [ -f .services/env ]; then
  while read -r _export assignment; do
    name="${assignment%%=*}"
    if [ -z "${!name+x}" ]; then export "${assignment?}"; fi
  done <.services/env
fi
export VENV="${VENV:-$ROOT/.venv}"  # deploy/Procfile's processes run from it
export PATH="$VENV/bin:$PATH"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export PORT="${PORT:-8000}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}"
# No TLS proxy in front of it here, so plain http is answered rather than redirected (a deployment keeps the
# redirect, or lets its proxy do it). Everything else is as in production.
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
mkdir -p var
if [ -z "${SECRET_KEY:-}" ]; then
  # This machine's own secret, made once (var/ is git-ignored).
  [ -s var/secret_key ] || (umask 077 && python -c 'import secrets; print(secrets.token_urlsafe(50))' >var/secret_key)
  SECRET_KEY="$(cat var/secret_key)"
  export SECRET_KEY
fi

python manage.py migrate --noinput
# Hashed names with gzip and Brotli copies (about 40 s of CPU): again only when a static file or the installed
# packages changed since the last collection.
manifest="${STATIC_ROOT:-var/static}/staticfiles.json"
if [ ! -f "$manifest" ] || [ -n "$(find static .venv/.installed -newer "$manifest" -print -quit)" ]; then
  echo "serve: collecting static files" >&2
  python manage.py collectstatic --noinput --verbosity 0
fi
echo "serve: http://127.0.0.1:$PORT (production settings; Ctrl+C stops it)" >&2
exec honcho --procfile deploy/Procfile --env /dev/null start --port "$PORT"
