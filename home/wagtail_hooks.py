from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail import hooks


@hooks.register("after_publish_page")
def warn_when_guidance_is_hard_to_read(request, page):
    """Publishing is never blocked; the editor is told which plain-language targets the text misses."""
    from home.models import GuidancePage

    page = page.specific
    if not isinstance(page, GuidancePage):
        return
    problems = page.readability().problems()
    if problems:
        messages.warning(
            request,
            _("“%(title)s” is published, but the text is harder to read than the plain-language targets: %(problems)s")
            % {"title": page.title, "problems": " ".join(problems)},
        )
