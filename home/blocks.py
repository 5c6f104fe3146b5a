from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        help_text = _("A section heading of the page (level h2).")
        preview_value = {"text": "Что делать дальше"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        help_text = _("Short sentences, one idea per paragraph.")
        preview_value = "<p>Ранняя помощь — это поддержка ребёнка и семьи с первых месяцев жизни.</p>"


class AudienceCardBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=80, help_text=_("For example: “For parents”."))
    text = blocks.TextBlock(
        label=_("Text"), max_length=300, help_text=_("One or two sentences: what visitors will find there.")
    )
    page = blocks.PageChooserBlock(label=_("Page"), help_text=_("Where the card leads."))
    link_text = blocks.CharBlock(label=_("Link text"), max_length=60, help_text=_("For example: “Open”."))

    class Meta:
        icon = "group"
        label = _("Audience card")
        template = "blocks/audience_card_block.html"
        help_text = _("Routes one group of visitors (parents, specialists) to their section.")


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()

    class Meta:
        template = "blocks/stream.html"
