from django.core.management import call_command

from search.client import index_name, search_status


def test_index_names_carry_the_environment_prefix(settings):
    settings.SEARCH_INDEX_PREFIX = "Staging"
    assert index_name("providers") == "staging-providers"
    settings.SEARCH_INDEX_PREFIX = ""
    assert index_name("providers") == "providers"


def test_without_elasticsearch_url_search_runs_on_the_database(settings, capsys, db):
    settings.ELASTICSEARCH_URL = ""
    assert search_status() == {
        "backend": "database",
        "mode": "database",
        "status": "ok",
        "detail": "ELASTICSEARCH_URL is not set",
    }
    call_command("search_index", "--status")
    assert "Search runs on the database" in capsys.readouterr().out


def test_unreachable_elasticsearch_is_reported_not_raised(settings):
    settings.ELASTICSEARCH_URL = "http://user:secret@127.0.0.1:9/"
    status = search_status()
    assert status["backend"] == "elasticsearch"
    assert status["status"] == "unavailable"
    assert "secret" not in status["url"]
