"""Builders for library pages (small and explicit, no database dumps)."""

import itertools

from core.models import AgeGroup, DevelopmentalConcern, Region, Topic

_numbers = itertools.count(1)


def home_page():
    from core import demo_core
    from home import demo_site

    demo_core.ensure_taxonomies()
    return demo_site.ensure_site()


def make_index(home=None, slug="library"):
    from materials.models import MaterialsIndexPage

    home = home or home_page()
    index = MaterialsIndexPage(title="Библиотека", slug=slug, intro="Материалы для специалистов.")
    home.add_child(instance=index)
    return index


def make_material(index, *, topics=(), ages=(), concerns=(), region=None, audiences=("specialists",), **fields):
    from materials.models import MaterialPage

    number = next(_numbers)
    values = {
        "title": f"Материал {number}",
        "slug": f"material-{number}",
        "material_type": "recommendations",
        "year": 2023,
        "evidence_status": "practice",
        "summary": "Краткое описание материала.",
        "authors": "Иванова А. А., Петров Б. Б.",
        "organisation": "Центр ранней помощи",
        "for_specialists": "specialists" in audiences,
        "for_managers": "managers" in audiences,
        "for_parents": "parents" in audiences,
    }
    values.update(fields)
    page = MaterialPage(**values)
    page.region = Region.objects.get(code=region) if region else None
    page.topics = list(Topic.objects.filter(slug__in=topics))
    page.age_groups = list(AgeGroup.objects.filter(slug__in=ages))
    page.concerns = list(DevelopmentalConcern.objects.filter(slug__in=concerns))
    index.add_child(instance=page)
    return page
