# A private index prefix per test, and the search breaker closed before and after each test (as in tests/search).
from tests.search.conftest import _closed_breaker, index_prefix  # noqa: F401
