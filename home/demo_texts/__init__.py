"""Demo guidance for parents, written in plain Russian (ясный язык). Data only: home/demo.py builds the pages.

Each page is a dict: slug, title, topics/ages/concerns (taxonomy slugs), points ("Коротко"), body (block
tuples made with the helpers in `blocks`), reviewer (name, role, date) and related (slugs of other pages).
"""

from home.demo_texts.basics import PAGES as BASICS
from home.demo_texts.family import PAGES as FAMILY
from home.demo_texts.signs import PAGES as SIGNS

PAGES = BASICS + SIGNS + FAMILY

__all__ = ["PAGES"]
