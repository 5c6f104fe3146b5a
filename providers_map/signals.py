"""Signals of the registry: sent by its sub-apps, heard by others (coverage) without importing the sender."""

from django.dispatch import Signal

# Sent by the data exchange once per written import batch, after the rows are saved; organisation_ids = the
# created or changed entries, so listeners (coverage) act once per batch instead of once per `published` signal.
registry_imported = Signal()
