"""`make serve`'s process files run for real: deploy/Procfile under honcho (gunicorn with deploy/gunicorn.conf.py,
the import and mail workers) with production settings, on loopback, against the test database with the demo."""

import re
import subprocess
from urllib.parse import urlsplit

import pytest
from honcho.environ import parse_procfile

from tests.deploy.servers import HONCHO, ROOT, VENV_BIN, ProductionServer, production_env

HASHED_CSS = re.compile(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"')


def sitemap_paths(server):
    answer = server.get("/sitemap.xml")
    assert answer.status == 200
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", answer.text)]


@pytest.mark.slow
@pytest.mark.xdist_group("production")
def test_the_procfile_serves_the_portal_as_a_deployment_would(
    require_postgres, committed_demo, collected_static, tmp_path
):
    env = production_env(collected_static)
    with ProductionServer(env, command=HONCHO, name="procfile", log_dir=tmp_path) as server:
        health = server.get("/healthz")
        assert health.status == 200
        assert health.json()["database"] == {"vendor": "postgresql", "status": "ok"}

        home = server.get("/")
        assert home.status == 200
        assert "Ранняя помощь" in home.text
        assert home.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "script-src 'self'" in home.headers["Content-Security-Policy"]
        # Without the proxy's X-Forwarded-Proto the request came over plain http: production redirects it.
        plain = server.get("/", https=False)
        assert plain.status == 301 and plain.headers["Location"].startswith("https://127.0.0.1")

        paths = sitemap_paths(server)
        guidance = next(path for path in paths if path.startswith("/parents/") and path != "/parents/")
        material = next(path for path in paths if path.startswith("/library/") and path != "/library/")
        provider = next(path for path in paths if path.startswith("/providers/") and path.count("/") == 3)
        for path in [guidance, "/library/", material, "/providers/", provider, "/search/?q=%D1%80%D0%B5%D1%87%D1%8C"]:
            answer = server.get(path)
            assert answer.status == 200, (path, answer.text[:500])
            assert "<main" in answer.text, path
        api = server.get("/api/v1/providers/map?bbox=20,41,180,82&zoom=6")
        assert api.status == 200 and api.json()["type"] == "FeatureCollection"
        assert sum(feature["properties"]["count"] for feature in api.json()["features"]) > 0

        # Static files: hashed names, precompressed, cached for a long time (WhiteNoise after collectstatic).
        stylesheet = HASHED_CSS.search(home.text).group(1)
        for encoding in ("br", "gzip"):
            css = server.get(stylesheet, headers={"Accept-Encoding": encoding})
            assert css.status == 200 and css.headers["Content-Encoding"] == encoding
            assert "immutable" in css.headers["Cache-Control"]
            assert ".site-header" in css.text or "{" in css.text
        assert server.get("/static/css/no-such-file.css").status == 404

        missing = server.get("/no-such-page/")
        assert missing.status == 404 and "Страница не найдена" in missing.text  # not Django's debug page

    output = server.output()
    assert "web.1 started" in output and "worker.1 started" in output and "mail.1 started" in output
    assert len(re.findall(r"Booting worker with pid", output)) == 2  # WEB_CONCURRENCY
    assert "Starting worker" in output  # the import worker polled its queue
    assert "Traceback" not in output


def test_systemd_units_made_from_the_procfile_run_the_same_commands(tmp_path):
    done = subprocess.run(
        [str(VENV_BIN / "honcho"), "--procfile", "deploy/Procfile", "export", "--app", "portal", "--user", "portal"]
        + ["systemd", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    procfile = parse_procfile((ROOT / "deploy" / "Procfile").read_text()).processes
    assert set(procfile) == {"web", "worker", "mail"}
    for name, command in procfile.items():
        unit = (tmp_path / f"portal-{name}-1.service").read_text()
        assert command in unit
        assert "Restart=always" in unit
    assert "gunicorn --config deploy/gunicorn.conf.py" in procfile["web"]
    assert "db_worker --backend imports" in procfile["worker"]
    assert "db_worker --backend mail" in procfile["mail"]
