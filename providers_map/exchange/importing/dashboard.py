"""The uploader's notification in the admin: a dashboard panel with their imports that finished unseen."""

from wagtail.admin.ui.components import Component

from providers_map.exchange.models import ImportJob

SHOWN = 5


class ImportsPanel(Component):
    name = "providers_imports"
    template_name = "providers_map/exchange/import_dashboard_panel.html"
    order = 140

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        jobs = ImportJob.objects.filter(user=self.user).exclude(status=ImportJob.Status.EXPIRED)
        return {"jobs": list(jobs[:SHOWN]), "unseen": jobs.filter(status=ImportJob.Status.DONE, seen=False).count()}

    def render_html(self, parent_context=None):
        if not ImportJob.objects.filter(user=self.user).exists():
            return ""
        return super().render_html(parent_context)
