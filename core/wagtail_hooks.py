from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.models import AgeGroup, DevelopmentalConcern, Language, Region, ServiceType, Topic


def _taxonomy_viewset(model_cls, icon, extra_columns=()):
    return type(
        f"{model_cls.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": model_cls,
            "icon": icon,
            "list_display": ["name", "slug", *extra_columns, "sort_order"],
            "search_fields": ["name", "slug"],
        },
    )


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "federal_district"]
    list_filter = ["federal_district"]
    search_fields = ["name", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "list-ul"
    menu_order = 900
    items = (
        _taxonomy_viewset(Topic, "tag"),
        _taxonomy_viewset(AgeGroup, "time", ("min_months", "max_months")),
        _taxonomy_viewset(DevelopmentalConcern, "help"),
        _taxonomy_viewset(ServiceType, "list-ul"),
        _taxonomy_viewset(Language, "globe", ("code",)),
        RegionViewSet,
    )


register_snippet(TaxonomyGroup)
