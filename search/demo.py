"""Demo content owned by search: the editors' synonym groups and a few promoted results (load_demo).

ORDER = 95: after the guidance pages and the library (home 90, materials 20), whose pages are promoted.
Idempotent: groups are matched by their first term, promotions by their queries.
"""

from wagtail.models import Page

from search.models import PromotedResult, SynonymGroup

ORDER = 95

SYNONYMS = [
    ("РАС, аутизм, расстройство аутистического спектра, аутичный", "Родители пишут «аутизм», специалисты — «РАС»."),
    ("ДЦП, детский церебральный паралич, церебральный паралич", ""),
    ("ОВЗ, ограниченные возможности здоровья", ""),
    ("ИПРП, индивидуальная программа ранней помощи", ""),
    ("ИПРА, индивидуальная программа реабилитации и абилитации, индивидуальная программа реабилитации", ""),
    ("ТСР, технические средства реабилитации, средства реабилитации", ""),
    ("КЦСОН, комплексный центр социального обслуживания населения, комплексный центр социального обслуживания", ""),
    ("ПМПК, психолого-медико-педагогическая комиссия", ""),
    ("МСЭ, медико-социальная экспертиза", ""),
    ("ЗПР, задержка психического развития", ""),
    (
        "ЗРР, задержка речевого развития, задержка речи, нарушения речи, не говорит",
        "Так родители описывают, что ребёнок не говорит; в реестре это услуги при нарушениях речи.",
    ),
    ("логопед, нарушения речи, развитие речи, речь", ""),
    ("плохо слышит, нарушение слуха, тугоухость, слабослышащий, глухота, сурдолог", ""),
    ("плохо видит, нарушение зрения, слабовидящий, незрячий, слепота", ""),
    ("бесплатно, бесплатный, без оплаты", ""),
    ("синдром Дауна, трисомия 21", ""),
    ("недоношенный, недоношенность, родился раньше срока", ""),
    ("передышка, кратковременное пребывание, социальная передышка", ""),
    ("первая встреча, первичный приём, первый приём", ""),
    ("родитель, мама, папа", ""),
    ("малыш, ребёнок, младенец", ""),
    ("коляска, кресло-коляска", ""),
]

PROMOTED = [
    (
        ["аутизм", "РАС"],
        "/library/autism-early-signs-recommendations/",
        "",
        "Методические рекомендации о первых признаках.",
    ),
    (["ранняя помощь"], "/parents/what-is-early-care/", "", "Коротко и понятно для родителей."),
]


def build(ctx):
    created = 0
    for terms, note in SYNONYMS:
        first = terms.split(",")[0].strip()
        if not SynonymGroup.objects.filter(terms__startswith=first + ",").exists():
            SynonymGroup.objects.create(terms=terms, note=note)
            created += 1
    promoted = 0
    for queries, path, title, description in PROMOTED:
        page = Page.objects.filter(url_path__endswith=path).first()
        if page is None or PromotedResult.objects.filter(queries="\n".join(queries)).exists():
            continue
        PromotedResult.objects.create(queries="\n".join(queries), page=page, title=title, description=description)
        promoted += 1
    ctx.log(f"search: {created} synonym groups and {promoted} promoted results added")
