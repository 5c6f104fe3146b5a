"""Fixtures of the data-exchange tests."""

from django.contrib.auth.models import Group

import pytest


@pytest.fixture
def operator(client, django_user_model):
    """A registry operator (may import and harvest), signed in."""
    user = django_user_model.objects.create_user("operator", password="x", email="operator@example.org")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(user)
    return user
