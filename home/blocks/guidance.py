"""Blocks of plain-language guidance pages for parents.

Each block knows which of its text is read (`readable_chunks`), so the readability panel sees what a
parent reads and not the editor's settings.
"""

import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import ParagraphBlock
from home.blocks.basic import HeadingBlock
from home.readability import html_chunks
from materials.blocks import VideoBlock

SUMMARY_MIN_POINTS = 1
SUMMARY_MAX_POINTS = 5
PROVIDERS_LIST_PATH = "/providers/"

# Alt text that says nothing about the picture: a file name or a generic word.
MEANINGLESS_ALT_RE = re.compile(
    r"^(?:.*\.(?:jpe?g|png|gif|webp|svg)|img[_-]?\d*|image|picture|photo|фото|картинка|изображение|рисунок)$",
    re.IGNORECASE,
)


class KeyPointBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        label = _("Key point")
        help_text = _("One short sentence a parent should remember.")

    def readable_chunks(self, value):
        return [value] if value else []


class SummaryBlock(blocks.StreamBlock):
    """“Коротко”: from one to five key points shown at the top of a guidance page."""

    point = KeyPointBlock()

    class Meta:
        min_num = SUMMARY_MIN_POINTS
        max_num = SUMMARY_MAX_POINTS
        template = "blocks/summary_block.html"
        help_text = _("From one to five key points: what the parent should know even without reading further.")

    def clean(self, value):
        count = len(value)
        too_few = count < SUMMARY_MIN_POINTS and not self.is_deferred_validation
        if too_few or count > SUMMARY_MAX_POINTS:
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _("“In brief” needs from %(min)d to %(max)d key points; now there are %(count)d.")
                            % {"min": SUMMARY_MIN_POINTS, "max": SUMMARY_MAX_POINTS, "count": count}
                        )
                    ]
                )
            )
        return super().clean(value)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("important", _("Important")), ("tip", _("Tip"))],
        default="important",
        help_text=_("“Important” for a warning or a right, “Tip” for practical advice."),
    )
    text = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link"], help_text=_("Two or three short sentences.")
    )

    class Meta:
        icon = "warning"
        label = _("Callout: Important / Tip")
        template = "blocks/callout_block.html"
        help_text = _("A highlighted box that draws attention to one thing.")
        preview_value = {"kind": "tip", "text": "<p>Возьмите на приём выписки врачей и список вопросов.</p>"}

    def readable_chunks(self, value):
        return html_chunks(value["text"])


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160, help_text=_("What to do, in a few words."))
    text = blocks.TextBlock(label=_("Explanation"), required=False, help_text=_("Details, if needed."))

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=160, help_text=_("For example: “How to apply”.")
    )
    steps = blocks.ListBlock(StepBlock(), min_num=2, label=_("Steps"), help_text=_("In the order they are done."))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/steps_block.html"
        help_text = _("A procedure in numbered steps, from the first to the last.")
        preview_value = {
            "heading": "Как записаться",
            "steps": [
                {"title": "Позвоните в службу", "text": "Номер есть на карте служб."},
                {"title": "Придите на встречу", "text": "Возьмите документы ребёнка."},
            ],
        }

    def readable_chunks(self, value):
        chunks = []
        for step in value["steps"]:
            chunks.append(step["title"])
            if step["text"]:
                chunks.extend(step["text"].split("\n"))
        return chunks


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200, help_text=_("As a parent would ask it."))
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"], help_text=_("A short, direct answer.")
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


class QuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=160, help_text=_("For example: “Frequent questions”.")
    )
    items = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/questions_block.html"
        help_text = _("Questions that open on click or with the keyboard; the answers work without JavaScript.")
        preview_value = {
            "heading": "Частые вопросы",
            "items": [{"question": "Нужна ли инвалидность?", "answer": "<p>Нет. Инвалидность не нужна.</p>"}],
        }

    def readable_chunks(self, value):
        chunks = []
        for item in value["items"]:
            chunks.append(item["question"])
            chunks.extend(html_chunks(item["answer"]))
        return chunks


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Image description (alt text)"),
        required=False,
        max_length=250,
        help_text=_(
            "Required. What the picture shows, for people who cannot see it: "
            "for example “Mother plays with her son on the floor”."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the image.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        help_text = _("A photo or an illustration with a description for screen reader users.")

    def clean(self, value):
        alt = " ".join((value.get("alt") or "").split())
        if not alt:
            raise StructBlockValidationError(
                block_errors={
                    "alt": ValidationError(
                        _("Describe the image: people who use screen readers hear this text instead of the picture.")
                    )
                }
            )
        if MEANINGLESS_ALT_RE.match(alt):
            raise StructBlockValidationError(
                block_errors={
                    "alt": ValidationError(_("A file name or a word like “photo” does not describe the image."))
                }
            )
        value["alt"] = alt
        return super().clean(value)

    def readable_chunks(self, value):
        return [value["caption"]] if value.get("caption") else []


def providers_list_url(service=None, concern=None, age_months=None):
    """Address of the public provider list with preset filters (the registry app owns the list view)."""
    try:
        base = reverse("providers:list")
    except NoReverseMatch:
        base = PROVIDERS_LIST_PATH
    params = [
        (name, value)
        for name, value in (("service", service), ("concern", concern), ("age", age_months))
        if value not in (None, "")
    ]
    return f"{base}?{urlencode(params)}" if params else base


class FindHelpBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default="Где получить помощь рядом с домом", help_text=_("Shown in bold.")
    )
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        max_length=400,
        help_text=_("One or two sentences: what help the parent will find."),
    )
    service = SnippetChooserBlock(
        "core.ServiceType", label=_("Service"), required=False, help_text=_("Show providers of this service.")
    )
    concern = SnippetChooserBlock(
        "core.DevelopmentalConcern",
        label=_("Developmental concern"),
        required=False,
        help_text=_("Show providers who work with this concern."),
    )
    age_group = SnippetChooserBlock(
        "core.AgeGroup", label=_("Child's age"), required=False, help_text=_("Show providers for this age.")
    )
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=80,
        default="Найти службы на карте и в списке",
        help_text=_("What the link says."),
    )

    class Meta:
        icon = "site"
        label = _("Find help near you")
        template = "blocks/find_help_block.html"
        help_text = _("A link to the list and map of providers with filters already chosen.")
        preview_value = {
            "heading": "Где получить помощь рядом с домом",
            "text": "Службы ранней помощи есть в каждом регионе.",
            "link_text": "Найти службы",
        }

    def url(self, value):
        service, concern, age = value.get("service"), value.get("concern"), value.get("age_group")
        return providers_list_url(
            service=service.slug if service else None,
            concern=concern.slug if concern else None,
            age_months=age.min_months if age else None,
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["url"] = self.url(value)
        return context

    def readable_chunks(self, value):
        return [value["text"]] if value.get("text") else []


class RelatedPageBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", ["home.GuidancePage", "materials.MaterialPage"])
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Related page")
        help_text = _("A guidance page or a library material that continues the topic.")


class GuidanceBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    questions = QuestionsBlock()
    image = ImageBlock()
    video = VideoBlock()
    find_help = FindHelpBlock()

    class Meta:
        template = "blocks/stream.html"
