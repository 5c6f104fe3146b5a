"""«Мой список» /providers/my-list/: saved providers on this device, printable, shared as a link.

GET shows the list (or, with ?ids=…, a list someone shared); POST adds or removes providers (plain forms,
so it works without JavaScript; scripts ask for JSON and update the page in place).
"""

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from providers_map import hours as hours_lib
from providers_map import mylist
from providers_map.mapconfig import my_list_strings
from providers_map.models import Organisation
from providers_map.wording import lines


def _organisations(ids):
    found = {
        organisation.pk: organisation
        for organisation in Organisation.objects.public().with_entries().filter(pk__in=ids)
    }
    return [found[pk] for pk in ids if pk in found]


def _entries(organisations):
    return [
        {
            "organisation": organisation,
            "phones": lines(organisation.phones),
            "locations": [
                {"location": location, "hours": hours_lib.format_hours(location.opening_hours or {})}
                for location in organisation.locations.all()
            ],
        }
        for organisation in organisations
    ]


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _update(request):
    action = request.POST.get("action", "")
    ids = mylist.parse_ids(request.POST.get("organisation", "") or request.POST.get("ids", ""))
    valid = set(Organisation.objects.public().with_entries().filter(pk__in=ids).values_list("pk", flat=True))
    ids = [pk for pk in ids if pk in valid]
    if action not in ("add", "remove", "clear") or (action != "clear" and not ids):
        if _wants_json(request):
            return JsonResponse(
                {"error": _("The list was not changed"), "details": [_("Choose a provider to save or remove.")]},
                status=400,
            )
        return HttpResponseRedirect(reverse("providers:my_list"), status=303)
    saved = mylist.updated(mylist.saved_ids(request), action, ids)
    if _wants_json(request):
        body = {"saved": bool(ids) and ids[0] in saved, "count": len(saved), "full": len(saved) >= mylist.MAX_ITEMS}
        return mylist.store(JsonResponse(body), saved)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("providers:my_list")
    return mylist.store(HttpResponseRedirect(target, status=303), saved)


@require_http_methods(["GET", "HEAD", "POST"])
def my_list(request):
    if request.method == "POST":
        return _update(request)
    saved = mylist.saved_ids(request)
    shared_text = request.GET.get("ids", "")
    shared = mylist.parse_ids(shared_text) if shared_text else None
    organisations = _organisations(shared if shared is not None else saved)
    share_url = None
    if organisations and shared is None:
        share_url = request.build_absolute_uri(
            reverse("providers:my_list") + "?ids=" + mylist.format_ids(o.pk for o in organisations)
        )
    context = {
        "entries": _entries(organisations),
        "shared": shared is not None,
        "shared_invalid": shared_text != "" and not shared,
        "shared_ids": mylist.format_ids(shared or []),
        "saved_ids": set(saved),
        "share_url": share_url,
        "my_list_strings": my_list_strings(),
        "saved_count": len(saved),
        "page_title": None,
    }
    return render(request, "providers_map/finder/my_list.html", context)
