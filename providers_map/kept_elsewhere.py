"""Entries another registry keeps: harvested from its feed, corrected at the source, refreshed by the next harvest.

The registry core only asks; the sub-app that brings such entries (the data exchange) registers one `Keeper` in its
AppConfig.ready(). Verification leaves these entries to their source (no round mails them; their «Это ваша
организация?» and links point to the registry that keeps them), and the editor names one, with the way out, when a
new or edited entry takes its ИНН/ОГРН.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Keeper:
    condition: Callable  # () -> a Q over Organisation for the entries it keeps
    source_name: Callable  # (organisation) -> the name of the registry that keeps it, or None
    clash_message: Callable  # (organisation) -> the editor's message when another entry has its number, or None


_keepers = []


def register(keeper):
    if keeper not in _keepers:
        _keepers.append(keeper)


def condition():
    """A Q that holds for every entry another registry keeps (none when nothing is registered)."""
    combined = Q(pk__in=[])
    for keeper in _keepers:
        combined |= keeper.condition()
    return combined


def source_name(organisation):
    """The name of the registry that keeps this entry, or None for the portal's own entries."""
    return _first_answer("source_name", organisation)


def clash_message(other):
    """What the editor says when `other` already has the ИНН/ОГРН being entered."""
    return _first_answer("clash_message", other) or _("Another registry entry already has this number.")


def _first_answer(question, organisation):
    for keeper in _keepers:
        answer = getattr(keeper, question)(organisation)
        if answer:
            return answer
    return None
