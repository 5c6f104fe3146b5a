"""Blocks shared by the home page and standard pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import ParagraphBlock


class HeadingBlock(blocks.StructBlock):
    """Home's section heading, stored as {"text": …} (the library's shared core.blocks.HeadingBlock is plain text)."""

    text = blocks.CharBlock(label=_("Heading text"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        help_text = _("A section heading of the page (level h2).")
        preview_value = {"text": "Что делать дальше"}


class AudienceCardBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=80, help_text=_("For example: “For parents”."))
    text = blocks.TextBlock(
        label=_("Text"), max_length=300, help_text=_("One or two sentences: what visitors will find there.")
    )
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("Where the card leads: a page of the site, or fill in the link.")
    )
    url = blocks.CharBlock(
        label=_("Link"),
        required=False,
        max_length=300,
        help_text=_("Instead of a page: an address on this site such as /providers/, or a full https:// link."),
    )
    link_text = blocks.CharBlock(label=_("Link text"), max_length=60, help_text=_("For example: “Open”."))

    class Meta:
        icon = "group"
        label = _("Audience card")
        template = "blocks/audience_card_block.html"
        help_text = _("Routes one group of visitors (parents, specialists) to their section.")
        preview_value = {
            "heading": "Родителям",
            "text": "Понятные советы о развитии малыша и о том, где получить помощь.",
            "url": "/",
            "link_text": "Открыть",
        }

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if bool(value.get("page")) == bool(url):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose a page or fill in the link: exactly one of the two."))]
            )
        if url and not url.startswith(("/", "https://", "http://")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("The link must start with / or https://."))}
            )
        return value


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()

    class Meta:
        template = "blocks/stream.html"
