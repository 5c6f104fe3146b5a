"""StreamField blocks both content apps use: home's pages (standard, guidance) and the library's materials.

Each app passes what differs (the rich-text features, the help text) as arguments, so migrations record one
class path. Home's heading keeps its own StructBlock ({"text": …}) in home/blocks/basic.py: its stored shape
differs from this plain-text heading, and changing stored content is a data migration, not a refactoring.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2), stored as plain text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/section_heading_block.html"
        help_text = _("A section heading of the page (level h2).")
        preview_value = "Что делать дальше"


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text; `features` default to bold, italic, links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        help_text = _("Short sentences, one idea per paragraph.")
        preview_value = "<p>Ранняя помощь — это поддержка ребёнка и семьи с первых месяцев жизни.</p>"
