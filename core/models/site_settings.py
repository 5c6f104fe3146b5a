from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Contacts and footer text that editors change without a developer."""

    hotline_phone = models.CharField(
        _("hotline phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown in the header and footer, for example 8 800 000-00-00."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True, help_text=_("Shown in the footer."))
    operator_name = models.CharField(
        _("portal operator"),
        max_length=255,
        blank=True,
        help_text=_("The organisation that runs the portal; shown in the footer."),
    )
    footer_note = models.TextField(
        _("footer text"), blank=True, help_text=_("One or two plain-language sentences about the portal.")
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page footer: how the site works for people with disabilities."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal data policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page footer and from forms that ask for an e-mail."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("hotline_phone"), FieldPanel("contact_email")], heading=_("Contacts")),
        FieldPanel("operator_name"),
        FieldPanel("footer_note"),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Footer links")),
    ]

    select_related = ["accessibility_page", "privacy_page"]

    class Meta:
        db_table = "portal_portalsettings"
        verbose_name = _("portal settings")
