"""Entries another registry keeps: harvested from its feed, corrected at the source, refreshed by the next harvest.

The registry core only asks; the sub-app that brings such entries (the data exchange) tells it how to find them in
its AppConfig.ready(). Verification leaves them to their source: no round mails them, and their «Это ваша
организация?» and links point to the registry that keeps them.
"""

from django.db.models import Q

_rules = []


def register(condition, source_name):
    """`condition()`: a Q over Organisation for the entries kept elsewhere; `source_name(organisation)`: the name
    of the registry that keeps it, or None."""
    if (condition, source_name) not in _rules:
        _rules.append((condition, source_name))


def condition():
    """A Q that holds for every entry another registry keeps (none when nothing is registered)."""
    combined = Q(pk__in=[])
    for rule, _name in _rules:
        combined |= rule()
    return combined


def source_name(organisation):
    """The name of the registry that keeps this entry, or None for the portal's own entries."""
    for _rule, name in _rules:
        found = name(organisation)
        if found:
            return found
    return None
