from django import template

from materials.transcripts import video_values

register = template.Library()


@register.simple_tag
def library_url(view, **changes):
    """The library's current URL state with some parameters changed, e.g. {% library_url library page=2 %}."""
    return view.url(**changes)


@register.filter
def selected_filter_count(view):
    """How many facet values the reader has chosen (the search words are not counted: they stay in sight)."""
    return sum(1 for facet in view.facets for option in facet.options if option.selected)


@register.filter
def has_video(page):
    """Whether any stream field of the page holds a video block: the page then links the player's stylesheet and
    script once, however many videos it shows (the block template links nothing itself)."""
    return bool(video_values(page))
