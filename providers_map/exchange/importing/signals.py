"""Signals of the registry import."""

from django.dispatch import Signal

# Sent once per written batch, after the rows are saved: organisation_ids = the created or changed entries.
# Search indexing can refresh these in one bulk call instead of one call per `published` signal.
registry_imported = Signal()
