"""The switch of the visually-impaired mode at /low-vision/: a settings page (GET) and a plain form post (POST).

Every control is a submit button or a radio button of an ordinary form, so the switch works without JavaScript.
The view is exempt from CSRF checks on purpose: the settings change only how the site looks to this browser,
and keeping a token out of every page's header form keeps pages cacheable and the form working however old
the page is.
"""

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.accessibility import IMAGES, SCHEMES, SIZES, SPACINGS, Vision, store, vision_for


class VisionForm(forms.Form):
    """Every field is optional: a header button sends just the one setting it changes."""

    mode = forms.ChoiceField(
        label=_("Version of the site"),
        required=False,
        choices=[("on", _("For the visually impaired")), ("off", _("Standard"))],
    )
    size = forms.TypedChoiceField(
        label=_("Text size"), required=False, coerce=int, empty_value=None, choices=list(SIZES.items())
    )
    scheme = forms.ChoiceField(label=_("Colours"), required=False, choices=list(SCHEMES.items()))
    spacing = forms.TypedChoiceField(
        label=_("Letter spacing"), required=False, coerce=int, empty_value=None, choices=list(SPACINGS.items())
    )
    images = forms.TypedChoiceField(
        label=_("Images"), required=False, coerce=int, empty_value=None, choices=list(IMAGES.items())
    )

    def settings_from(self, current):
        data = self.cleaned_data
        if data.get("mode") == "off":
            return Vision()
        images = data.get("images")
        return current.updated(
            size=data.get("size"),
            scheme=data.get("scheme") or None,
            spacing=data.get("spacing"),
            images=None if images is None else bool(images),
        )


def safe_next(request, value):
    """A path on this site to return to; anything else (another host, a scheme) sends the reader home."""
    if value and value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return "/"


def _groups(form, vision):
    """One fieldset per setting: its legend, options, the option in force and the errors of a posted value."""
    defaults = Vision() if not vision.enabled else vision
    current = {
        "size": defaults.size,
        "scheme": defaults.scheme,
        "spacing": defaults.spacing,
        "images": int(defaults.images),
    }
    options = {"size": SIZES, "scheme": SCHEMES, "spacing": SPACINGS, "images": IMAGES}
    return [
        {
            "name": name,
            "legend": form[name].label,
            "errors": form[name].errors,
            "options": [(value, label, value == current[name]) for value, label in choices.items()],
        }
        for name, choices in options.items()
    ]


def _page(request, form, next_url, status=200):
    vision = vision_for(request)
    context = {"form": form, "next_url": next_url, "groups": _groups(form, vision)}
    return render(request, "core/low_vision.html", context, status=status)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def low_vision(request):
    """GET: the settings page. POST: save the settings in the cookie and return to `next` (303)."""
    current = vision_for(request)
    if request.method != "POST":
        return _page(request, VisionForm(), safe_next(request, request.GET.get("next")))
    form = VisionForm(request.POST)
    next_url = safe_next(request, request.POST.get("next"))
    if not form.is_valid():
        return _page(request, form, next_url, status=400)
    response = HttpResponseRedirect(next_url)
    response.status_code = 303
    return store(response, form.settings_from(current))
