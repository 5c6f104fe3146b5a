"""ASCII slugs for Russian names (a simplified ISO 9 / passport-style transliteration)."""

from django.utils.text import slugify

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text):
    return "".join(_TRANSLIT.get(ch, ch) for ch in str(text).lower())


def slug_from_name(name, max_length=80):
    slug = slugify(transliterate(name))[:max_length].strip("-")
    return slug or "organisation"


def unique_slug(model, name, instance_pk=None, max_length=80):
    base = slug_from_name(name, max_length=max_length - 4)
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exclude(pk=instance_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
