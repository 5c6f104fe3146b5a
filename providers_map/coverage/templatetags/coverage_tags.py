"""`{% load coverage_tags %}`: shares as «35,2 %» and counts with digit groups, as the coverage pages print them."""

from django import template

from providers_map.coverage.presentation import count, percent

register = template.Library()
register.filter("share_percent", percent)
register.filter("people", count)
