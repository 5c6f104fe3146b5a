"""Demo pages owned by the home app: the home page's text and the portal's service pages."""

ORDER = 10

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

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>Мы делаем сайт удобным для всех. Страницы можно читать с клавиатуры "
        "и программой экранного доступа. Текст можно увеличить в два раза.</p>",
    ),
    ("heading", {"text": "Версия для слабовидящих"}),
    (
        "paragraph",
        "<p>Ссылка «Версия для слабовидящих» вверху страницы включает крупный шрифт "
        "и высокий контраст. Она работает и без JavaScript.</p>",
    ),
    ("heading", {"text": "Если что-то не работает"}),
    ("paragraph", "<p>Напишите нам, какая страница и что не получилось. Мы ответим и исправим.</p>"),
]


def _standard_page(parent, title, slug, intro, body, in_menu):
    from home.models import StandardPage

    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = StandardPage(title=title, slug=slug, intro=intro, body=body, show_in_menus=in_menu)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def build(ctx):
    from portal.models import PortalSettings

    settings = PortalSettings.for_site(ctx.home.get_site())
    settings.hotline_phone = settings.hotline_phone or "8 800 000-00-00"
    settings.operator_name = settings.operator_name or "Демонстрационный портал ранней помощи"
    settings.footer_note = settings.footer_note or (
        "Ранняя помощь — бесплатная поддержка детей до трёх лет и их семей."
    )
    settings.contact_email = settings.contact_email or "info@example.org"
    settings.save()
    _standard_page(ctx.home, "О портале", "about", "Зачем нужен этот сайт и кто его ведёт.", ABOUT_BODY, True)
    _standard_page(
        ctx.home,
        "Доступность сайта",
        "accessibility",
        "Как мы делаем сайт удобным для всех.",
        ACCESSIBILITY_BODY,
        False,
    )
    ctx.log("home: service pages ready")
