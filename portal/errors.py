"""Russian error pages that never depend on the database (a 500 may mean the database is down)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: they may query the database that just failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
