from django import template

register = template.Library()


@register.simple_tag
def library_url(view, **changes):
    """The library's current URL state with some parameters changed, e.g. {% library_url library page=2 %}."""
    return view.url(**changes)
