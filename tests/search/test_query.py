"""What the query parser reads besides words: the child's age a parent names."""

import pytest

from search.query import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "months"),
    [
        ("ребёнок не говорит в 2 года", 24),
        ("не ходит в полтора года", 18),
        ("не говорит в 2,5 года", 30),
        ("не ходит в 20 месяцев", 20),
        ("сыну 10 недель, не держит голову", 2),
        ("логопед в Бердске", None),
        ("отчёт за 2026 год", None),  # a year, not an age
    ],
)
def test_the_childs_age_is_read_once_in_months(query, months):
    parsed = parse(query)
    assert parsed.age_months == months
    assert any(concept.age for concept in parsed.concepts) is (months is not None)
