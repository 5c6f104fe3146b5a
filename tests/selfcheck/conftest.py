from tests.search.conftest import index_prefix  # noqa: F401 (a private index prefix per test)
