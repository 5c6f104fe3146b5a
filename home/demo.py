"""Demo pages owned by the home app: service pages, the parents' guidance hub and the home page's routing.

ORDER = 90: it runs after the library (materials, ORDER 20) so the home page can route specialists there.
Every step creates only what is missing, so running `load_demo` twice changes nothing.
"""

from django.apps import apps

from wagtail.models import Page

from core.demo_core import child_page
from core.models import AgeGroup, DevelopmentalConcern, PortalSettings, ServiceType, Topic
from home.blocks import providers_list_url
from home.demo_texts import PAGES as GUIDANCE_PAGES
from home.demo_texts.statement import INTRO as STATEMENT_INTRO
from home.demo_texts.statement import accessibility_body
from home.models import GuidanceIndexPage, GuidancePage, HomePage, StandardPage

ORDER = 90

HUB_SLUG = "parents"
LIBRARY_SLUG = "library"

ABOUT_BODY = [
    (
        "paragraph",
        "<p>Этот портал помогает семьям, в которых растёт малыш с особенностями развития "
        "или с риском их появления. Здесь собраны понятные советы для родителей, "
        "материалы для специалистов и адреса служб ранней помощи.</p>",
    ),
    ("heading", {"text": "Кто делает портал"}),
    (
        "paragraph",
        "<p>Портал ведут специалисты служб ранней помощи и редакторы. "
        "Данные о поставщиках услуг проверяют операторы регионального реестра.</p>",
    ),
]

PRIVACY_BODY = [
    (
        "paragraph",
        "<p>Мы бережно относимся к данным о вас. Здесь просто рассказано, что мы храним и зачем. "
        "Мы соблюдаем закон «О персональных данных» (152-ФЗ).</p>",
    ),
    ("heading", {"text": "Что мы храним"}),
    (
        "paragraph",
        "<ul><li>Если вы сообщаете об ошибке в данных о службе, мы храним ваше сообщение. "
        "Имя и почту вы можете не указывать.</li>"
        "<li>Если вы отвечаете «Да» или «Нет» на вопрос о пользе страницы, мы храним только число ответов. "
        "Кто ответил, мы не знаем.</li>"
        "<li>Сайт хранит в вашем браузере маленькие файлы (cookie). Они помнят версию для слабовидящих, "
        "ваш ответ о пользе страницы и защищают формы от подделки.</li></ul>",
    ),
    ("heading", {"text": "Зачем"}),
    (
        "paragraph",
        "<p>Почта нужна только чтобы ответить вам про ошибку. Мы не шлём рекламу. "
        "Мы не продаём и не передаём ваши данные другим людям.</p>",
    ),
    ("heading", {"text": "Как долго"}),
    (
        "paragraph",
        "<p>Сообщение об ошибке мы храним, пока не исправим данные, и ещё год. Потом удаляем его. "
        "Файлы cookie исчезают, когда вы закрываете браузер или через две недели. "
        "Только настройки версии для слабовидящих браузер помнит год.</p>",
    ),
    ("heading", {"text": "Ваши права"}),
    (
        "paragraph",
        "<p>Вы можете узнать, какие данные о вас у нас есть. Можно попросить исправить их или удалить. "
        "Напишите нам на почту из нижней части сайта. Мы ответим в течение десяти рабочих дней.</p>",
    ),
]

HOME_BODY = [
    ("heading", {"text": "Ранняя помощь — это бесплатно"}),
    (
        "paragraph",
        "<p>Малыши до трёх лет и их семьи получают помощь бесплатно в государственных службах. "
        "Инвалидность для этого не нужна. Если вас что-то тревожит, позвоните на горячую линию.</p>",
    ),
]


def build(ctx):
    portal = _portal_settings(ctx)
    _standard_page(ctx.home, "О портале", "about", "Зачем нужен этот сайт и кто его ведёт.", ABOUT_BODY, True)
    _standard_page(
        ctx.home,
        "Доступность сайта",
        "accessibility",
        STATEMENT_INTRO,
        accessibility_body(portal.contact_email, portal.hotline_phone),
        False,
    )
    _standard_page(
        ctx.home,
        "Персональные данные",
        "privacy",
        "Какие данные о вас хранит сайт, зачем и как долго.",
        PRIVACY_BODY,
        False,
    )
    _footer_links(ctx)
    hub = _guidance_hub(ctx.home)
    created = _guidance_pages(hub)
    ctx.log(f"home: guidance hub with {GuidancePage.objects.child_of(hub).count()} pages ({created} new)")
    _home_routing(ctx)
    _menu_order(ctx.home)
    ctx.log("home: service pages and audience routing ready")


def _portal_settings(ctx):
    settings = PortalSettings.for_site(ctx.home.get_site())
    before = (settings.hotline_phone, settings.operator_name, settings.footer_note, settings.contact_email)
    settings.hotline_phone = settings.hotline_phone or "8 800 000-00-00"
    settings.operator_name = settings.operator_name or "Демонстрационный портал ранней помощи"
    settings.footer_note = settings.footer_note or (
        "Ранняя помощь — бесплатная поддержка детей до трёх лет и их семей."
    )
    settings.contact_email = settings.contact_email or "info@example.org"
    if before != (settings.hotline_phone, settings.operator_name, settings.footer_note, settings.contact_email):
        settings.save()
    return settings


