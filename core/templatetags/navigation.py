from django import template

from core.menus import menu_pages

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current_path = getattr(context.get("page"), "path", "")
    items = [(page, bool(current_path) and current_path.startswith(page.path)) for page in menu_pages(request)]
    return {"menu_items": items, "request": request}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"menu_pages": menu_pages(request), "request": request}
