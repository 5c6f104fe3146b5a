"""Wagtail admin screens of harvesting: feed sources, «Проверить», the dashboard, run reports, the duplicate
review queue and the taxonomy crosswalk. Above `harvest/` (it only calls it)."""
