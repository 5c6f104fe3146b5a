"""The event page's StreamField blocks: its programme (the shared paragraph and heading) and what follows it."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import HeadingBlock, ParagraphBlock


class EventBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"), help_text=_("Slides or a handout (PDF, DOCX, PPTX…)."))
    label = blocks.CharBlock(
        label=_("link text"), required=False, max_length=200, help_text=_("The document title if empty.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "events/blocks/document_link.html"
        help_text = _("A file from the documents library.")


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("page"), page_type=["materials.MaterialPage"], help_text=_("A material of the library.")
    )
    label = blocks.CharBlock(
        label=_("link text"), required=False, max_length=200, help_text=_("The page title if empty.")
    )

    class Meta:
        icon = "link"
        label = _("Library material")
        template = "events/blocks/page_link.html"
        help_text = _("A page of the methods library.")


class EventMaterialsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
    library_page = PageLinkBlock()
