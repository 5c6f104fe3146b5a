"""Read-only panels of the guidance page editor: readability of the text and visitors' feedback."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from home.readability import get_thresholds


class ReadabilityPanel(Panel):
    """Scores of the content as last saved (draft or published), with the longest sentences."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance.readability() if self.instance.pk else None
            thresholds = get_thresholds()
            context.update(
                report=report,
                thresholds=thresholds,
                long_word_limit_percent=round(100 * thresholds["max_long_word_share"]),
                problems=report.problems(thresholds) if report else [],
                longest=report.longest_sentences() if report else [],
                long_word_percent=round(100 * report.long_word_share) if report else 0,
            )
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Plain language check"))
        kwargs.setdefault(
            "help_text", _("Scores of the text as last saved. Save a draft to recalculate them after editing.")
        )
        super().__init__(**kwargs)


class FeedbackPanel(Panel):
    """The page's “Was this page helpful?” counters."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/feedback_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["feedback"] = self.instance.feedback_counts() if self.instance.pk else None
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Was this page helpful? Visitors' answers"))
        super().__init__(**kwargs)
