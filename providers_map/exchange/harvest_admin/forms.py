from django import forms
from django.utils.translation import gettext as _

from providers_map.exchange.harvest.sources import kind_of, normal_url
from providers_map.exchange.hsds import Vocabulary
from providers_map.exchange.models import FeedSource


class SourceForm(forms.ModelForm):
    class Meta:
        model = FeedSource
        fields = ["name", "base_url", "regions", "schedule", "contact", "allow_private", "withdraw_after", "active"]
        widgets = {"regions": forms.SelectMultiple(attrs={"size": 8})}

    def clean_base_url(self):
        try:
            url = normal_url(self.cleaned_data["base_url"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        if FeedSource.objects.filter(base_url=url).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This feed is already registered."))
        return url

    def save(self, commit=True):
        source = super().save(commit=False)
        source.kind = kind_of(source.base_url)
        if source.next_harvest_at is None:
            source.schedule_next()
        if commit:
            source.save()
            self.save_m2m()
        return source


def term_choices():
    vocabulary = Vocabulary()
    choices = [("", _("— not decided —"))]
    for taxonomy in vocabulary.taxonomies():
        terms = [t for t in vocabulary.terms() if t["taxonomy_id"] == taxonomy["id"]]
        key = vocabulary.lookup(terms[0]["id"])[0] if terms else ""
        choices.append((taxonomy["name"], [(f"{key}/{t['code']}", t["name"]) for t in terms]))
    return choices
