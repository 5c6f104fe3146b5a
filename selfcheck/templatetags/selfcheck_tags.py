from django import template

from selfcheck.areas import months_words

register = template.Library()
register.filter("months", months_words)
