from django import template

register = template.Library()


@register.simple_tag
def library_url(view, **changes):
    """The library's current URL state with some parameters changed, e.g. {% library_url library page=2 %}."""
    return view.url(**changes)


@register.filter
def selected_filter_count(view):
    """How many facet values the reader has chosen (the search words are not counted: they stay in sight)."""
    return sum(1 for facet in view.facets for option in facet.options if option.selected)