def _footer_links(ctx):
    settings = PortalSettings.for_site(ctx.home.get_site())
    pages = {p.slug: p for p in StandardPage.objects.child_of(ctx.home).filter(slug__in=["accessibility", "privacy"])}
    if settings.accessibility_page_id is None and settings.privacy_page_id is None:
        settings.accessibility_page = pages.get("accessibility")
        settings.privacy_page = pages.get("privacy")
        settings.save()


def _standard_page(parent, title, slug, intro, body, in_menu):
    return child_page(parent, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=in_menu)


def _guidance_hub(home):
    return child_page(
        home,
        GuidanceIndexPage,
        HUB_SLUG,
        title="Родителям",
        show_in_menus=True,
        intro=(
            "Понятные советы о развитии малыша. Как заметить, что нужна помощь, "
            "где её получить и как заниматься с ребёнком дома."
        ),
    )


def _terms(model, slugs):
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = set(slugs) - set(found)
    if missing:
        raise LookupError(f"{model.__name__}: no terms {sorted(missing)} (seeded by portal migrations)")
    return [found[slug] for slug in slugs]


def _resolve_find_help(value):
    resolved = dict(value)
    for key, model in (("service", ServiceType), ("concern", DevelopmentalConcern), ("age_group", AgeGroup)):
        resolved[key] = _terms(model, [value[key]])[0] if value.get(key) else None
    return resolved


def _resolve_block(kind, value):
    """Demo blocks name taxonomy terms and library materials by slug; a missing material drops its video."""
    if kind == "find_help":
        return kind, _resolve_find_help(value)
    if kind == "library_video":
        try:
            material = apps.get_model("materials", "MaterialPage").objects.live().filter(slug=value).first()
        except LookupError:
            return None
        return ("video", material.video[0].value) if material is not None and len(material.video) else None
    return kind, value


def _guidance_pages(hub):
    """Create the missing demo pages, then link the new ones to their related pages."""
    existing = {page.slug: page for page in GuidancePage.objects.child_of(hub)}
    new = []
    for spec in GUIDANCE_PAGES:
        if spec["slug"] in existing:
            continue
        name, role, date = spec["reviewer"]
        body = [_resolve_block(kind, value) for kind, value in spec["body"]]
        body = [block for block in body if block is not None]
        page = GuidancePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=[("point", point) for point in spec["points"]],
            body=body,
            audience=spec.get("audience", "parents"),
            reviewed_by_name=name,
            reviewed_by_role=role,
            reviewed_at=date,
            search_description=spec["points"][0],
        )
        hub.add_child(instance=page)
        page.topics.set(_terms(Topic, spec["topics"]))
        page.age_groups.set(_terms(AgeGroup, spec["ages"]))
        page.concerns.set(_terms(DevelopmentalConcern, spec["concerns"]))
        existing[page.slug] = page
        new.append((page, spec))
    for page, spec in new:
        related = [existing[slug] for slug in spec["related"] if slug in existing]
        related += _library_materials_for(spec["topics"], exclude=related)
        page.related = [("page", item) for item in related]
        page.save_revision().publish()
    return len(new)


def _library_materials_for(topic_slugs, exclude, limit=1):
    """A library material for parents on the page's topics, when the methods library is installed."""
    try:
        material_model = apps.get_model("materials", "MaterialPage")
    except LookupError:
        return []
    materials = (
        material_model.objects.live()
        .filter(for_parents=True, topics__slug__in=topic_slugs)
        .exclude(pk__in=[page.pk for page in exclude])
        .distinct()
        .order_by("path")
    )
    return list(materials[:limit])


def _card(heading, text, link_text, page=None, url=""):
    return {"heading": heading, "text": text, "page": page, "url": url, "link_text": link_text}


def _menu_order(home):
    """Main menu in the order visitors need it: parents, specialists, then the portal's own pages."""
    wanted = [HUB_SLUG, LIBRARY_SLUG]
    for slug in reversed(wanted):
        children = list(Page.objects.child_of(home).order_by("path"))
        page = next((child for child in children if child.slug == slug), None)
        if page is not None and children[0].pk != page.pk:
            page.move(home, pos="first-child")


def _home_routing(ctx):
    """Audience cards on the home page: parents, specialists (if the library exists), help nearby."""
    home = HomePage.objects.get(pk=ctx.home.pk)
    hub = GuidanceIndexPage.objects.child_of(home).get(slug=HUB_SLUG)
    library = Page.objects.child_of(home).filter(slug=LIBRARY_SLUG).first()
    cards = [
        _card(
            "Родителям",
            "Как растёт малыш, на что обратить внимание и где получить помощь. Простыми словами.",
            "Читать советы",
            page=hub,
        )
    ]
    if library is not None:
        cards.append(
            _card(
                "Специалистам",
                "Методические материалы, программы и видеолекции о ранней помощи.",
                "Открыть библиотеку",
                page=library,
            )
        )
    cards.append(
        _card(
            "Найти помощь рядом",
            "Службы ранней помощи на карте и в списке: адреса, телефоны, виды помощи.",
            "Найти службу",
            url=providers_list_url(),
        )
    )
    wanted = [{**card, "page": card["page"].pk if card["page"] else None} for card in cards]
    current = [child["value"] for child in home.audience_cards.raw_data]
    if current == wanted and home.body.raw_data and not home.has_unpublished_changes:
        return
    home.audience_cards = [("card", card) for card in cards]
    if not home.body.raw_data:
        home.body = HOME_BODY
    home.save_revision().publish()
