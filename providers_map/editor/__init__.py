"""The registry's editor side in the Wagtail admin: panels, filters, widgets, dashboard and admin endpoints."""
